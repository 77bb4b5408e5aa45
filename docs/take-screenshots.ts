/**
 * Regenerates the screenshots in docs/: the board, a drill and a report card, at
 * 1440 × 900 (desktop) and 390 × 844 (phone), from a build of the app.
 *
 *   npx vite build --outDir /tmp/dist-shots && npx tsx docs/take-screenshots.ts /tmp/dist-shots
 *
 * The report is a real one: the one-neuron drill trained in the page (WASM) and submitted.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROME_FLAGS, chromePath } from '../tests/e2e/browser';

const dist = process.argv[2] ?? 'dist';
/** `desktop` or `phone` to take only one size. */
const only = process.argv[3];
const DRILL = 'mpg-one-neuron';
const solution = readFileSync(`exercises/${DRILL}/solution.ts`, 'utf8');
const SIZES = [
  { name: 'desktop', viewport: { width: 1440, height: 900 }, phone: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, phone: true },
] as const;

async function paste(page: Page, code: string): Promise<void> {
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

const editorReady = (page: Page) =>
  page.waitForFunction(() => (document.querySelector('.monaco-editor .view-lines')?.textContent ?? '').includes('export'), null, { timeout: 120_000 });

async function main(): Promise<void> {
  const server = await preview({ build: { outDir: dist }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  const url = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({ executablePath: chromePath(), args: CHROME_FLAGS, headless: true });
  try {
    for (const size of only ? SIZES.filter((s) => s.name === only) : SIZES) {
      const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: 1, hasTouch: size.phone });
      const page = await context.newPage();
      await page.goto(new URL('#/', url).href);
      await page.getByRole('heading', { name: 'Practice board' }).waitFor();
      await page.screenshot({ path: `docs/board-${size.name}.png` });

      await page.goto(new URL(`#/drill/${DRILL}`, url).href);
      if (size.phone) {
        // The phone opens on the statement; the code is one tab away.
        await page.screenshot({ path: `docs/drill-statement-${size.name}.png` });
        await page.getByRole('tab', { name: 'Code' }).tap();
      }
      await editorReady(page);
      await page.waitForFunction(() => document.querySelector('[data-testid="types-state"]')?.getAttribute('data-status') === 'ready', null, { timeout: 120_000 });
      // The one-time "works offline" notice would cover the run pane.
      const dismiss = page.getByRole('button', { name: 'Close notice' });
      if (await dismiss.count()) await dismiss.click();
      await page.screenshot({ path: `docs/drill-${size.name}.png` });
      await paste(page, solution);

      if (size.phone) await page.getByRole('tab', { name: 'Run' }).tap();
      await page.getByLabel('Backend').selectOption('wasm');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const submit = page.getByRole('button', { name: 'Submit', exact: true });
      await page.waitForFunction(() => {
        const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Submit');
        return b && !(b as HTMLButtonElement).disabled;
      }, null, { timeout: 180_000 });
      await submit.click();
      await page
        .getByTestId('mark')
        .waitFor({ timeout: 120_000 })
        .catch(async (e) => {
          await page.screenshot({ path: `/tmp/report-failed-${size.name}.png` });
          throw e;
        });
      await page.getByTestId('mark').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `docs/report-${size.name}.png` });
      await context.close();
    }
  } catch (e) {
    process.exitCode = 1;
    console.error(e);
  } finally {
    await browser.close();
    server.httpServer.close();
  }
}

await main();
