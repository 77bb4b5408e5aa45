/**
 * Issue 19 item 2: while the tfjs types load, the page says so; once it says they are
 * in, `tf.` completes at once (the worker was warmed up in the background), and a `tf.`
 * typed too early gets its list when they arrive. How long that takes is measured in a
 * bench, not asserted here.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, editorText, launch, openPage, setEditorCode } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A drill page whose tfjs types (the type-libs chunk) arrive only when `release` is called; resolves once the editor shows the code. */
async function openWithTypesHeld() {
  const context = await browser.newContext();
  const page = await context.newPage();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/type-libs[^/]*\.js/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(new URL('#/drill/mpg-one-neuron', baseUrl()).href);
  await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
  return { page, context, release };
}

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

  it('underlines wrong code, including page-only names learner code cannot use in its worker', async () => {
    const { page, context } = await openPage(browser, '#/drill/mpg-one-neuron');
    const state = page.getByTestId('types-state');
    await expect.poll(() => state.getAttribute('data-status'), { timeout: 90_000 }).toBe('ready');
    const errors = page.locator('.monaco-editor .squiggly-error');
    const valid = "import * as tf from '@tensorflow/tfjs';\nexport const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });\n";
    await setEditorCode(page, valid);
    await expect.poll(() => editorText(page), { timeout: 30_000 }).toContain('tf.sequential');
    // Correct code: no underline (so the ones below come from the errors added).
    await page.waitForTimeout(1_500);
    expect(await errors.count()).toBe(0);
    await setEditorCode(page, `${valid}tf.sequentail();\n`);
    await expect.poll(() => errors.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // Back to correct code, and the underline goes (none left over for the next check).
    await setEditorCode(page, valid);
    await expect.poll(() => errors.count(), { timeout: 30_000 }).toBe(0);
    // The sandbox runs learner code in a worker: the page's `document` is an error there.
    await setEditorCode(page, `${valid}document.title = 'x';\n`);
    await expect.poll(() => errors.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await context.close();
  });

  it('opens the list by itself when the types arrive after the learner typed `tf.`', async () => {
    // The tfjs types held back until `tf.` has been typed (and answered without them).
    const { page, context, release } = await openWithTypesHeld();
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\ntf.');
    // A row with a member's icon (not the plain-text icon of the editor's word guesses).
    const memberRows = page.locator('.suggest-widget.visible .monaco-list-row .suggest-icon:not(.codicon-symbol-text)');
    await page.waitForTimeout(1_500);
    expect(await memberRows.count()).toBe(0);
    expect(await page.getByTestId('types-state').getAttribute('data-status')).toBe('loading');
    release();
    await expect.poll(() => page.getByTestId('types-state').getAttribute('data-status'), { timeout: 90_000 }).toBe('ready');
    // No key pressed since `tf.`: the list of tfjs' members opens on its own.
    await expect.poll(() => memberRows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await context.close();
  });

  it('boots the spare sandbox only once the types are in (it would compete for the second core)', async () => {
    const { page, context, release } = await openWithTypesHeld();
    // Past the runner's 3 s start-up delay, with the types still held back: no sandbox yet.
    await page.waitForTimeout(6_000);
    expect(await page.locator('iframe[sandbox]').count()).toBe(0);
    release();
    await expect.poll(() => page.getByTestId('types-state').getAttribute('data-status'), { timeout: 90_000 }).toBe('ready');
    await expect.poll(() => page.locator('iframe[sandbox]').count(), { timeout: 30_000 }).toBe(1);
    await context.close();
  });

  it("starts the TypeScript worker before Monaco's own chunk has arrived", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let workerRequested = false;
    let requestedWhileHeld: boolean | undefined;
    page.on('request', (r) => {
      if (/ts\.worker[^/]*\.js/.test(r.url())) workerRequested = true;
    });
    // Hold Monaco's chunk back until the worker's script has been asked for (or 20 s passed).
    await page.route(/monaco-setup[^/]*\.js/, async (route) => {
      const until = Date.now() + 20_000;
      while (!workerRequested && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      requestedWhileHeld ??= workerRequested;
      await route.continue();
    });
    await page.goto(new URL('#/drill/mpg-one-neuron', baseUrl()).href);
    await expect.poll(() => requestedWhileHeld, { timeout: 30_000 }).toBe(true);
    // Held back chunk or not, the editor then works as usual.
    await expect.poll(() => page.getByTestId('types-state').getAttribute('data-status'), { timeout: 90_000 }).toBe('ready');
    await context.close();
  });
});
