/**
 * Issue 5, never lose work: a full disk is reported and typing goes on; an
 * export from one browser imported into a fresh one restores drafts and attempts;
 * a trained model outlives a reload and can still be submitted.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../src/storage/db';
import { baseUrl, editorText, launch, openPage, setEditorCode, submitForPoints, trainOn, withEpochs } from './browser';

const DRILL = 'auto-mpg';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openDrill(page: Page): Promise<void> {
  await page.goto(new URL(`#/drill/${DRILL}`, baseUrl()).href);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor({ timeout: 30_000 });
  await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
}

describe('never lose work', () => {
  it('keeps a trained model across a reload, to load back and submit', async () => {
    const { page, context, errors } = await openPage(browser, '#/');
    await openDrill(page);
    await setEditorCode(page, readFileSync(`exercises/${DRILL}/solution.ts`, 'utf8'));
    await trainOn(page, 'cpu');
    const submit = page.getByRole('button', { name: 'Submit', exact: true });
    // Trained, not submitted, and the tab reloads (or crashes, or is closed).
    const keptModels = () =>
      page.evaluate(
        (name) =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open(name);
            open.onsuccess = () => {
              const db = open.result;
              const req = db.transaction('models').objectStore('models').count();
              req.onsuccess = () => {
                db.close();
                resolve(req.result);
              };
              req.onerror = () => reject(req.error);
            };
            open.onerror = () => reject(open.error);
          }),
        DB_NAME,
      );
    await expect.poll(keptModels, { timeout: 10_000 }).toBe(1);
    await page.reload();
    const offer = page.getByTestId('kept-model');
    await offer.waitFor({ timeout: 30_000 });
    expect(await offer.textContent()).toMatch(/on CPU.*not submitted/);
    expect(await submit.isEnabled()).toBe(false);
    await page.getByRole('button', { name: 'Load it to submit or export' }).click();
    await expect.poll(() => page.getByTestId('run-status').textContent()).toMatch(/Loaded the model trained/);
    expect(await submitForPoints(page)).toBeGreaterThanOrEqual(3);

    await page.goto(new URL('#/settings', baseUrl()).href);
    const saved = page.getByTestId('saved-model');
    await saved.first().waitFor({ timeout: 10_000 });
    expect(await saved.first().textContent()).toMatch(/Auto MPG.*CPU.*[3-5]\/5/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reports a full disk with the banner and keeps typing working', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      // Runs in every frame, the opaque-origin sandbox iframe included, where it must not break anything.
      try {
        IDBObjectStore.prototype.put = function put() {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      } catch {
        /* not available in this frame */
      }
    });
    const { page, errors } = await openPage(browser, '#/', context);
    await openDrill(page);
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n// first line after the disk filled');
    const banner = page.getByTestId('storage-banner');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toMatch(/Storage is full/);
    await page.keyboard.type('\n// and typing goes on');
    await expect.poll(() => editorText(page)).toContain('// and typing goes on');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toMatch(/Not saved/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports everything and imports it into a fresh browser', async () => {
    const a = await openPage(browser, '#/');
    await openDrill(a.page);
    // A real attempt, recorded the way the app records one: train, Submit, mark.
    await setEditorCode(a.page, withEpochs(readFileSync(`exercises/${DRILL}/solution.ts`, 'utf8'), 20));
    await trainOn(a.page, 'cpu');
    const points = await submitForPoints(a.page);
    await setEditorCode(a.page, '// exported draft ✓\nexport default async function train() {}\n');
    await expect.poll(() => a.page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
    await a.page.goto(new URL('#/settings', baseUrl()).href);
    const downloadPromise = a.page.waitForEvent('download');
    await a.page.getByRole('button', { name: 'Export everything' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^tensor-dojo-\d{4}-\d\d-\d\d\.json$/);
    const file = join(await mkdtemp(join(tmpdir(), 'dojo-export-')), download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.drafts.map((d: { code: string }) => d.code)).toContain('// exported draft ✓\nexport default async function train() {}\n');
    await a.context.close();

    const b = await openPage(browser, '#/settings');
    await b.page.getByLabel('Import a file').setInputFiles(file);
    const status = b.page.getByTestId('transfer-status');
    await status.waitFor({ timeout: 10_000 });
    expect(await status.textContent()).toMatch(/1 draft restored, 1 attempt added/);
    await b.page.goto(new URL('#/', baseUrl()).href);
    const card = b.page.getByTestId(`drill-card-${DRILL}`);
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`${points}/5`));
    await openDrill(b.page);
    await expect.poll(() => editorText(b.page)).toContain('// exported draft ✓');

    // Importing the same file again adds nothing.
    await b.page.goto(new URL('#/settings', baseUrl()).href);
    await b.page.getByLabel('Import a file').setInputFiles(file);
    await expect.poll(() => b.page.getByTestId('transfer-status').textContent(), { timeout: 10_000 }).toMatch(/Nothing new/);
    await b.context.close();
  });
});
