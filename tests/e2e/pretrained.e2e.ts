/**
 * A drill's pretrained base reaches learner code in the browser the way its data does:
 * the data worker fetches public/models/<name>/ and sends it down the run's channel (the
 * sandbox has no network), and `lab.pretrained(name)` builds a model from it. A second
 * run on the same page gets the same weights (the worker's cached copy is not emptied
 * by the transfer), and an unknown name gets the learner-facing line.
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

const PROBE = `import * as tf from '@tensorflow/tfjs';
export default async function train(lab: any) {
  const base = await lab.pretrained('emoji-base');
  const features = base.predict(tf.ones([1, 32, 32, 3])) as tf.Tensor;
  console.log('BASE ' + base.countParams() + ' ' + features.shape.join('x') + ' ' + features.sum().dataSync()[0].toFixed(4));
  await lab.pretrained('mobilenet');
}
`;

describe('pretrained base in the browser', () => {
  it('hands emoji-base to lab.pretrained on every run, and names the shipped bases for a wrong name', async () => {
    const { page, context } = await openPage(browser, '#/drill/emoji-transfer');
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
    await setEditorCode(page, PROBE);
    const seen = await probeTwice(page, /^BASE /, /no such pretrained model\. This drill ships 'emoji-base'/);
    const [, params, shape, sum] = seen[0].split(' ');
    expect(Number(params)).toBe(52_656);
    expect(shape).toBe('1x4x4x96');
    expect(Number(sum)).toBeGreaterThan(0);
    expect(seen[1]).toBe(seen[0]);
    await context.close();
  });
});
