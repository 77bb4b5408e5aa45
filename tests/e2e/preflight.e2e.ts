/**
 * Issue 14 in the browser: a model the grader would refuse is stopped at its first
 * fit, with the grader's own words and the learner's line, before any training;
 * the run pane shows its Keras-style summary; "Train anyway" lets it train.
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

// auto-mpg wants one linear output; this one goes through relu (it still trains,
// so "Train anyway" can show it training). 5,000 epochs would keep it training
// for minutes if nothing stopped it.
const WRONG_OUTPUT = `import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [9], units: 1, activation: 'relu' })] });
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  console.log('compiled');
  await model.fit(lab.data.train.xs, lab.data.train.ys, { epochs: 5000 });
  return model;
}
`;
const FIT_LINE = 8;
// What the grader's contract check says of this model (src/core/grading/contract.ts).
// A fresh sandbox per run, so tfjs numbers this first layer dense_Dense1.
const GRADER_WORDS = "Output activation is 'relu' (from layer dense_Dense1 (Dense)) but the drill requires 'linear'.";

describe('pre-flight contract check', () => {
  it('stops a run whose model breaks the contract at fit, in the grader\'s words, and trains it only when asked', async () => {
    const { page, context } = await openPage(browser, '#/drill/auto-mpg');
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor({ timeout: 30_000 });
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
    await setEditorCode(page, WRONG_OUTPUT);
    await page.getByLabel('Backend').selectOption('cpu');
    await page.getByRole('button', { name: 'Run', exact: true }).click();

    const error = page.getByTestId('run-error');
    await error.waitFor({ timeout: 60_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toContain(GRADER_WORDS);
    expect(text).toContain('Training stopped before it began');
    expect(text).toContain(`line ${FIT_LINE}`);
    // Stopped before training: no progress bar ever appeared, the console got as far as fit.
    expect(await page.locator('.console-line', { hasText: 'compiled' }).count()).toBe(1);
    expect(await page.getByRole('progressbar').count()).toBe(0);
    // The model's table is there, as model.summary() prints it.
    const summary = page.getByTestId('model-summary');
    await expect.poll(() => summary.textContent()).toMatch(/\(Dense\).*\[null, 1\].*10/);

    // Train anyway: the same code now trains (the epoch count is huge, so Stop it).
    await page.getByTestId('train-anyway').check();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('.console-line', { hasText: `Training anyway, but the grader will refuse this model: ${GRADER_WORDS}` }).waitFor({ timeout: 60_000 });
    await page.getByRole('progressbar').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await context.close();
  }, 240_000);
});
