import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { expectMatchesStock, randomTensor, runEach } from './helpers';

describe('SplitV on cpu', () => {
  const cases: { name: string; shape: number[]; splits: number | number[]; axis: number }[] = [
    { name: 'LSTM gates: 4 equal parts of the last axis', shape: [5, 12], splits: 4, axis: 1 },
    { name: 'uneven sizes with -1, middle axis', shape: [2, 7, 3], splits: [2, -1, 1], axis: 1 },
    { name: 'first axis (contiguous)', shape: [6, 2, 2], splits: [1, 5], axis: 0 },
    { name: 'negative axis, zero-sized piece', shape: [3, 4, 5], splits: [0, 3, 2], axis: -1 },
    { name: 'rank 1', shape: [9], splits: 3, axis: 0 },
  ];
  for (const c of cases) {
    it(`matches stock cpu: ${c.name}`, async () => {
      const results = await runEach(() => tf.split(randomTensor(c.shape, 1), c.splits, c.axis), ['cpu-stock', 'cpu-ours']);
      expectMatchesStock(results, c.name);
    });
  }

  it('keeps int32 and bool dtypes', async () => {
    const results = await runEach(
      () => [
        ...tf.split(tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3], 'int32'), [1, 2], 1),
        ...tf.split(tf.tensor2d([1, 0, 0, 1], [2, 2], 'bool'), 2, 1),
      ],
      ['cpu-stock', 'cpu-ours'],
    );
    expectMatchesStock(results, 'dtypes');
    const ours = results['cpu-ours'];
    expect(Array.from(ours[1].values)).toEqual([2, 3, 5, 6]);
    expect(ours[0].values).toBeInstanceOf(Int32Array);
    expect(ours[2].values).toBeInstanceOf(Uint8Array);
  });

  it('gives outputs independent of the input buffer', async () => {
    const results = await runEach(() => {
      const x = tf.tensor1d([1, 2, 3, 4]);
      const [a] = tf.split(x, 2);
      x.dispose();
      return a;
    }, ['cpu-ours']);
    expect(Array.from(results['cpu-ours'][0].values)).toEqual([1, 2]);
  });
});
