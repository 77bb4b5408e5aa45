import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { convGradients, expectMatchesStock, randomTensor, runEach, useVariant } from './helpers';

/*
 * Our wasm kernels that reroute stock work onto XNNPACK (BatchMatMul without
 * transposes, Conv2D): the results must match stock
 * cpu, and the spies show the work really took the XNNPACK kernel (the old
 * kernels never called it).
 */
function spyOnWasmKernel(name: string) {
  const config = tf.getKernel(name, 'wasm');
  if (!config) throw new Error(`no wasm ${name}`);
  return vi.spyOn(config, 'kernelFunc');
}

afterEach(() => vi.restoreAllMocks());

describe('BatchMatMul on wasm with transposes', () => {
  const cases: { name: string; a: number[]; b: number[]; tA: boolean; tB: boolean }[] = [
    { name: 'dense dx: dy·Wᵀ', a: [5, 7], b: [9, 7], tA: false, tB: true },
    { name: 'dense dW: xᵀ·dy', a: [6, 4], b: [6, 3], tA: true, tB: false },
    { name: 'both transposed', a: [4, 5], b: [3, 4], tA: true, tB: true },
    { name: 'batched, rank 3', a: [2, 4, 5], b: [2, 6, 5], tA: false, tB: true },
    { name: 'broadcast batch', a: [3, 5, 4], b: [1, 5, 2], tA: true, tB: false },
  ];
  for (const c of cases) {
    it(`matches stock cpu: ${c.name}`, async () => {
      const results = await runEach(() => tf.matMul(randomTensor(c.a, 1), randomTensor(c.b, 2), c.tA, c.tB));
      expectMatchesStock(results, c.name);
    });
  }

  it('transposes the operand and calls the stock kernel without transposes', async () => {
    await useVariant('wasm-ours');
    const transpose = spyOnWasmKernel('Transpose');
    const a = randomTensor([8, 3], 1);
    const b = randomTensor([8, 5], 2);
    tf.matMul(a, b, true, false).dispose();
    expect(transpose).toHaveBeenCalledTimes(1);
    expect(transpose.mock.calls[0][0].attrs).toEqual({ perm: [1, 0] });
    tf.dispose([a, b]);
  });
});

describe('Conv2D gradients on wasm as convolutions', () => {
  type Pad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];
  const cases: { name: string; x: [number, number, number, number]; f: [number, number, number, number]; s: number | [number, number]; pad: Pad; dW: boolean; dx: boolean }[] = [
    { name: '3x3 same, 8→5 channels', x: [3, 6, 7, 8], f: [3, 3, 8, 5], s: 1, pad: 'same', dW: true, dx: true },
    { name: '3x3 valid, 12→4 channels', x: [2, 7, 6, 12], f: [3, 3, 12, 4], s: 1, pad: 'valid', dW: true, dx: true },
    { name: '5x5 same, 9→3 (asymmetric kernel reach)', x: [2, 8, 9, 9], f: [5, 5, 9, 3], s: 1, pad: 'same', dW: true, dx: true },
    { name: '2x2 same on even input (padding only after)', x: [2, 6, 6, 8], f: [2, 2, 8, 3], s: 1, pad: 'same', dW: true, dx: true },
    { name: 'stride 2 same, 8 channels (dW as conv, dx by GEMM)', x: [2, 9, 7, 8], f: [3, 3, 8, 4], s: 2, pad: 'same', dW: true, dx: false },
    { name: 'Conv1D shape, 16 channels', x: [3, 1, 20, 16], f: [1, 5, 16, 6], s: 1, pad: 'same', dW: true, dx: true },
    { name: 'explicit padding, stride 1', x: [2, 6, 7, 8], f: [3, 2, 8, 3], s: 1, pad: [[0, 0], [1, 2], [0, 1], [0, 0]], dW: true, dx: true },
    { name: 'valid stride 2 with a leftover row (GEMM for both)', x: [2, 8, 8, 8], f: [3, 3, 8, 2], s: 2, pad: 'valid', dW: false, dx: false },
  ];
  for (const c of cases) {
    it(`dx and dW match stock cpu: ${c.name}`, async () => {
      const results = await runEach(() => convGradients(c));
      expectMatchesStock(results, c.name);
    });

    it(`takes XNNPACK's Conv2D where it covers the shape: ${c.name}`, async () => {
      await useVariant('wasm-ours');
      const x = randomTensor(c.x, 1);
      const w = randomTensor(c.f, 2);
      const y = tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.s, c.pad);
      const dy = randomTensor(y.shape, 3);
      const conv = spyOnWasmKernel('Conv2D');
      const dW = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: c.s, pad: c.pad, dataFormat: 'NHWC', filterShape: c.f }) as tf.Tensor;
      expect(conv.mock.calls.length, 'Conv2D calls for dW').toBe(c.dW ? 1 : 0);
      conv.mockClear();
      const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { strides: c.s, pad: c.pad, dataFormat: 'NHWC', inputShape: c.x }) as tf.Tensor;
      expect(conv.mock.calls.length, 'Conv2D calls for dx').toBe(c.dx ? 1 : 0);
      tf.dispose([x, w, y, dy, dW, dx]);
    });
  }

  it('dW of a grey (1-channel) input stays on im2col + GEMM, which is faster there', async () => {
    await useVariant('wasm-ours');
    const x = randomTensor([2, 6, 6, 1], 1);
    const dy = randomTensor([2, 6, 6, 4], 2);
    const conv = spyOnWasmKernel('Conv2D');
    const dW = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, 1, 4] }) as tf.Tensor;
    expect(conv).not.toHaveBeenCalled();
    tf.dispose([x, dy, dW]);
  });
});

describe('the XNNPACK routes leave nothing behind on the wasm heap', () => {
  it('every intermediate (transposes, rotated filter) is freed', async () => {
    await useVariant('wasm-ours');
    const backend = tf.backend() as unknown as { numDataIds(): number };
    const x = randomTensor([2, 6, 6, 8], 1);
    const w = randomTensor([3, 3, 8, 4], 2);
    const a = randomTensor([5, 7], 3);
    const b = randomTensor([9, 7], 4);
    const before = backend.numDataIds();
    for (let i = 0; i < 3; i++) {
      const [dx, dW] = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.conv2d(xx as tf.Tensor4D, ww as tf.Tensor4D, 1, 'same')))([x, w]);
      const m = tf.matMul(a, b, false, true);
      tf.dispose([dx, dW, m]);
    }
    expect(backend.numDataIds()).toBe(before);
    tf.dispose([x, w, a, b]);
  });
});
