/**
 * Issue 19 item 1: a keyboard-only learner gets into the editor, out of it again
 * (Escape then Tab, or Ctrl+M), and through Run → Submit → report without a mouse.
 */
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, launch, openPage } from './browser';

const DRILL = 'mpg-one-neuron';
// A shorter fit than the reference (it needs ~5 s on WASM): any mark will do here.
const solution = readFileSync(`exercises/${DRILL}/solution.ts`, 'utf8').replace('epochs: 150', 'epochs: 40').replace('epochs: 100', 'epochs: 10');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const inEditor = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}` : '';
  });

/** Presses Tab until `done` holds, at most `max` times. */
async function tabUntil(page: Page, done: () => Promise<boolean>, max = 60, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await done()) return;
    await page.keyboard.press(key);
  }
  throw new Error(`not reached after ${max} presses of ${key}; focus is on ${await focusedName(page)}`);
}

async function openDrill(): Promise<Page> {
  const { page } = await openPage(browser, `#/drill/${DRILL}`);
  await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
  return page;
}

describe('the drill page by keyboard', () => {
  it('Escape then Tab, and Ctrl+M, leave the editor; the hint says so', async () => {
    const page = await openDrill();
    await expect.poll(() => page.getByTestId('editor-keys').textContent()).toMatch(/Esc.*then.*Tab/);
    await tabUntil(page, () => inEditor(page));
    // Inside, Tab indents and stays.
    await page.keyboard.press('Tab');
    expect(await inEditor(page)).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await inEditor(page)).toBe(false);
    // Back in with Shift+Tab, Tab indents again (the Escape lasted one key).
    await tabUntil(page, () => inEditor(page), 10, 'Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await inEditor(page)).toBe(true);
    // Ctrl+M: Tab moves focus until Ctrl+M again; the hint follows.
    await page.keyboard.press('Control+M');
    await expect.poll(() => page.getByTestId('editor-keys').textContent()).toMatch(/Tab moves focus/);
    await page.keyboard.press('Tab');
    expect(await inEditor(page)).toBe(false);
    // Alt+F1 in the editor spells out its keys.
    await tabUntil(page, () => inEditor(page), 10, 'Shift+Tab');
    await page.keyboard.press('Alt+F1');
    await expect.poll(() => page.getByTestId('editor-keys').textContent()).toMatch(/Editor keys/);
    await page.context().close();
  });

  it('runs, submits and lands on the report without a mouse', async () => {
    const page = await openDrill();
    await tabUntil(page, () => inEditor(page));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    // A paste is one keyboard action (typing the program key by key fights auto-closing brackets).
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, solution);
    await expect.poll(() => editorText(page)).toContain('epochs: 40');
    // Leave the editor and reach Run with Tab alone.
    await page.keyboard.press('Escape');
    await tabUntil(page, async () => (await focusedName(page)) === 'button:Run');
    await page.keyboard.press('Enter');
    const submit = page.getByRole('button', { name: 'Submit', exact: true });
    await expect
      .poll(() => submit.isEnabled(), { timeout: 120_000 })
      .toBe(true)
      .catch(async (e) => {
        await page.screenshot({ path: 'tests/.artifacts/keyboard-run.png' });
        throw e;
      });
    // The shortcut works from wherever focus is in the workspace.
    await page.keyboard.press('ControlOrMeta+Shift+Enter');
    await page.getByTestId('mark').waitFor({ timeout: 120_000 });
    await expect.poll(() => focusedName(page)).toBe('section:Report card');
    await page.context().close();
  });
});
