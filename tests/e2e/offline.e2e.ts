/**
 * Issue 5, offline: after one online visit (service worker installed, app
 * precached, the drill's dataset made available offline) the whole flow works
 * with the network gone, across reloads: open a drill, edit, run on CPU, submit,
 * see a mark; a typed draft survives a reload.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, editorText, launch, openPage, setEditorCode, submitForPoints, trainOn, goOffline } from './browser';

const DRILL = 'auto-mpg';
// Small and quick: any mark proves the grader ran offline.
const QUICK_MODEL = `import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train } = lab.data;
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [9], units: 8, activation: 'relu' }), tf.layers.dense({ units: 1 })] });
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'meanAbsoluteError' });
  await model.fit(train.xs, train.ys, { epochs: 5, batchSize: 64 });
  return model;
}
`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


async function waitForServiceWorker(page: Page): Promise<void> {
  // Controlled means installed and activated, and installing means every precache entry was fetched.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, null, { timeout: 90_000 });
}

describe('offline after one visit', () => {
  it('opens, runs, submits and marks a drill offline, and keeps a draft across an offline reload', async () => {
    const { page, context, errors } = await openPage(browser, '#/settings');
    await waitForServiceWorker(page);
    const precached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const precache = keys.find((k) => k.startsWith('workbox-precache'));
      const urls = precache ? (await (await caches.open(precache)).keys()).map((r) => new URL(r.url).pathname) : [];
      return urls;
    });
    // What the sandbox and grader need must be in the precache, not fetched on demand.
    for (const needed of [/\/sandbox\/worker\.js$/, /tfjs-backend-wasm-simd-.*\.wasm$/, /tfjs-backend-wasm-[^s].*\.wasm$/, /grader-worker-.*\.js$/, /ts\.worker-.*\.js$/, /index\.html$/, /models\/emoji-base\/model\.json$/, /models\/emoji-base\/weights\.bin$/]) {
      expect(precached.some((u) => needed.test(u)), `precache holds ${needed}`).toBe(true);
    }
    expect(precached.some((u) => u.includes('/datasets/'))).toBe(false);

    // The explicit control: make the drill's dataset available offline, with its size shown.
    const row = page.getByTestId(`offline-dataset-${DRILL}`);
    await row.getByRole('button', { name: `Make ${DRILL} available offline` }).click();
    await row.getByText('Available offline').waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toMatch(/\d+ KB/);

    const reached = await goOffline(context);
    await page.goto(new URL(`#/drill/${DRILL}`, baseUrl()).href);
    await page.reload();
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor({ timeout: 60_000 });
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
    await setEditorCode(page, QUICK_MODEL);
    await trainOn(page, 'cpu');
    await submitForPoints(page);

    // Type, reload (still offline), and the draft is there.
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n// typed offline 42');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
    await page.reload();
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('// typed offline 42');
    expect(await editorText(page)).toContain('units: 8');

    // Nothing the flow needed came from the network (favicons and the like may have tried).
    expect(reached.filter((u) => !/favicon|manifest\.webmanifest|icons\//.test(u))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers an update without forcing it, and holds the reload while a run is training', async () => {
    const { page, context } = await openPage(browser, `#/drill/${DRILL}`);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor({ timeout: 30_000 });
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
    await setEditorCode(page, 'export default async function train() {\n  while (true) {}\n}\n');
    await page.getByLabel('Backend').selectOption('cpu');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Stop', exact: true }).isEnabled(), { timeout: 30_000 }).toBe(true);
    // A "new version" while the run trains: another service worker script for the same scope
    // (how a deploy looks to the browser), which installs and then waits.
    await page.evaluate(() => {
      (window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
      return navigator.serviceWorker.register('./sw.js?next-version', { scope: './' }).then(() => undefined);
    });
    const toast = page.getByTestId('update-available');
    await toast.waitFor({ timeout: 30_000 });
    expect(await toast.textContent()).toMatch(/reload after this run/);
    expect(await toast.getByRole('button', { name: 'Reload' }).isDisabled()).toBe(true);
    // Not reloaded behind the learner's back, and the run is still going.
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBe(true);
    expect(await page.getByRole('button', { name: 'Stop', exact: true }).isEnabled()).toBe(true);

    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    const reload = toast.getByRole('button', { name: 'Reload' });
    await expect.poll(() => reload.isEnabled(), { timeout: 10_000 }).toBe(true);
    await reload.click();
    // Accepted: the waiting version takes over.
    await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith('?next-version'), null, { timeout: 30_000 });
    await context.close();
  });
});
