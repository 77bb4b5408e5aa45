/**
 * Issue 19 item 8: Stop during training offers to keep the partly trained model
 * (kept, it is submitted and marked like a finished run's), and says plainly when
 * nothing can be kept: learner code that never lets training stop is still ended.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, launch, openPage, setEditorCode, submitForPoints } from './browser';

const DRILL = 'auto-mpg';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The reference solution made to train far longer than a test waits, with a line after fit that must never run. */
function longTraining(): string {
  const code = readFileSync(`exercises/${DRILL}/solution.ts`, 'utf8')
    .replace(/epochs: \d+/, 'epochs: 100000')
    .replace(/\s*callbacks: tf\.callbacks\.earlyStopping\([^)]*\),/, '')
    .replace('  return model;', "  console.log('after fit');\n  return model;");
  if (!code.includes('epochs: 100000') || code.includes('earlyStopping') || !code.includes('after fit')) throw new Error('the solution changed shape');
  return code;
}

/** Trains in a callback that spins forever from the fourth batch on: a Stop request is never seen. */
const BUSY_IN_FIT = `import * as tf from '@tensorflow/tfjs';
export default async function train(lab: any) {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [9], units: 1 })] });
  model.compile({ optimizer: 'adam', loss: 'meanAbsoluteError' });
  await model.fit(lab.data.train.xs, lab.data.train.ys, {
    epochs: 5,
    batchSize: 8,
    callbacks: { onBatchEnd: async (batch: number) => { if (batch === 3) { console.log('spinning'); while (true) {} } } },
  });
  return model;
}
`;

/**
 * Learner code that forges the answer to Stop: it catches the page's port (as trust.e2e.ts
 * does), posts a 'stopped' nobody asked for, then answers the real request first with
 * a model whose weights do not match it.
 */
const FORGES_THE_ANSWER = `import * as tf from '@tensorflow/tfjs';
export default async function train(lab: any) {
  const send = MessagePort.prototype.postMessage;
  let port: MessagePort | undefined;
  let runId = '';
  MessagePort.prototype.postMessage = function (this: MessagePort, m: any, t?: any) {
    if (!port && m && typeof m.runId === 'string') { port = this; runId = m.runId; }
    return send.call(this, m, t);
  };
  console.log('catch the port');
  const forged = () => ({ type: 'stopped', runId, ms: 1, artifacts: {
    modelTopology: { class_name: 'Sequential', config: { layers: [] } }, format: 'layers-model',
    weightSpecs: [{ name: 'dense/kernel', shape: [2, 1], dtype: 'float32' }], weightData: new ArrayBuffer(12) } });
  send.call(port!, forged());
  port!.addEventListener('message', (e: MessageEvent) => {
    if (e.data && e.data.type === 'stop-training') send.call(port!, forged());
  });
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [9], units: 1 })] });
  model.compile({ optimizer: 'adam', loss: 'meanAbsoluteError' });
  await model.fit(lab.data.train.xs, lab.data.train.ys, { epochs: 100000, batchSize: 8 });
  return model;
}
`;

async function openDrill(): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const { page, context, errors } = await openPage(browser, `#/drill/${DRILL}`);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor({ timeout: 30_000 });
  await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
  return { page, errors, close: () => context.close() };
}

async function runOnCpu(page: Page, code: string): Promise<void> {
  await setEditorCode(page, code);
  await page.getByLabel('Backend').selectOption('cpu');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

const status = (page: Page) => page.getByTestId('run-status').textContent();
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const consoleText = (page: Page) => page.getByRole('log', { name: 'Console output' }).textContent();

describe('Stop during training', () => {
  it('offers the partly trained model; kept, it is submitted and marked, and the code after fit never ran', async () => {
    const { page, errors, close } = await openDrill();
    await runOnCpu(page, longTraining());
    // A few epochs in (the bar says "Epoch 4/100000" once three are done).
    await expect.poll(async () => Number((await page.getByTestId('progress-text').textContent())?.match(/^Epoch (\d+)\//)?.[1] ?? 0), { timeout: 120_000 }).toBeGreaterThanOrEqual(4);
    await button(page, 'Stop').click();

    await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^Stopped at epoch \d+ of 100000\. .*can be kept/);
    const epoch = Number((await status(page))!.match(/epoch (\d+)/)![1]);
    expect(epoch).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('progress-text').textContent()).toBe(`Stopped at epoch ${epoch}/100000`);
    expect(await button(page, 'Submit').isEnabled()).toBe(false);

    await button(page, 'Keep this model').click();
    await expect.poll(() => status(page)).toMatch(new RegExp(`stopped early at epoch ${epoch} of 100000 and kept`));
    expect(await button(page, 'Export model').isEnabled()).toBe(true);
    const points = await submitForPoints(page);
    expect(points).toBeGreaterThanOrEqual(0);
    expect(await page.getByTestId('report-stopped-early').textContent()).toMatch(/stopped early/);
    // Stop means stop: the learner's script did not go on past its fit.
    expect(await consoleText(page)).not.toContain('after fit');
    // Kept with the drill's trained models, and marked as from a stopped run there too.
    await page.goto(page.url().replace(/#.*/, '#/settings'));
    await expect.poll(() => page.getByTestId('saved-model').first().textContent(), { timeout: 30_000 }).toMatch(/, stopped early/);
    expect(errors).toEqual([]);
    await close();
  });

  it('ends code that never lets training stop, and says the model could not be kept', async () => {
    const { page, errors, close } = await openDrill();
    await runOnCpu(page, BUSY_IN_FIT);
    await page.getByRole('log', { name: 'Console output' }).getByText('spinning', { exact: true }).waitFor({ timeout: 60_000 });
    await button(page, 'Stop').click();
    await expect.poll(() => button(page, 'Run').isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await status(page)).toMatch(/^Stopped at epoch 1 of 5\. The partly trained model could not be kept: your code did not let training stop/);
    expect(await button(page, 'Keep this model').count()).toBe(0);
    expect(await button(page, 'Submit').isEnabled()).toBe(false);
    // No sandbox is left spinning (the spare for the next run may be booting).
    expect(await page.locator('iframe[sandbox]').count()).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('ignores an answer nobody asked for, and checks a forged answer as a returned model', async () => {
    const { page, errors, close } = await openDrill();
    await runOnCpu(page, FORGES_THE_ANSWER);
    // The unasked 'stopped' went out before training began: the run trains on regardless.
    await expect.poll(async () => Number((await page.getByTestId('progress-text').textContent())?.match(/^Epoch (\d+)\//)?.[1] ?? 0), { timeout: 120_000 }).toBeGreaterThanOrEqual(3);
    expect(await status(page)).toMatch(/^Training/);
    await button(page, 'Stop').click();
    await expect.poll(() => button(page, 'Run').isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await status(page)).toMatch(/^Stopped at epoch \d+ of 100000\. The model it handed over cannot be used, so it was not kept: .*do not belong to this model/);
    expect(await button(page, 'Keep this model').count()).toBe(0);
    expect(await button(page, 'Submit').isEnabled()).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('a second press ends the sandbox at once', async () => {
    const { page, close } = await openDrill();
    await runOnCpu(page, BUSY_IN_FIT);
    await page.getByRole('log', { name: 'Console output' }).getByText('spinning', { exact: true }).waitFor({ timeout: 60_000 });
    await button(page, 'Stop').click();
    await button(page, 'Stop now').click();
    await expect.poll(() => button(page, 'Run').isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await status(page)).toMatch(/Stop pressed again\): the partly trained model was not kept/);
    await close();
  });
});
