/**
 * The data worker hands each run its splits by transfer, down the run's own
 * MessageChannel straight to the sandbox worker. Transferring empties the sender's
 * buffers, so the dataset it caches must lend none: a second run on the same page
 * must see the very same data (emoji images are views into the cache). The page
 * itself never receives the bytes, and only train and validation reach the sandbox.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, launch, openPage, setEditorCode, probeTwice } from './browser';

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
    const seen = await probeTwice(page, /^DATA /, /probe done/);
    const [count, validation, sum] = seen[0].split(' ').slice(1).map(Number);
    expect(count).toBeGreaterThan(100);
    expect(validation).toBeGreaterThan(10);
    expect(sum).toBeGreaterThan(0);
    expect(seen[1]).toBe(seen[0]);
    await context.close();
  });

  it('moves the splits from the data worker to the sandbox without the page holding them, and never the test split', async () => {
    const context = await browser.newContext();
    // Counts the typed-array bytes the page receives from its data worker.
    await context.addInitScript(`(() => {
      window.__dataBytesToPage = 0;
      window.__dataMessages = 0;
      const bytes = (v, seen) => {
        if (v === null || typeof v !== 'object' || seen.has(v)) return 0;
        seen.add(v);
        if (ArrayBuffer.isView(v)) return v.byteLength;
        if (v instanceof ArrayBuffer) return v.byteLength;
        let n = 0;
        for (const x of Object.values(v)) n += bytes(x, seen);
        return n;
      };
      const Base = window.Worker;
      window.Worker = class extends Base {
        constructor(url, options) {
          super(url, options);
          if (options && options.name === 'tensor-dojo-data') {
            this.addEventListener('message', (e) => {
              window.__dataMessages++;
              window.__dataBytesToPage += bytes(e.data, new Set());
            });
          }
        }
      };
    })();`);
    const { page } = await openPage(browser, '#/drill/emoji-binary', context);
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
    await setEditorCode(
      page,
      `export default async function train(lab: any) {
  const d = lab.data;
  console.log('SPLITS ' + Object.keys(d).filter((k) => k === 'train' || k === 'validation' || k === 'test').sort().join(',') + ' ' + d.train.images.length + ' ' + d.validation.images.length);
  throw new Error('probe done');
}
`,
    );
    await page.getByLabel('Backend').selectOption('cpu');
    const run = page.getByRole('button', { name: 'Run', exact: true });
    await expect.poll(() => run.isEnabled(), { timeout: 60_000 }).toBe(true);
    await run.click();
    const line = page.getByRole('log', { name: 'Console output' }).getByText(/^SPLITS /);
    await line.waitFor({ timeout: 60_000 });
    const [keys, train, validation] = ((await line.textContent()) ?? '').trim().split(' ').slice(1);
    expect(keys).toBe('train,validation');
    expect(Number(train)).toBeGreaterThan(100);
    expect(Number(validation)).toBeGreaterThan(10);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __dataBytesToPage: number; __dataMessages: number };
      return { bytes: w.__dataBytesToPage, messages: w.__dataMessages };
    });
    expect(seen.messages).toBe(1); // the data worker answered this run…
    expect(seen.bytes).toBe(0); // …without a byte of the dataset
    await context.close();
  });
});
