/**
 * Each translated error is first produced by tfjs itself (so a tfjs upgrade that
 * rewords one fails here), then translated.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nanLossSentence, translateTfjsError } from '../../../src/runner/learner-errors';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The message tfjs throws (sync or async) for `fn`. */
async function tfjsMessage(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('tfjs did not throw');
}

function dense(inputs: number, units: number, activation: 'softmax' | 'sigmoid' | 'linear', loss: string): tf.LayersModel {
  const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [inputs], units, activation })] });
  m.compile({ optimizer: 'sgd', loss });
  return m;
}

describe('translateTfjsError', () => {
  it('dtype: integer labels into a loss that floors them', async () => {
    // What tfjs says for Keras' most common call: sparse cross-entropy on int32 class ids.
    const m = dense(2, 3, 'softmax', 'sparseCategoricalCrossentropy');
    const raw = await tfjsMessage(() => m.fit(tf.zeros([4, 2]), tf.tensor1d([0, 1, 2, 1], 'int32'), { epochs: 1, verbose: 0 }));
    expect(raw).toMatch(/floor' must be float32 tensor, but got int32/);
    const t = translateTfjsError(raw);
    expect(t?.rule).toBe('dtype');
    expect(t?.sentence).toMatch(/needs a float32 tensor but got int32: convert it first with \.toFloat\(\)/);
  });

  it('dtype: float class ids into tf.oneHot', async () => {
    const raw = await tfjsMessage(() => tf.oneHot(tf.tensor1d([1, 2]) as tf.Tensor1D, 3));
    expect(translateTfjsError(raw)?.sentence).toMatch(/tf\.oneHot needs int32 class ids but got a float32 tensor: call \.toInt\(\)/);
  });

  it('"No data provided for …": a plain object as fit\'s input', async () => {
    const m = dense(2, 1, 'sigmoid', 'binaryCrossentropy');
    const raw = await tfjsMessage(() => m.fit({ values: new Float32Array(8), shape: [4, 2] } as never, tf.zeros([4, 1]), { epochs: 1, verbose: 0 }));
    expect(raw).toMatch(/No data provided for "dense_Dense\d+_input"/);
    const t = translateTfjsError(raw);
    expect(t?.rule).toBe('no-data');
    expect(t?.sentence).toMatch(/fit got no tensor for the model's input \(dense_Dense\d+\): pass tensors, e\.g\. padSequences/);
  });

  it('data examples of another shape than the model takes', async () => {
    const m = dense(2, 1, 'linear', 'meanSquaredError');
    const raw = await tfjsMessage(() => m.fit(tf.zeros([4, 3]), tf.zeros([4, 1]), { epochs: 1, verbose: 0 }));
    const t = translateTfjsError(raw);
    expect(t?.rule).toBe('data-vs-model-shape');
    expect(t?.sentence).toBe(
      "The model takes examples of shape [2] but your data's examples have shape [3]: make the first layer's inputShape match x.shape.slice(1), or reshape the data.",
    );
  });

  it('targets of another width than the output', async () => {
    const m = dense(2, 1, 'sigmoid', 'binaryCrossentropy');
    const raw = await tfjsMessage(() => m.fit(tf.zeros([4, 2]), tf.zeros([4, 5]), { epochs: 1, verbose: 0 }));
    expect(translateTfjsError(raw)?.sentence).toMatch(/^The model's output gives \[1\] per example but your targets have \[5\]: give the last layer as many units/);
  });

  it('data with another number of dimensions than the model takes', async () => {
    const m = dense(2, 1, 'linear', 'meanSquaredError');
    const raw = await tfjsMessage(() => m.fit(tf.zeros([4, 2, 2]), tf.zeros([4, 1]), { epochs: 1, verbose: 0 }));
    expect(translateTfjsError(raw)?.sentence).toBe(
      'The model expects inputs with 2 dimensions (batch included) but got shape [4, 2, 2]: reshape the data (or change inputShape) so the two agree.',
    );
  });

  it('predict on data of another shape', async () => {
    const m = dense(2, 1, 'linear', 'meanSquaredError');
    const raw = await tfjsMessage(() => m.predict(tf.zeros([2, 5])));
    expect(translateTfjsError(raw)?.sentence).toBe(
      "The data has shape [2, 5] but the model takes [null, 2]: make the first layer's inputShape match the data (log x.shape), or reshape the data.",
    );
  });

  it('layers whose shapes do not fit together (Dense into Conv1D, Dense into Flatten)', async () => {
    const conv = await tfjsMessage(() => tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 3 }), tf.layers.conv1d({ filters: 2, kernelSize: 2 })] }));
    expect(translateTfjsError(conv)?.sentence).toMatch(
      /^The layer conv1d_Conv1D\d+ needs inputs with 3 dimensions \(batch included\) but the layer before it gives 2: add a Reshape before it/,
    );
    const flat = await tfjsMessage(() => tf.sequential({ layers: [tf.layers.flatten({ inputShape: [4] })] }));
    expect(translateTfjsError(flat)?.sentence).toMatch(/needs inputs with at least 3 dimensions .* gives 2: add a Reshape/);
    const tooMany = await tfjsMessage(() => tf.sequential({ layers: [tf.layers.lstm({ inputShape: [2, 3, 4], units: 2 })] }));
    expect(translateTfjsError(tooMany)?.sentence).toMatch(/needs inputs with 3 dimensions .* gives 4: add a Flatten/);
  });

  it('inputs and targets with different numbers of examples', async () => {
    const m = dense(2, 1, 'linear', 'meanSquaredError');
    const raw = await tfjsMessage(() => m.fit(tf.zeros([4, 2]), tf.zeros([3, 1]), { epochs: 1, verbose: 0 }));
    expect(translateTfjsError(raw)?.sentence).toBe('Your inputs have 4 examples but your targets 3: make x and y from the same split, in the same order.');
  });

  it('class ids into categoricalCrossentropy', async () => {
    // One output unit, so the shapes agree and tfjs objects to the loss itself.
    const m = dense(2, 1, 'softmax', 'categoricalCrossentropy');
    const raw = await tfjsMessage(() => m.fit(tf.zeros([4, 2]), tf.zeros([4, 1]), { epochs: 1, verbose: 0 }));
    expect(translateTfjsError(raw)?.sentence).toMatch(/^categoricalCrossentropy needs one-hot targets but got shape \[4, 1\]: use sparseCategoricalCrossentropy/);
  });

  it('a missing (non-tensor) argument to fit', async () => {
    const m = dense(2, 1, 'linear', 'meanSquaredError');
    const raw = await tfjsMessage(() => m.fit(tf.zeros([4, 2]), undefined as never, { epochs: 1, verbose: 0 }));
    expect(translateTfjsError(raw)?.sentence).toMatch(/^A tfjs call got null where it needs a tensor/);
  });

  it('leaves messages it does not know alone', () => {
    expect(translateTfjsError('Something else entirely')).toBeUndefined();
  });
});

describe('nanLossSentence', () => {
  it('names the epoch and the fix for a loss tfjs really lets go NaN', async () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1 })] });
    m.compile({ optimizer: tf.train.sgd(1e6), loss: 'meanSquaredError' });
    const h = await m.fit(tf.tensor2d([[1e3], [2e3], [3e3]]), tf.tensor2d([[1], [2], [3]]), { epochs: 6, verbose: 0 });
    const first = (h.history.loss as number[]).findIndex((l) => Number.isNaN(l));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(nanLossSentence(first)).toMatch(new RegExp(`^The loss became NaN at epoch ${first + 1}, .*lower the learning rate`));
  });
});
