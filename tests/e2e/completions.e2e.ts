/**
 * Issue 19 item 2: while the tfjs types load, the page says so; once it says they are
 * in, `tf.` completes at once (the worker was warmed up in the background). How long
 * that takes is measured in a bench, not asserted here.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, launch, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('completions', () => {
  it('shows a loading-types state, then completes tf. right away', async () => {
    const { page, context } = await openPage(browser, '#/drill/mpg-one-neuron');
    const state = page.getByTestId('types-state');
    await state.waitFor({ state: 'attached', timeout: 30_000 });
    // Either still loading (and saying so) or already done; never silent while loading.
    const first = await state.getAttribute('data-status');
    if (first === 'loading') expect(await state.textContent()).toMatch(/Loading tfjs types/);
    await expect.poll(() => state.getAttribute('data-status'), { timeout: 90_000 }).toBe('ready');

    await expect.poll(() => editorText(page), { timeout: 30_000 }).toContain('export default');
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\ntf.');
    // Ready means the worker has answered `tf.` once already: the list is not "Loading…".
    const suggest = page.locator('.suggest-widget .monaco-list-row');
    await suggest.first().waitFor({ timeout: 30_000 });
    await page.keyboard.type('seque');
    await expect.poll(() => suggest.first().textContent(), { timeout: 30_000 }).toMatch(/sequential/);
    await context.close();
  });
});
