/**
 * Issue 2 end to end: open a drill, write a model in the editor, run it, watch it
 * train, stop it, get a mark — in real headless Chromium against the built app.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, launch, openPage, setEditorCode, type OpenedPage } from './browser';
import { readFileSync } from 'node:fs';

const DRILL = 'auto-mpg';
const solution = readFileSync(`exercises/${DRILL}/solution.ts`, 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openDrill(backend: string): Promise<OpenedPage> {
  const opened = await openPage(browser, `#/drill/${DRILL}`);
  await opened.page.getByRole('button', { name: 'Run', exact: true }).waitFor({ timeout: 30_000 });
  await opened.page.getByLabel('Backend').selectOption(backend);
  // The draft (or starter) is restored asynchronously; paste only once it is in.
  await expect.poll(() => editorText(opened.page), { timeout: 60_000 }).toContain('export default');
  return opened;
}

describe('the lab, end to end', () => {
  it('trains a model written in the editor on WebGL, draws curves and gives a mark', async () => {
    const { page, console: lines, context } = await openDrill('webgl');
    await setEditorCode(page, solution);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.getByTestId('active-backend').textContent(), { timeout: 60_000 }).toMatch(/webgl/i);
    // Curves: the chart has drawn at least one epoch point.
    await page.getByTestId('loss-chart').locator('canvas').first().waitFor({ timeout: 60_000 });
    const submit = page.getByRole('button', { name: 'Submit', exact: true });
    await expect.poll(() => submit.isEnabled(), { timeout: 120_000 }).toBe(true);
    await submit.click();
    const mark = page.getByTestId('mark');
    await mark.waitFor({ timeout: 120_000 });
    expect(await mark.textContent()).toMatch(/^[0-5]\/5$/);
    expect(Number((await mark.textContent())!.split('/')[0])).toBe(5);
    expect(lines.filter((l) => /Could not create web worker/i.test(l))).toEqual([]);
    await context.close();
  });

  it('stops `while (true) {}` within a second and keeps the editor content', async () => {
    const { page, context } = await openDrill('cpu');
    const endless = `import * as tf from '@tensorflow/tfjs';\nexport default async function train() {\n  while (true) {}\n}\n`;
    await setEditorCode(page, endless);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const stop = page.getByRole('button', { name: 'Stop', exact: true });
    await expect.poll(() => stop.isEnabled(), { timeout: 30_000 }).toBe(true);
    // Let the worker spin, then prove the page (main thread) still answers.
    await page.waitForTimeout(1500);
    const t0 = Date.now();
    await page.evaluate(() => 1 + 1);
    expect(Date.now() - t0).toBeLessThan(1000);
    const stopClicked = Date.now();
    await stop.click();
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor({ state: 'visible' });
    await expect.poll(() => page.getByRole('button', { name: 'Run', exact: true }).isEnabled(), { timeout: 1000 }).toBe(true);
    expect(Date.now() - stopClicked).toBeLessThan(1000);
    // No sandbox iframe is left running the loop.
    expect(await page.locator('iframe[sandbox]').evaluateAll((els) => els.length)).toBeLessThanOrEqual(1);
    expect(await editorText(page)).toContain('while (true) {}');
    await context.close();
  });

  it('reports a syntax error with its line', async () => {
    const { page, context } = await openDrill('cpu');
    await setEditorCode(page, `export default async function train() {\n  const x = ;\n}\n`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const error = page.getByRole('alert').filter({ hasText: /syntax/i });
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(/line 2/i);
    await context.close();
  });

  it('keeps learner code away from the app storage', async () => {
    const { page, context } = await openDrill('cpu');
    // The app stores a secret in its own storage; learner code must not see it.
    await page.evaluate(() => localStorage.setItem('dojo-secret', 'app-only'));
    const probe = `export default async function train() {
  const report: string[] = [];
  try { report.push('ls:' + (globalThis as any).localStorage?.getItem('dojo-secret')); } catch (e) { report.push('ls-blocked:' + (e as Error).name); }
  try {
    const names = await (indexedDB as any).databases();
    report.push('idb:' + names.map((d: any) => d.name).join(','));
  } catch (e) { report.push('idb-blocked:' + (e as Error).name); }
  try { await fetch(new URL('index.html', (self as any).location.href).href); report.push('fetch:ok'); } catch (e) { report.push('fetch-blocked'); }
  report.push('doc:' + typeof (globalThis as any).document);
  console.log('PROBE ' + report.join(' '));
  throw new Error('probe done');
}`;
    await setEditorCode(page, probe);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const line = page.getByTestId('console').getByText(/^PROBE /);
    await line.waitFor({ timeout: 30_000 });
    const text = (await line.textContent()) ?? '';
    expect(text).not.toContain('app-only');
    expect(text).toMatch(/idb-blocked|idb:$|idb: /);
    expect(text).not.toMatch(/idb:.*dojo/);
    expect(text).toContain('fetch-blocked');
    expect(text).toContain('doc:undefined');
    await context.close();
  });
});
