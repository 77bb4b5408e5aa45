/**
 * Launches Debian's Chromium through playwright-core (no browser download) with the
 * flags this machine needs, and collects console messages so tests can fail on
 * warnings such as Monaco's "Could not create web worker(s)".
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
];

export function chromePath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), args: CHROME_FLAGS, headless: true });
}

export function baseUrl(): string {
  return inject('baseUrl');
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  console: string[];
  errors: string[];
}

export async function openPage(browser: Browser, hash = '#/', context?: BrowserContext): Promise<OpenedPage> {
  const ctx = context ?? (await browser.newContext());
  const page = await ctx.newPage();
  const consoleLines: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL(hash, baseUrl()).href);
  return { context: ctx, page, console: consoleLines, errors };
}

/**
 * Replaces the editor's content the way a learner's paste does. Typing a whole
 * program key by key fights Monaco's auto-closing brackets and auto-indent; a paste
 * event is one edit that Monaco inserts verbatim.
 */
export async function setEditorCode(page: Page, code: string): Promise<void> {
  const editor = page.locator('.monaco-editor textarea').first();
  await editor.waitFor({ state: 'attached', timeout: 60_000 });
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.evaluate((text) => {
    const textarea = document.querySelector<HTMLTextAreaElement>('.monaco-editor textarea')!;
    textarea.focus();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
}

/** The editor's text as the learner sees it. */
export async function editorText(page: Page): Promise<string> {
  // Monaco renders spaces as no-break spaces.
  return (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

/** Presses Run on `backend` and waits until the trained model can be submitted. */
export async function trainOn(page: Page, backend: 'cpu' | 'wasm' | 'webgl' | 'webgpu', timeout = 120_000): Promise<void> {
  await page.getByLabel('Backend').selectOption(backend);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForSubmit(page, timeout);
}

export async function waitForSubmit(page: Page, timeout = 120_000): Promise<void> {
  const submit = page.getByRole('button', { name: 'Submit', exact: true });
  await expect.poll(() => submit.isEnabled(), { timeout }).toBe(true);
}

/** Presses Submit and resolves with the points of the mark that appears. */
export async function submitForPoints(page: Page, timeout = 120_000): Promise<number> {
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  const mark = page.getByTestId('mark');
  await mark.waitFor({ timeout });
  const text = (await mark.textContent()) ?? '';
  expect(text).toMatch(/^[0-5]\/5$/);
  return Number(text.split('/')[0]);
}

/** A reference solution with its `epochs: N` set to `epochs` (throws if it has none, so a test never trains the full run by accident). */
export function withEpochs(code: string, epochs: number): string {
  const found = code.match(/epochs: \d+/g) ?? [];
  if (found.length === 0) throw new Error('withEpochs: the code has no "epochs: N" to shorten');
  return code.replace(/epochs: \d+/g, `epochs: ${epochs}`);
}

/** Cuts the network twice over: the browser's offline mode, and every request that still reaches it fails (and is listed). */
export async function goOffline(context: BrowserContext): Promise<string[]> {
  const reached: string[] = [];
  await context.setOffline(true);
  await context.route('**/*', (route) => {
    reached.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  return reached;
}

/**
 * Runs the code in the editor on CPU twice in the same page, and returns the first
 * console line matching `line` from each run (each run ends with an alert matching `ends`).
 */
export async function probeTwice(page: Page, line: RegExp, ends: RegExp): Promise<[string, string]> {
  await page.getByLabel('Backend').selectOption('cpu');
  const run = page.getByRole('button', { name: 'Run', exact: true });
  const lines = page.getByRole('log', { name: 'Console output' }).getByText(line);
  const seen: string[] = [];
  for (let i = 0; i < 2; i++) {
    await expect.poll(() => run.isEnabled(), { timeout: 60_000 }).toBe(true);
    await run.click();
    await lines.first().waitFor({ timeout: 60_000 });
    seen.push(((await lines.first().textContent()) ?? '').trim());
    await page.getByRole('alert').filter({ hasText: ends }).waitFor({ timeout: 30_000 });
  }
  return [seen[0], seen[1]];
}
