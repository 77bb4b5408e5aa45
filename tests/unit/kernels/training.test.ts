import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { seeded, useVariant } from './helpers';

/*
 * Each drill-shaped model trains a few full-batch steps on wasm with our
 * kernels on a learnable toy task: the loss must stay finite and fall.
 */
const N = 16;

function labelsFrom(x: Float32Array, perSample: number, classes: number): number[] {
  return Array.from({ length: N }, (_, i) => {
    let s = 0;
    for (let j = 0; j < perSample; j++) s += x[i * perSample + j];
    return s > 0 ? 1 % classes : 0;
  });
}

type Built = { model: tf.LayersModel; x: tf.Tensor; y: tf.Tensor };

const builders: Record<string, () => Built> = {
  'small CNN (Conv2D, MaxPooling2D, Dropout, Flatten, softmax)': () => {
    const xs = seeded(N * 8 * 8, 1);
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 4, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', strides: 2, activation: 'relu' }),
        tf.layers.flatten(),
        tf.layers.dropout({ rate: 0.1 }),
        tf.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.03), loss: 'categoricalCrossentropy' });
    const y = tf.oneHot(tf.tensor1d(labelsFrom(xs, 64, 2), 'int32'), 2);
    return { model, x: tf.tensor4d(xs, [N, 8, 8, 1]), y };
  },
  'Embedding + GlobalAveragePooling1D': () => {
    const ids = Array.from(seeded(N * 6, 2), (v) => Math.floor((v + 1) * 10));
    const model = tf.sequential({
      layers: [
        tf.layers.embedding({ inputDim: 20, outputDim: 4, inputLength: 6 }),
        tf.layers.globalAveragePooling1d(),
        tf.layers.dense({ units: 1, activation: 'sigmoid' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy' });
    const y = Array.from({ length: N }, (_, i) => (ids.slice(i * 6, i * 6 + 6).some((t) => t < 5) ? 1 : 0));
    return { model, x: tf.tensor2d(ids, [N, 6]), y: tf.tensor2d(y, [N, 1]) };
  },
  'Embedding + Bidirectional(LSTM)': () => {
    const ids = Array.from(seeded(N * 5, 3), (v) => Math.floor((v + 1) * 10));
    const model = tf.sequential({
      layers: [
        tf.layers.embedding({ inputDim: 20, outputDim: 4, inputLength: 5 }),
        tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 4 }) as tf.RNN }),
        tf.layers.dense({ units: 1, activation: 'sigmoid' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy' });
    const y = Array.from({ length: N }, (_, i) => (ids[i * 5] < 10 ? 1 : 0));
    return { model, x: tf.tensor2d(ids, [N, 5]), y: tf.tensor2d(y, [N, 1]) };
  },
  'Conv1D + LSTM + Dense forecaster': () => {
    const xs = seeded(N * 12, 4);
    const model = tf.sequential({
      layers: [
        tf.layers.conv1d({ inputShape: [12, 1], filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }),
        tf.layers.lstm({ units: 4 }),
        tf.layers.dense({ units: 1 }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.05), loss: tf.losses.huberLoss });
    const y = Array.from({ length: N }, (_, i) => xs[i * 12 + 11]);
    return { model, x: tf.tensor3d(xs, [N, 12, 1]), y: tf.tensor2d(y, [N, 1]) };
  },
  GRU: () => {
    const xs = seeded(N * 6 * 2, 5);
    const model = tf.sequential({
      layers: [tf.layers.gru({ inputShape: [6, 2], units: 4 }), tf.layers.dense({ units: 1 })],
    });
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'meanSquaredError' });
    const y = Array.from({ length: N }, (_, i) => xs[i * 12 + 10]);
    return { model, x: tf.tensor3d(xs, [N, 6, 2]), y: tf.tensor2d(y, [N, 1]) };
  },
};

describe('drill-shaped models train on wasm with our kernels', () => {
  for (const [name, build] of Object.entries(builders)) {
    it(name, async () => {
      await useVariant('wasm-ours');
      const { model, x, y } = build();
      const history = await model.fit(x, y, { epochs: 8, batchSize: N, verbose: 0, shuffle: false });
      const losses = history.history.loss as number[];
      expect(losses.every(Number.isFinite), `losses ${losses}`).toBe(true);
      expect(losses[losses.length - 1], `losses ${losses}`).toBeLessThan(losses[0]);
      tf.dispose([x, y]);
      model.dispose();
    });
  }
});
