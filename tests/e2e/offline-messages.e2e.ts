/**
 * Issue 19 item 5: offline, a Run whose dataset was never kept says so (not "your code
 * threw"), and points to Settings → Offline; Settings offline shows no buttons that
 * cannot work and logs no errors; a drill page opened online keeps its dataset.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, goOffline, launch, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Datasets wholly in the dataset cache: the manifest and every file it lists. (The
 * manifest alone is not enough: the service worker caches whatever the data worker
 * fetched, manifest first, while the page's own keep-for-offline may still be filling
 * the rest.)
 */
const cachedManifests = (page: Page) =>
  page.evaluate(async () => {
    const names: string[] = [];
    for (const key of await caches.keys()) {
      if (!key.startsWith('dojo-datasets-')) continue;
      const cache = await caches.open(key);
      for (const r of await cache.keys()) {
        const m = /datasets\/([^/]+)\/manifest\.json$/.exec(new URL(r.url).pathname);
        if (!m) continue;
        const manifest = (await (await cache.match(r))!.json()) as { files: { path: string }[] };
        const files = await Promise.all(manifest.files.map((f) => cache.match(new URL(f.path, r.url).href)));
        if (files.every(Boolean)) names.push(m[1]);
      }
    }
    return names;
  });

describe('offline messages', () => {
  it('keeps an opened drill’s dataset, and offline names the missing one and Settings → Offline', async () => {
    const { page, context, console: lines } = await openPage(browser, '#/drill/mpg-one-neuron');
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 90_000 });
    // Opening the drill online kept its data (auto-mpg) for offline use, unasked.
    await expect.poll(() => cachedManifests(page), { timeout: 30_000 }).toContain('auto-mpg');

    await goOffline(context);
    await page.goto(new URL('#/drill/spam-or-ham', baseUrl()).href);
    await page.getByLabel('Backend').selectOption('cpu');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const alert = page.getByTestId('run-error');
    await alert.waitFor({ timeout: 60_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/not available offline/);
    expect(text).not.toMatch(/Your code threw/);
    await alert.getByRole('link', { name: /Settings → Offline/ }).click();

    const before = lines.filter((l) => l.startsWith('error')).length;
    await page.getByTestId('offline-now').waitFor({ timeout: 10_000 });
    await page.getByTestId('offline-dataset-auto-mpg').getByText('Available offline').waitFor({ timeout: 10_000 });
    expect(await page.getByRole('button', { name: /available offline/i }).count()).toBe(0);
    await page.waitForTimeout(1000);
    expect(lines.filter((l) => l.startsWith('error')).slice(before)).toEqual([]);

    // Opened cold offline (a reload served by the service worker): still not one error.
    const reloadedAt = lines.length;
    await page.reload();
    await page.getByTestId('offline-now').waitFor({ timeout: 30_000 });
    await page.getByTestId('offline-dataset-auto-mpg').getByText('Available offline').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1000);
    expect(lines.slice(reloadedAt).filter((l) => l.startsWith('error'))).toEqual([]);
    await context.close();
  });
});
