import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accuracy,
  classesFromOutputs,
  confusionMatrix,
  errorMetrics,
  labelsFromBlock,
  nonFiniteRows,
  perClassAccuracy,
  worstMisclassified,
} from '../../../src/core/grading/metrics';
import { defaultBatchSize, predictInBatches } from '../../../src/core/grading/predict';
import { block, identityClassifier, linearModel, oneHot } from './fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('class predictions', () => {
  it('takes the argmax of class scores, ties to the lower index', () => {
    const c = classesFromOutputs({ values: Float32Array.from([0.1, 0.7, 0.2, 0.4, 0.4, 0.2]), rows: 2, cols: 3 });
    expect([...c.predicted]).toEqual([1, 0]);
    expect(c.confidence[0]).toBeCloseTo(0.7);
    expect(c.classes).toBe(3);
  });

  it('thresholds a single sigmoid unit at 0.5 like Keras binary_accuracy (0.5 itself is class 0)', () => {
    const c = classesFromOutputs({ values: Float32Array.from([0.2, 0.5, 0.51, 0.9]), rows: 4, cols: 1 });
    expect([...c.predicted]).toEqual([0, 0, 1, 1]);
    expect(c.confidence[0]).toBeCloseTo(0.8);
    expect(c.confidence[3]).toBeCloseTo(0.9);
    expect(c.classes).toBe(2);
  });

  it('reads labels as ids, [n, 1] ids or one-hot rows', () => {
    expect([...labelsFromBlock(block([2, 0, 1], [3], 'int32'))]).toEqual([2, 0, 1]);
    expect([...labelsFromBlock(block([2, 0, 1], [3, 1]))]).toEqual([2, 0, 1]);
    expect([...labelsFromBlock(oneHot([2, 0, 1], 3))]).toEqual([2, 0, 1]);
    expect(() => labelsFromBlock(block([0.5], [1]))).toThrow(/not a class id/);
  });
});

describe('accuracy, confusion and worst examples', () => {
  const predicted = Int32Array.from([0, 1, 2, 2, 1, 0, 2, 1]);
  const labels = Int32Array.from([0, 1, 2, 0, 1, 1, 2, 2]);

  it('counts hits', () => {
    expect(accuracy(predicted, labels)).toBe(5 / 8);
    expect(accuracy([], [])).toBeNaN();
    expect(() => accuracy([1], [1, 2])).toThrow(/differ in length/);
  });

  it('builds confusion[actual][predicted] and per-class recall', () => {
    const m = confusionMatrix(predicted, labels, 3);
    expect(m).toEqual([
      [1, 0, 1],
      [1, 2, 0],
      [0, 1, 2],
    ]);
    const per = perClassAccuracy(m);
    expect(per[0]).toBe(0.5);
    expect(per[1]).toBeCloseTo(2 / 3);
    expect(perClassAccuracy([[0, 0], [1, 1]])[0]).toBeNaN();
  });

  it('picks the most confidently wrong, worst first, ties by index', () => {
    const classes = {
      predicted,
      confidence: Float32Array.from([0.9, 0.9, 0.9, 0.6, 0.9, 0.95, 0.9, 0.6]),
      classes: 3,
    };
    const worst = worstMisclassified(classes, labels, 2);
    expect(worst.map((w) => w.index)).toEqual([5, 3]);
    expect(worst[0]).toMatchObject({ actual: 1, predicted: 0 });
    expect(worstMisclassified(classes, labels, 10).map((w) => w.index)).toEqual([5, 3, 7]);
  });
});

describe('error metrics', () => {
  it('computes MAE, MSE and RMSE element by element', () => {
    const e = errorMetrics([1, 2, 3, 4], [2, 2, 5, 4]);
    expect(e.mae).toBe(0.75);
    expect(e.mse).toBe(1.25);
    expect(e.rmse).toBeCloseTo(Math.sqrt(1.25), 12);
  });

  it('finds rows with NaN or Infinity', () => {
    expect(nonFiniteRows({ values: Float32Array.from([1, NaN, 2, 3, Infinity, 0]), rows: 3, cols: 2 })).toEqual([0, 2]);
  });
});

describe('predictInBatches', () => {
  let model: tf.Sequential;
  let classifier: tf.Sequential;
  beforeAll(() => {
    model = linearModel();
    classifier = identityClassifier(3);
  });
  afterAll(() => {
    model.dispose();
    classifier.dispose();
  });

  it('gives the same outputs for any batch size, including a ragged last batch', async () => {
    const xs = block([0, 1, 2, 3, 4, 5, 6], [7, 1]);
    for (const batchSize of [1, 3, 7, 100]) {
      const p = await predictInBatches(model, xs, { batchSize });
      expect(p.rows).toBe(7);
      expect(p.cols).toBe(1);
      expect([...p.values]).toEqual([1.5, 3.5, 5.5, 7.5, 9.5, 11.5, 13.5]);
    }
  });

  it('accepts byte inputs and int32 feeding', async () => {
    const p = await predictInBatches(classifier, block([0, 0, 1, 1, 0, 0], [2, 3], 'uint8'), { batchSize: 1 });
    expect([...classesFromOutputs(p).predicted]).toEqual([2, 0]);
    const q = await predictInBatches(model, block([1, 2], [2, 1], 'int32'), { dtype: 'int32' });
    expect([...q.values]).toEqual([3.5, 5.5]);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await predictInBatches(classifier, oneHot([0, 1, 2, 1, 0], 3), { batchSize: 2 });
    await predictInBatches(model, block([1, 2, 3], [3, 1]), { batchSize: 2 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('bounds the batch by input size', () => {
    expect(defaultBatchSize(block([], [0, 10]))).toBe(256);
    expect(defaultBatchSize({ dtype: 'uint8', shape: [0, 300, 300, 3], values: new Uint8Array(0) })).toBe(14);
  });
});
