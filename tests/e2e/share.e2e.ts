/**
 * Issue 5, share links: a link made in one browser opens in another with the
 * code shown and nothing run; the learner's own draft is only replaced when
 * they say so (and is kept); bad links explain themselves and the app goes on.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeShareLink } from '../../src/core/share';
import { baseUrl, editorText, launch, openPage, setEditorCode } from './browser';

const DRILL = 'auto-mpg';
// If this ever ran, its output would show in the run pane's console.
const SHARED_CODE = `import * as tf from '@tensorflow/tfjs';
// Shared from a friend: Grüße 🚗
console.log('SHARED-CODE-RAN');
export default async function train() {
  console.log('SHARED-CODE-RAN');
  return tf.sequential({ layers: [tf.layers.dense({ inputShape: [9], units: 1 })] });
}
`;

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

async function makeLink(page: Page, code: string): Promise<string> {
  await setEditorCode(page, code);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.locator('#share-link-field');
  await field.waitFor();
  return field.inputValue();
}

describe('share links', () => {
  it('opens a link from another browser with the code shown, nothing run, and no draft touched until asked', async () => {
    const a = await openPage(browser, '#/');
    await openDrill(a.page);
    const link = await makeLink(a.page, SHARED_CODE);
    expect(link).toMatch(/#v1\/[A-Za-z0-9+\-$]+$/);
    await a.context.close();

    // A fresh browser with no draft of its own.
    const b = await openPage(browser, '#/');
    await b.page.goto(link);
    const notice = b.page.getByTestId('shared-notice');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toMatch(/came from a link.*Nothing has run/);
    expect(await b.page.getByTestId('shared-code').textContent()).toBe(SHARED_CODE);
    await b.page.getByRole('button', { name: 'Open in the editor' }).click();
    await expect.poll(() => editorText(b.page), { timeout: 60_000 }).toContain('Grüße 🚗');
    // Nothing ran: the run pane is idle (Run offered, Stop disabled) and its console holds only the placeholder.
    await expect.poll(() => b.page.getByRole('button', { name: 'Run', exact: true }).isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await b.page.getByRole('button', { name: 'Stop', exact: true }).isDisabled()).toBe(true);
    expect(await b.page.getByRole('log', { name: 'Console output' }).textContent()).toBe('console.log output appears here.');
    expect(await b.page.getByTestId('mark').count()).toBe(0);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  it('asks before replacing a draft of your own, and keeps yours', async () => {
    const { page, context } = await openPage(browser, '#/');
    await openDrill(page);
    await setEditorCode(page, '// my own work in progress\nexport default async function train() {}\n');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');

    const encoded = encodeShareLink({ drillId: DRILL, code: SHARED_CODE });
    if (!encoded.ok) throw new Error(encoded.error.message);
    await page.goto(new URL(encoded.hash, baseUrl()).href);
    await page.getByText('You already have a draft for this drill').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Open in the editor' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Replace my draft' }).click();
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('Shared from a friend');

    await page.goto(new URL('#/settings', baseUrl()).href);
    const kept = page.getByTestId('kept-draft');
    await kept.first().waitFor({ timeout: 10_000 });
    expect(await kept.first().textContent()).toMatch(/from a share link/);
    await kept.first().getByRole('button', { name: 'Make it my draft' }).click();
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('my own work in progress');
    await context.close();
  });

  it('explains malformed, truncated, oversized and unknown-drill links, and the app stays usable', async () => {
    const { page, context, errors } = await openPage(browser, '#/');
    const good = encodeShareLink({ drillId: DRILL, code: SHARED_CODE });
    const unknown = encodeShareLink({ drillId: 'drill-from-the-future', code: 'const x = 1;' });
    if (!good.ok || !unknown.ok) throw new Error('encode failed');
    const cases: Array<[string, RegExp]> = [
      ['#v1/!!not*a*link', /damaged or incomplete/],
      [good.hash.slice(0, good.hash.length - 40), /damaged or incomplete/],
      [`#v1/${'A'.repeat(13_000)}`, /characters long/],
      [unknown.hash, /drill-from-the-future.*does not have/],
    ];
    for (const [hash, message] of cases) {
      await page.goto(new URL(hash, baseUrl()).href);
      const error = page.getByTestId('share-error');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.textContent()).toMatch(message);
    }
    // The unknown drill's code can still be read.
    expect(await page.getByTestId('shared-code').textContent()).toBe('const x = 1;');
    await page.getByRole('link', { name: 'Back to the board' }).click();
    await page.getByTestId(`drill-card-${DRILL}`).waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
