import * as tf from '@tensorflow/tfjs';
import { describe, it } from 'vitest';
import { expectClose, expectMatchesStock, randomTensor, runEach } from './helpers';

const cases: { name: string; x: [number, number, number, number]; f: [number, number, number, number]; s: number; pad: 'same' | 'valid' }[] = [
  { name: 'multiplier 1, valid', x: [2, 6, 5, 3], f: [3, 3, 3, 1], s: 1, pad: 'valid' },
  { name: 'multiplier 2, same, stride 2', x: [2, 7, 7, 2], f: [3, 3, 2, 2], s: 2, pad: 'same' },
  { name: 'odd shapes, 2x2 same stride 2', x: [3, 5, 9, 1], f: [2, 2, 1, 3], s: 2, pad: 'same' },
];

describe('DepthwiseConv2dNative gradients (wasm has none stock)', () => {
  for (const c of cases) {
    it(`dx and dW match stock cpu: ${c.name}`, async () => {
      const results = await runEach(() => {
        const loss = (x: tf.Tensor, w: tf.Tensor) => {
          const y = tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.s, c.pad);
          return tf.sum(tf.mul(y, randomTensor(y.shape, 3)));
        };
        return tf.grads(loss)([randomTensor(c.x, 1), randomTensor(c.f, 2)]);
      });
      expectMatchesStock(results, c.name);
    });
  }

  it('handles dilation 2 like an undilated filter with zeros between the taps', async () => {
    // Stock cpu ignores dilations in these kernels (the op's gradient refuses
    // dilation > 1), so the reference is the equivalent zero-stuffed 5x5 filter.
    const w = randomTensor([3, 3, 2, 2], 6).arraySync() as number[][][][];
    const stuffed = Array.from({ length: 5 }, (_, r) =>
      Array.from({ length: 5 }, (_, c) => (r % 2 || c % 2 ? [[0, 0], [0, 0]] : w[r / 2][c / 2])),
    );
    const x = () => randomTensor([2, 7, 7, 2], 4);
    const dy = () => randomTensor([2, 7, 7, 4], 5);
    const dilated = await runEach(
      () => [
        tf.engine().runKernel(
          'DepthwiseConv2dNativeBackpropFilter',
          { x: x(), dy: dy() },
          { strides: 1, dilations: 2, pad: 'same', filterShape: [3, 3, 2, 2] },
        ) as tf.Tensor,
        tf.engine().runKernel(
          'DepthwiseConv2dNativeBackpropInput',
          { dy: dy(), filter: tf.tensor4d(w) },
          { strides: 1, dilations: 2, pad: 'same', inputShape: [2, 7, 7, 2] },
        ) as tf.Tensor,
      ],
      ['wasm-ours'],
    );
    const plain = await runEach(
      () => [
        tf.engine().runKernel(
          'DepthwiseConv2dNativeBackpropFilter',
          { x: x(), dy: dy() },
          { strides: 1, dilations: 1, pad: 'same', filterShape: [5, 5, 2, 2] },
        ) as tf.Tensor,
        tf.engine().runKernel(
          'DepthwiseConv2dNativeBackpropInput',
          { dy: dy(), filter: tf.tensor4d(stuffed) },
          { strides: 1, dilations: 1, pad: 'same', inputShape: [2, 7, 7, 2] },
        ) as tf.Tensor,
      ],
      ['cpu-stock'],
    );
    const [dW, dx] = dilated['wasm-ours'];
    const [dW5, dx5] = plain['cpu-stock'];
    const taps = tf.tensor4d(dW5.values as Float32Array, [5, 5, 2, 2]).stridedSlice([0, 0, 0, 0], [5, 5, 2, 2], [2, 2, 1, 1]);
    expectClose(dW.values, taps.dataSync(), 'dilated dW');
    expectClose(dx.values, dx5.values, 'dilated dx');
  });
});
