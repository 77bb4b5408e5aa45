/**
 * Keras files on "Grade a model" in real Chromium: a `.keras` and an `.h5` made by
 * Keras 3.15 (tests/fixtures/keras) are read in the page and graded on the drills
 * whose contract they fit. The mark the page stores must equal, to 1e-4, the one the
 * CLI gives the same file in Node, where the loaded model is checked against Keras'
 * own predictions (tests/unit/keras/fixtures.test.ts): so the page reproduces Keras too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeFile } from '../../src/cli/commands/grade';
import { loadRegistry } from '../../src/cli/exercises';
import { launch, openPage } from './browser';

const FIX = join(__dirname, '../fixtures/keras');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openImport(drill: string) {
  const opened = await openPage(browser, `#/import/${drill}`);
  await opened.page.getByRole('heading', { name: 'Grade a model' }).waitFor({ timeout: 30_000 });
  return opened;
}

async function upload(page: Page, file: string, buffer: Buffer = readFileSync(join(FIX, file))): Promise<void> {
  await page.getByLabel('Model files').setInputFiles([{ name: file, mimeType: 'application/octet-stream', buffer }]);
  await page.getByRole('button', { name: 'Grade model' }).click();
}

/** The last attempt the page recorded for a drill, at full precision (the card shows 4 digits). */
async function storedMetric(page: Page, drillId: string): Promise<number | null> {
  return page.evaluate(
    (id) =>
      new Promise<number | null>((resolve, reject) => {
        const open = indexedDB.open('tensor-dojo');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('attempts').objectStore('attempts').getAll();
          all.onsuccess = () => {
            const mine = (all.result as { drillId: string; metric: { value: number | null } }[]).filter((a) => a.drillId === id);
            resolve(mine.length ? mine[mine.length - 1].metric.value : null);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    drillId,
  );
}

describe('grade a Keras file', () => {
  it.each([
    ['auto-mpg', 'dense-regression.keras', 1e-4],
    ['seattle-hourly-6h', 'conv1d-lstm-series.h5', 1e-3],
  ])('%s: %s is read in the page and gets the CLI’s mark', async (drillId, file, tolerance) => {
    const { drill } = (await loadRegistry()).get(drillId);
    const cli = await gradeFile(drill, join(FIX, file), { backend: 'cpu', quiet: true });
    const { page, context } = await openImport(drillId);
    await upload(page, file);
    const mark = page.getByTestId('mark');
    await mark.waitFor({ timeout: 120_000 });
    expect(await mark.textContent()).toBe(`${cli.points}/5`);
    await expect.poll(() => storedMetric(page, drillId), { timeout: 15_000 }).not.toBeNull();
    const stored = (await storedMetric(page, drillId))!;
    expect(Math.abs(stored - cli.value!)).toBeLessThan(tolerance * Math.max(1, Math.abs(cli.value!)));
    await context.close();
  });

  it('takes a dropped .h5 file too', async () => {
    const { drill } = (await loadRegistry()).get('auto-mpg');
    const cli = await gradeFile(drill, join(FIX, 'dense-regression.h5'), { backend: 'cpu', quiet: true });
    const { page, context } = await openImport('auto-mpg');
    const base64 = readFileSync(join(FIX, 'dense-regression.h5')).toString('base64');
    const transfer = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'dense-regression.h5'));
      return dt;
    }, base64);
    await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    await expect.poll(() => page.getByTestId('import-files').textContent().catch(() => ''), { timeout: 10_000 }).toContain('dense-regression.h5');
    await page.getByRole('button', { name: 'Grade model' }).click();
    const mark = page.getByTestId('mark');
    await mark.waitFor({ timeout: 120_000 });
    expect(await mark.textContent()).toBe(`${cli.points}/5`);
    await expect.poll(() => storedMetric(page, 'auto-mpg'), { timeout: 15_000 }).not.toBeNull();
    expect(Math.abs((await storedMetric(page, 'auto-mpg'))! - cli.value!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(cli.value!)));
    await context.close();
  });

  it('reads and grades a .keras offline: the reader and its libraries are precached, nothing is fetched', async () => {
    const { page, context } = await openPage(browser, '#/settings');
    await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), null, { timeout: 90_000 });
    // The lazy chunks: the Keras reader, and the HDF5 library it imports (their file names vary by build).
    const lazy = await page.evaluate(async () => {
      const precache = (await caches.keys()).find((k) => k.startsWith('workbox-precache'));
      const cache = await caches.open(precache ?? 'none');
      const scripts = (await cache.keys()).filter((r) => new URL(r.url).pathname.endsWith('.js'));
      const texts = await Promise.all(scripts.map(async (r) => (await cache.match(r))?.text() ?? ''));
      return {
        reader: texts.some((t) => t.includes('model.weights.h5') && t.includes('config.json')),
        hdf5: texts.some((t) => t.includes('superblock')),
      };
    });
    expect(lazy).toEqual({ reader: true, hdf5: true });
    const row = page.getByTestId('offline-dataset-auto-mpg');
    await row.getByRole('button', { name: 'Make auto-mpg available offline' }).click();
    await row.getByText('Available offline').waitFor({ timeout: 30_000 });

    const reached: string[] = [];
    await context.setOffline(true);
    await context.route('**/*', (route) => {
      reached.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await page.goto(new URL('#/import/auto-mpg', page.url()).href);
    await page.reload();
    await page.getByRole('heading', { name: 'Grade a model' }).waitFor({ timeout: 60_000 });
    await upload(page, 'dense-regression.keras');
    await page.getByTestId('mark').waitFor({ timeout: 120_000 });
    expect(reached.filter((u) => !/favicon|manifest\.webmanifest|icons\//.test(u))).toEqual([]);
    await context.close();
  });

  it('shows one clear line for a Keras file it cannot read', async () => {
    const { page, context } = await openImport('auto-mpg');
    const whole = readFileSync(join(FIX, 'dense-regression.h5'));
    const cases: [string, Buffer, RegExp][] = [
      ['truncated .h5', Buffer.from(whole.subarray(0, 4000)), /'model\.h5' is truncated/],
      ['not a Keras file', Buffer.from('print("hello")\n'), /neither a Keras 3 \.keras file \(a zip\) nor an HDF5 \.h5 file/],
    ];
    for (const [what, buffer, message] of cases) {
      await upload(page, what === 'not a Keras file' ? 'model.keras' : 'model.h5', buffer);
      const alert = page.getByTestId('import-error');
      await expect.poll(() => alert.textContent().catch(() => ''), { timeout: 15_000, message: what }).toMatch(message);
      expect(await page.getByTestId('mark').count(), what).toBe(0);
    }
    await context.close();
  });
});
