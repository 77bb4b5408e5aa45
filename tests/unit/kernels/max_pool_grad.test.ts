import * as tf from '@tensorflow/tfjs';
import { describe, it } from 'vitest';
import { expectMatchesStock, randomTensor, runEach } from './helpers';

const cases: { name: string; x: [number, number, number, number]; size: number; s: number; pad: 'same' | 'valid' }[] = [
  { name: '2x2 stride 2 valid', x: [2, 6, 6, 3], size: 2, s: 2, pad: 'valid' },
  { name: '3x3 stride 2 same, overlapping windows, odd input', x: [2, 7, 5, 2], size: 3, s: 2, pad: 'same' },
  { name: '3x3 stride 1 same', x: [1, 5, 6, 4], size: 3, s: 1, pad: 'same' },
  { name: '2x2 stride 2 same on odd input', x: [3, 5, 5, 1], size: 2, s: 2, pad: 'same' },
  { name: '2x2 stride 2 valid on odd input, 16 channels (leftover row and column)', x: [2, 7, 5, 16], size: 2, s: 2, pad: 'valid' },
  { name: '2x2 stride 2 same on even input, 5 channels', x: [2, 6, 8, 5], size: 2, s: 2, pad: 'same' },
];

/*
 * Our cpu MaxPoolGrad replaces stock; on wasm the stock MaxPoolGrad and
 * AvgPoolGrad stay, so they are checked here too: drills rely on them.
 */
describe('pooling gradients', () => {
  for (const c of cases) {
    it(`max and average pooling dx match stock cpu: ${c.name}`, async () => {
      const results = await runEach(() => {
        const w = (y: tf.Tensor) => randomTensor(y.shape, 3);
        const max = tf.grad((x: tf.Tensor) => {
          const y = tf.maxPool(x as tf.Tensor4D, c.size, c.s, c.pad);
          return tf.sum(tf.mul(y, w(y)));
        });
        const avg = tf.grad((x: tf.Tensor) => {
          const y = tf.avgPool(x as tf.Tensor4D, c.size, c.s, c.pad);
          return tf.sum(tf.mul(y, w(y)));
        });
        const x = randomTensor(c.x, 1);
        return [max(x), avg(x)];
      });
      expectMatchesStock(results, c.name);
    });
  }

  it('routes ties to the same element as stock cpu', async () => {
    const results = await runEach(() =>
      tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(x as tf.Tensor4D, 2, 1, 'valid'), tf.range(1, 10).reshape([1, 3, 3, 1]))))(
        tf.tensor4d([1, 1, 0, 1, 1, 0, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0], [1, 4, 4, 1]),
      ),
    );
    expectMatchesStock(results, 'ties');
  });

  it('routes ties in 2x2 stride-2 windows (zeros after a ReLU) to the same element as stock cpu, per channel', async () => {
    const results = await runEach(() => {
      const x = tf.relu(randomTensor([2, 4, 6, 3], 5));
      return tf.grad((xx: tf.Tensor) => {
        const y = tf.maxPool(xx as tf.Tensor4D, 2, 2, 'valid');
        return tf.sum(tf.mul(y, randomTensor(y.shape, 6)));
      })(x);
    });
    expectMatchesStock(results, 'relu ties');
  });
});
