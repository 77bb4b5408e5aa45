import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAgainst, gradeModel } from '../../../src/core/grading/grade';
import { ModelFileError } from '../../../src/core/grading/model-io';
import type { GradeInputs, Thresholds } from '../../../src/core/drill';
import { ACCURACY, MAE, block, fakeDrill, identityClassifier, linearModel, oneHot } from './fixtures';

const FIXED = () => new Date('2025-01-01T00:00:00Z');
const ACC_T: Thresholds = [0.5, 0.6, 0.7, 0.75, 0.9];

// One-hot inputs; the identity classifier predicts each input's index, two labels are deliberately wrong.
const predictedClasses = [0, 1, 2, 3, 0, 1, 2, 3];
const labels = [0, 1, 2, 3, 0, 1, 3, 0];
const classifierInputs: GradeInputs = {
  xs: oneHot(predictedClasses, 4),
  ys: block(labels, [8], 'int32'),
  examples: { texts: predictedClasses.map((_, i) => `example ${i}`) },
};
const classifierDrill = fakeDrill({
  id: 'fake-classifier',
  metric: ACCURACY,
  thresholds: ACC_T,
  contract: { inputShape: [4], outputUnits: 4, outputActivation: 'softmax' },
  inputs: classifierInputs,
  classNames: ['a', 'b', 'c', 'd'],
});

// y = 2x + 1; the model predicts 2x + 1.5.
const xsLin = [0, 1, 2, 3, -1, 10];
const regressionInputs: GradeInputs = {
  xs: block(xsLin, [6, 1]),
  ys: block(xsLin.map((x) => 2 * x + 1), [6]),
  scale: { factor: 10, unit: '°C' },
};
const MAE_T: Thresholds = [2, 1.5, 1, 0.75, 0.5];
const regressionDrill = fakeDrill({
  id: 'fake-regression',
  metric: MAE,
  thresholds: MAE_T,
  contract: { inputShape: [1], outputUnits: 1, outputActivation: 'linear' },
  inputs: regressionInputs,
});

let classifier: tf.Sequential;
let linear: tf.Sequential;
beforeAll(async () => {
  await tf.setBackend('cpu');
  classifier = identityClassifier(4);
  linear = linearModel();
});
afterAll(() => {
  classifier.dispose();
  linear.dispose();
});

describe('gradeModel, classifier', () => {
  it('scores accuracy exactly and explains the mark', async () => {
    const r = await gradeModel(classifierDrill, classifier, classifierInputs, { now: FIXED, batchSize: 3 });
    expect(r.value).toBe(0.75);
    expect(r.points).toBe(4);
    expect(r.passed).toBe(false);
    expect(r.maxPoints).toBe(5);
    expect(r.testExamples).toBe(8);
    expect(r.gradedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(r.checks.every((c) => c.passed)).toBe(true);
    expect(r.checks.map((c) => c.id)).toContain('output-matches-labels');
    expect(r.reasons[0]).toBe('Test accuracy 0.750 ≥ 0.750 earns 4/5; 5/5 needs ≥ 0.900.');
    expect(r.reasons[1]).toMatch(/Not passed yet: this drill needs 5\/5/);
  });

  it('fills the report card: confusion, per-class accuracy, worst examples with their texts', async () => {
    const r = await gradeModel(classifierDrill, classifier, classifierInputs);
    if (r.details?.kind !== 'classifier') throw new Error('expected classifier details');
    expect(r.details.classNames).toEqual(['a', 'b', 'c', 'd']);
    expect(r.details.confusion).toEqual([
      [2, 0, 0, 1],
      [0, 2, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 1, 1],
    ]);
    expect(r.details.perClassAccuracy).toEqual([2 / 3, 1, 1, 0.5]);
    expect(r.details.worst.map((w) => [w.index, w.actual, w.predicted, w.text])).toEqual([
      [6, 3, 2, 'example 6'],
      [7, 0, 3, 'example 7'],
    ]);
  });

  it('passes at 5/5 and says so', async () => {
    const inputs = { ...classifierInputs, ys: block(predictedClasses, [8], 'int32') };
    const r = await gradeModel(classifierDrill, classifier, inputs);
    expect(r.value).toBe(1);
    expect(r.points).toBe(5);
    expect(r.passed).toBe(true);
    expect(r.reasons).toEqual(['Test accuracy 1.000 ≥ 0.900 needed for 5/5.', 'Passed: this drill needs 5/5.']);
  });

  it('is deterministic', async () => {
    const a = await gradeModel(classifierDrill, classifier, classifierInputs, { now: FIXED });
    const b = await gradeModel(classifierDrill, classifier, classifierInputs, { now: FIXED, batchSize: 1 });
    expect({ ...a, ms: 0 }).toEqual({ ...b, ms: 0 });
  });

  it('gives 0 points, no value and the reason when the contract fails', async () => {
    const small = identityClassifier(3);
    try {
      const r = await gradeModel(classifierDrill, small, classifierInputs);
      expect(r.points).toBe(0);
      expect(r.value).toBeNull();
      expect(r.passed).toBe(false);
      expect(r.details).toBeUndefined();
      expect(r.reasons[0]).toMatch(/^Input shape is \[null, 3\] but the drill requires \[null, 4\]/);
      expect(r.reasons.at(-1)).toMatch(/does not meet the contract earns 0 points/);
    } finally {
      small.dispose();
    }
  });

  it('explains labels that do not fit the output', async () => {
    const inputs = { ...classifierInputs, ys: block([0, 1, 2, 3, 4, 5, 0, 1], [8], 'int32') };
    const r = await gradeModel(classifierDrill, classifier, inputs);
    expect(r.points).toBe(0);
    expect(r.reasons[0]).toBe('The model outputs 4 class scores but the test labels go from 0 to 5, which needs 6 classes.');
  });

  it('refuses labels one past the last class (labels equal to the class count)', async () => {
    const inputs = { ...classifierInputs, ys: block([0, 1, 2, 3, 4, 0, 1, 2], [8], 'int32') };
    const r = await gradeModel(classifierDrill, classifier, inputs);
    expect(r.points).toBe(0);
    expect(r.reasons[0]).toBe('The model outputs 4 class scores but the test labels go from 0 to 4, which needs 5 classes.');
  });

  it('grades a single sigmoid unit as a two-class classifier, with image thumbnails', async () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 1, activation: 'sigmoid' })] });
    tf.tidy(() => m.setWeights([tf.tensor2d([[10], [-10]]), tf.tensor1d([0])]));
    // Class 1 when x0 > x1; the 2x1 "images" are the inputs themselves, as floats in [0, 1].
    const xs = block([1, 0, 0, 1, 0.75, 0.25, 0.25, 0.5], [4, 2]);
    const inputs: GradeInputs = { xs, ys: block([1, 0, 0, 1], [4], 'int32'), examples: { images: { ...xs, shape: [4, 1, 2, 1] } } };
    const drill = fakeDrill({ metric: ACCURACY, thresholds: ACC_T, contract: { inputShape: [2], outputUnits: 1, outputActivation: 'sigmoid' }, inputs });
    try {
      const r = await gradeModel(drill, m, inputs);
      expect(r.value).toBe(0.5);
      if (r.details?.kind !== 'classifier') throw new Error('expected classifier details');
      expect(r.details.classNames).toEqual(['0', '1']);
      expect(r.details.worst.map((w) => w.index)).toEqual([2, 3]);
      expect(r.details.worst[0].image).toEqual({ width: 2, height: 1, channels: 1, pixels: [191, 64] });
    } finally {
      m.dispose();
    }
  });

  it('gives 0 points when the model predicts NaN', async () => {
    const m = identityClassifier(4);
    tf.tidy(() => m.setWeights([tf.fill([4, 4], NaN), tf.zeros([4])]));
    try {
      const r = await gradeModel(classifierDrill, m, classifierInputs);
      expect(r.points).toBe(0);
      expect(r.value).toBeNull();
      expect(r.reasons[0]).toMatch(/^The model predicted NaN or Infinity for 8 of 8 test examples \(first at #0\)/);
    } finally {
      m.dispose();
    }
  });

  it('gives 0 points for a single NaN prediction among many, naming where', async () => {
    // One test input holds NaN, so only its prediction is NaN.
    const values = Float32Array.from(classifierInputs.xs.values);
    values[5 * 4 + 1] = NaN;
    const inputs = { ...classifierInputs, xs: { ...classifierInputs.xs, values } };
    const r = await gradeModel(classifierDrill, classifier, inputs);
    expect(r.points).toBe(0);
    expect(r.value).toBeNull();
    expect(r.reasons[0]).toMatch(/^The model predicted NaN or Infinity for 1 of 8 test examples \(first at #5\)/);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await gradeModel(classifierDrill, classifier, classifierInputs, { batchSize: 3 });
    await gradeModel(regressionDrill, linear, regressionInputs, { batchSize: 4 });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('gradeModel, regression', () => {
  it('scores MAE exactly (2x + 1.5 against 2x + 1 is 0.5) with the value in the original unit', async () => {
    const r = await gradeModel(regressionDrill, linear, regressionInputs);
    expect(r.value).toBe(0.5);
    expect(r.valueInUnit).toEqual({ value: 5, unit: '°C' });
    expect(r.points).toBe(5);
    expect(r.passed).toBe(true);
    expect(r.reasons[0]).toBe('MAE 0.500 (≈ 5 °C) ≤ 0.500 needed for 5/5.');
    expect(r.details).toEqual({
      kind: 'regression',
      predicted: xsLin.map((x) => 2 * x + 1.5),
      actual: xsLin.map((x) => 2 * x + 1),
    });
  });

  it('computes MSE and RMSE when the drill asks for them', async () => {
    const m = linearModel(2, 3); // every error is 2
    try {
      const mse = fakeDrill({ metric: { name: 'mse', higherIsBetter: false, label: 'MSE' }, thresholds: [10, 8, 6, 5, 4], contract: regressionDrill.contract, inputs: regressionInputs });
      const r1 = await gradeModel(mse, m, regressionInputs);
      expect(r1.value).toBe(4);
      expect(r1.valueInUnit).toEqual({ value: 400, unit: '°C²' });
      const rmse = fakeDrill({ metric: { name: 'rmse', higherIsBetter: false, label: 'RMSE' }, thresholds: [10, 8, 6, 5, 4], contract: regressionDrill.contract, inputs: regressionInputs });
      const r2 = await gradeModel(rmse, m, regressionInputs);
      expect(r2.value).toBe(2);
      expect(r2.points).toBe(5);
    } finally {
      m.dispose();
    }
  });

  it('explains an error between thresholds and a miss of the first one', async () => {
    const m = linearModel(2, 2.2); // every error is 1.2
    try {
      const r = await gradeModel(regressionDrill, m, regressionInputs);
      expect(r.value).toBeCloseTo(1.2, 5);
      expect(r.points).toBe(2);
      expect(r.reasons[0]).toMatch(/^MAE 1\.200 \(≈ 12 °C\) ≤ 1\.500 earns 2\/5; 3\/5 needs ≤ 1\.000\.$/);
      const bad = linearModel(2, 4); // every error is 3
      const r0 = await gradeModel(regressionDrill, bad, regressionInputs);
      bad.dispose();
      expect(r0.points).toBe(0);
      expect(r0.reasons[0]).toBe('MAE 3.000 (≈ 30 °C) is above the 2.000 needed for 1/5.');
    } finally {
      m.dispose();
    }
  });

  it('explains targets that do not match the output size', async () => {
    const inputs = { ...regressionInputs, ys: block(new Array(12).fill(0), [6, 2]) };
    const r = await gradeModel(regressionDrill, linear, inputs);
    expect(r.points).toBe(0);
    expect(r.reasons[0]).toBe('The model predicts 1 value per example but each test target has 2.');
  });

  it('rejects a drill whose inputs contradict its own contract (a drill bug, not a mark)', async () => {
    const inputs = { ...regressionInputs, xs: block([1, 2, 3, 4, 5, 6], [3, 2]) };
    await expect(gradeModel(regressionDrill, linear, inputs)).rejects.toThrow(/grade inputs have shape \[3, 2\] but its contract says \[3, 1\]/);
    const fewer = { ...regressionInputs, ys: block([1, 2], [2]) };
    await expect(gradeModel(regressionDrill, linear, fewer)).rejects.toThrow(/6 test inputs but 2 test targets/);
  });

  it('turns a model that throws while predicting into a ModelFileError', async () => {
    class Boom extends tf.layers.Layer {
      static className = 'Boom';
      override call(): tf.Tensor {
        throw new Error('kaboom');
      }
    }
    const m = tf.sequential({ layers: [new Boom({ inputShape: [1] }), tf.layers.dense({ units: 1 })] });
    try {
      const err = await gradeModel(regressionDrill, m, regressionInputs).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ModelFileError);
      expect((err as Error).message).toMatch(/failed while predicting.*kaboom/);
    } finally {
      m.dispose();
    }
  });
});

describe('formatAgainst', () => {
  it('never prints a value just short of a threshold as the threshold', () => {
    expect(formatAgainst(0.89996, [0.5, 0.9])).toBe('0.89996');
    expect(formatAgainst(0.9, [0.5, 0.9])).toBe('0.900');
    expect(formatAgainst(0.0512, [0.05, 0.0525])).toBe('0.0512');
  });
});
