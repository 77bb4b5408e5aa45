import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarizeModel, summaryText } from '../../../src/core/model-summary';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('model summary, as Keras prints it', () => {
  it('has no input row for a Sequential model, and prints shapes as Python tuples with counts right-aligned', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 400 }), tf.layers.dense({ units: 1 })] });
    const summary = summarizeModel(model);
    expect(summary.rows.map((r) => r.className)).toEqual(['Dense', 'Dense']);
    const lines = summaryText(summary).split('\n');
    expect(lines[2]).toMatch(/^Layer \(type\)\s+Output Shape\s+Param #$/);
    const rows = lines.filter((l) => / \(Dense\) /.test(l));
    expect(rows[0]).toMatch(/\(None, 400\)\s+1,600$/);
    expect(rows[1]).toMatch(/\(None, 1\)\s+401$/);
    // Right-aligned: both counts end in the same column as the header's "Param #".
    expect(new Set([lines[2].length, rows[0].length, rows[1].length]).size).toBe(1);
    expect(lines).toContain('Total params: 2,001');
  });

  it('lists a functional model\'s Input with 0 parameters, as Keras does', () => {
    const input = tf.input({ shape: [28, 28, 1] });
    const conv = tf.layers.conv2d({ filters: 4, kernelSize: 3 }).apply(input) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 2 }).apply(tf.layers.flatten().apply(conv) as tf.SymbolicTensor) as tf.SymbolicTensor;
    const summary = summarizeModel(tf.model({ inputs: input, outputs: out }));
    expect(summary.rows.map((r) => [r.className, r.outputShape, r.params])).toEqual([
      ['InputLayer', '[null, 28, 28, 1]', 0],
      ['Conv2D', '[null, 26, 26, 4]', 40],
      ['Flatten', '[null, 2704]', 0],
      ['Dense', '[null, 2]', 5410],
    ]);
    expect(summaryText(summary)).toMatch(/\(InputLayer\)\s+\(None, 28, 28, 1\)\s+0\n/);
  });
});
