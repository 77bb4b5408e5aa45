/**
 * A copy published on a static host under a sub-path, as GitHub Pages serves a
 * project (`https://user.github.io/tensor-dojo/`): the app loads there, a share
 * link made there points there, and the link opens in a fresh browser — online,
 * and offline after that browser's first visit.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, launch, setEditorCode, goOffline } from './browser';
import { serveDist, type StaticServer } from './static-server';

const PREFIX = '/tensor-dojo';
const CODE = `// published copy ✓\nexport default async function train() {}\n`;

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveDist({ prefix: PREFIX, headers: { 'Access-Control-Allow-Origin': '*' } });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});


describe('a copy published under a sub-path', () => {
  it('makes share links that point into the sub-path and open there, offline too', async () => {
    const a = await browser.newContext();
    const pageA = await a.newPage();
    await pageA.goto(`${server.appUrl}#/drill/auto-mpg`);
    await expect.poll(() => pageA.evaluate(() => globalThis.crossOriginIsolated).catch(() => false), { timeout: 90_000, interval: 500 }).toBe(true);
    await pageA.getByRole('button', { name: 'Run', exact: true }).waitFor({ timeout: 30_000 });
    await expect.poll(() => editorText(pageA), { timeout: 60_000 }).toContain('export default');
    await setEditorCode(pageA, CODE);
    await pageA.getByRole('button', { name: 'Copy link' }).click();
    const link = await pageA.locator('#share-link-field').inputValue();
    expect(link.startsWith(`${server.appUrl}#v1/`) || link.startsWith(`${server.appUrl}index.html#v1/`)).toBe(true);
    await a.close();

    const b = await browser.newContext();
    const page = await b.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(link);
    // A host without headers: the service worker isolates the page by reloading an untouched first visit once.
    await expect.poll(() => page.evaluate(() => globalThis.crossOriginIsolated).catch(() => false), { timeout: 90_000, interval: 500 }).toBe(true);
    await page.getByTestId('shared-notice').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('shared-code').textContent()).toBe(CODE);
    // The service worker's scope is the sub-path, and it has the app precached.
    await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), null, { timeout: 90_000 });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(server.appUrl);

    const reached = await goOffline(b);
    await page.reload();
    await page.getByTestId('shared-notice').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('shared-code').textContent()).toBe(CODE);
    await page.getByRole('button', { name: 'Open in the editor' }).click();
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('published copy ✓');
    expect(reached.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await b.close();
  });
});
