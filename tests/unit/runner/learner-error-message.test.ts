/**
 * A translated error crosses the sandbox boundary with tfjs' original message
 * (checked and bounded like every field from the sandbox), and the executor's
 * error for a real tfjs failure is one the page accepts as it is.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DrillMeta } from '../../../src/core/drill';
import { executeLearnerCode } from '../../../src/runner/execute';
import { MESSAGE_LIMITS, parseSandboxMessage } from '../../../src/runner/protocol-guards';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const drill = {
  id: 'x', area: 1, title: 'x', summary: '', dataset: 'none',
  metric: { name: 'mae', higherIsBetter: false, label: 'MAE' }, thresholds: [5, 4, 3, 2, 1],
  contract: { inputShape: [2], outputUnits: 1 },
} as DrillMeta;

describe('a translated learner error at the boundary', () => {
  it('keeps the original tfjs message next to the sentence', async () => {
    const result = await executeLearnerCode({
      tf,
      modules: {},
      source: `import * as tf from '@tensorflow/tfjs';
export default async function train() {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 1 })] });
  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  await model.fit(tf.zeros([4, 3]), tf.zeros([4, 1]));
  return model;
}`,
      filename: 'drill.ts',
      drill,
      splits: {
        train: { kind: 'tensor', xs: { dtype: 'float32', shape: [1, 2], values: new Float32Array(2) }, ys: { dtype: 'float32', shape: [1, 1], values: new Float32Array(1) } },
        validation: { kind: 'tensor', xs: { dtype: 'float32', shape: [1, 2], values: new Float32Array(2) }, ys: { dtype: 'float32', shape: [1, 1], values: new Float32Array(1) } },
      },
      backend: 'cpu',
      emit: () => {},
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const parsed = parseSandboxMessage({ type: 'error', runId: 'r', error: result.error });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.message.type !== 'error') return;
    expect(parsed.message.error.message).toMatch(/^The model takes examples of shape \[2\] but your data's examples have shape \[3\].*\(line 5, column \d+\)$/);
    expect(parsed.message.error.original).toMatch(/input expected a batch of elements where each example has shape \[2\]/);
  });

  it('refuses an original message beyond the cap', () => {
    const r = parseSandboxMessage({ type: 'error', runId: 'r', error: { kind: 'runtime', message: 'x', original: 'y'.repeat(MESSAGE_LIMITS.errorMessageChars + 1) } });
    expect(r.ok).toBe(false);
  });
});
