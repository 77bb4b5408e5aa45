import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { unsortedSegmentSumValues } from '../../../src/runner/kernels/unsorted_segment_sum';
import { expectClose, expectMatchesStock, randomTensor, runEach, useVariant } from './helpers';

/** Naive reference straight from the definition, independent of tfjs. */
function naive(x: Float32Array, inner: number, ids: number[], numSegments: number): Float32Array {
  const out = new Float32Array(numSegments * inner);
  ids.forEach((id, i) => {
    if (id < 0 || id >= numSegments) return;
    for (let j = 0; j < inner; j++) out[id * inner + j] += x[i * inner + j];
  });
  return out;
}

const cases: { name: string; xShape: number[]; ids: number[]; numSegments: number }[] = [
  { name: '1-D x', xShape: [6], ids: [0, 2, 2, 1, 0, 2], numSegments: 3 },
  { name: 'empty segments', xShape: [4, 3], ids: [5, 1, 5, 1], numSegments: 8 },
  { name: 'negative and out-of-range ids are dropped', xShape: [5, 2], ids: [-1, 0, 3, 7, 1], numSegments: 3 },
  { name: 'odd inner shape', xShape: [7, 3, 5], ids: [0, 6, 2, 6, 4, 4, 1], numSegments: 7 },
  { name: 'single segment', xShape: [9, 1], ids: [0, 0, 0, 0, 0, 0, 0, 0, 0], numSegments: 1 },
];

describe('UnsortedSegmentSum', () => {
  for (const c of cases) {
    it(`matches stock cpu and a naive reference: ${c.name}`, async () => {
      const results = await runEach(() =>
        tf.unsortedSegmentSum(randomTensor(c.xShape, 7), tf.tensor1d(c.ids, 'int32'), c.numSegments),
      );
      expectMatchesStock(results, c.name);
      const x = randomTensor(c.xShape, 7).dataSync() as Float32Array;
      const inner = x.length / c.ids.length;
      expectClose(results['wasm-ours'][0].values, naive(x, inner, c.ids, c.numSegments), `${c.name} vs naive`);
    });
  }

  it('accepts 2-D segment ids (stock cpu throws on them) and matches the naive reference', async () => {
    const ids = [0, 1, 2, 2, 1, 0];
    const results = await runEach(
      // The op's typing says 1-D, but the kernel contract allows any prefix of x's shape.
      () => tf.unsortedSegmentSum(randomTensor([2, 3, 4], 9), tf.tensor2d(ids, [2, 3], 'int32') as unknown as tf.Tensor1D, 3),
      ['cpu-ours', 'wasm-ours'],
    );
    const x = randomTensor([2, 3, 4], 9).dataSync() as Float32Array;
    for (const v of ['cpu-ours', 'wasm-ours'] as const) {
      expect(results[v][0].shape).toEqual([3, 4]);
      expectClose(results[v][0].values, naive(x, 4, ids, 3), `2-D ids ${v}`);
    }
  });

  it('keeps int32 data int32 and sums exactly', async () => {
    const results = await runEach(() =>
      tf.unsortedSegmentSum(tf.tensor2d([[1, 2], [3, 4], [5, 6]], [3, 2], 'int32'), tf.tensor1d([1, 1, 0], 'int32'), 2),
    );
    expectMatchesStock(results, 'int32');
    expect(Array.from(results['wasm-ours'][0].values)).toEqual([5, 6, 4, 6]);
    expect(results['wasm-ours'][0].values).toBeInstanceOf(Int32Array);
    expect(results['cpu-ours'][0].values).toBeInstanceOf(Int32Array);
  });

  it('gives the same Embedding (gather) gradient as stock cpu', async () => {
    const results = await runEach(() => {
      const table = randomTensor([11, 4], 3);
      const idx = tf.tensor2d([[1, 3, 3, 0], [10, 1, 1, 1]], [2, 4], 'int32');
      const weights = randomTensor([2, 4, 4], 4);
      return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, idx), weights)))(table);
    });
    expectMatchesStock(results, 'gather gradient');
  });

  it('drops ids outside [0, numSegments) in the plain-array core', () => {
    const out = new Float32Array(4);
    unsortedSegmentSumValues(new Float32Array([1, 2, 3, 4, 5, 6]), new Int32Array([1, -3, 1]), 2, out);
    expect(Array.from(out)).toEqual([0, 0, 6, 8]);
  });

  it('is registered for wasm, where stock has no kernel', async () => {
    await useVariant('wasm-ours');
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')).toBeDefined();
  });
});
