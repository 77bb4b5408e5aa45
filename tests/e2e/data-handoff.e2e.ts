/**
 * The data worker hands each run its splits by transfer. Transferring empties the
 * sender's buffers, so the dataset it caches must lend none: a second run on the
 * same page must see the very same data (emoji images are views into the cache).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, launch, openPage, setEditorCode } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PROBE = `export default async function train(lab: any) {
  const images = lab.data.train.images;
  let sum = 0;
  for (const im of images.slice(0, 50)) for (let i = 0; i < im.pixels.length; i++) sum += im.pixels[i];
  console.log('DATA ' + images.length + ' ' + lab.data.validation.images.length + ' ' + sum);
  throw new Error('probe done');
}
`;

describe('dataset hand-off to the sandbox', () => {
  it('gives a second run on the same page the same data as the first', async () => {
    const { page, context } = await openPage(browser, '#/drill/emoji-binary');
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
    await setEditorCode(page, PROBE);
    await page.getByLabel('Backend').selectOption('cpu');
    const run = page.getByRole('button', { name: 'Run', exact: true });
    const lines = page.getByRole('log', { name: 'Console output' }).getByText(/^DATA /);
    const seen: string[] = [];
    for (let i = 0; i < 2; i++) {
      await expect.poll(() => run.isEnabled(), { timeout: 60_000 }).toBe(true);
      await run.click();
      await lines.first().waitFor({ timeout: 60_000 });
      seen.push(((await lines.first().textContent()) ?? '').trim());
      await page.getByRole('alert').filter({ hasText: /probe done/ }).waitFor({ timeout: 30_000 });
    }
    const [count, validation, sum] = seen[0].split(' ').slice(1).map(Number);
    expect(count).toBeGreaterThan(100);
    expect(validation).toBeGreaterThan(10);
    expect(sum).toBeGreaterThan(0);
    expect(seen[1]).toBe(seen[0]);
    await context.close();
  });
});
