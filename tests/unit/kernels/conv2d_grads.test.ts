import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { conv2dBackpropFilterGemm, conv2dBackpropInputGemm } from '../../../src/runner/kernels/conv2d_gemm_wasm';
import { convGradients, expectClose, expectMatchesStock, randomTensor, runEach, useVariant } from './helpers';

type Pad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];

const cases: { name: string; x: [number, number, number, number]; f: [number, number, number, number]; s: number | [number, number]; pad: Pad }[] = [
  { name: '3x3 valid stride 1, batch 2', x: [2, 7, 6, 3], f: [3, 3, 3, 4], s: 1, pad: 'valid' },
  { name: '3x3 same stride 1', x: [2, 5, 5, 2], f: [3, 3, 2, 3], s: 1, pad: 'same' },
  { name: '3x3 same stride 2, odd input', x: [3, 9, 7, 2], f: [3, 3, 2, 5], s: 2, pad: 'same' },
  { name: '2x2 same stride 2 (asymmetric padding)', x: [2, 6, 5, 1], f: [2, 2, 1, 2], s: 2, pad: 'same' },
  { name: '5x5 valid stride [2, 1]', x: [1, 11, 8, 3], f: [5, 5, 3, 2], s: [2, 1], pad: 'valid' },
  { name: '1x1 kernel, many channels', x: [2, 4, 4, 6], f: [1, 1, 6, 7], s: 1, pad: 'valid' },
  { name: 'Conv1D shape (1 x k)', x: [4, 1, 20, 3], f: [1, 5, 3, 8], s: 1, pad: 'same' },
  { name: 'explicit padding', x: [2, 6, 7, 2], f: [3, 2, 2, 3], s: 2, pad: [[0, 0], [1, 2], [2, 0], [0, 0]] },
];

describe('Conv2D gradients (Conv2DBackpropFilter, Conv2DBackpropInput)', () => {
  for (const c of cases) {
    it(`dx and dW match stock cpu: ${c.name}`, async () => {
      const results = await runEach(() => convGradients(c));
      expectMatchesStock(results, c.name);
    });
  }

  it('Conv2DBackpropFilter handles NCHW like stock cpu', async () => {
    const results = await runEach(() =>
      tf.engine().runKernel(
        'Conv2DBackpropFilter',
        { x: randomTensor([2, 3, 7, 6], 4), dy: randomTensor([2, 4, 4, 3], 5) },
        { strides: 2, pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 3, 4] },
      ) as tf.Tensor,
    );
    expectMatchesStock(results, 'NCHW filter');
  });

  it('GEMM paths give the same result when the batch is split into chunks', async () => {
    await useVariant('wasm-ours');
    const backend = tf.backend() as unknown as Parameters<typeof conv2dBackpropFilterGemm>[0];
    const x = randomTensor([5, 6, 6, 2], 6);
    const w = randomTensor([3, 3, 2, 3], 7);
    const info = tf.backend_util.computeConv2DInfo([5, 6, 6, 2], [3, 3, 2, 3], 1, 1, 'same');
    const dy = randomTensor(info.outShape, 8);
    // 6·6·18 = 648 elements per image: a budget of 700 forces one image per chunk.
    const whole = tf.engine().makeTensorFromTensorInfo(conv2dBackpropFilterGemm(backend, x, dy, info));
    const chunked = tf.engine().makeTensorFromTensorInfo(conv2dBackpropFilterGemm(backend, x, dy, info, 700));
    expectClose(chunked.dataSync(), whole.dataSync(), 'chunked dW');
    const dxWhole = tf.engine().makeTensorFromTensorInfo(conv2dBackpropInputGemm(backend, dy, w, info));
    const dxChunked = tf.engine().makeTensorFromTensorInfo(conv2dBackpropInputGemm(backend, dy, w, info, 700));
    expectClose(dxChunked.dataSync(), dxWhole.dataSync(), 'chunked dx');
    expect(whole.shape).toEqual([3, 3, 2, 3]);
    tf.dispose([x, w, dy, whole, chunked, dxWhole, dxChunked]);
  });
});
