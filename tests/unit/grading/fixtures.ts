/** Hand-built models with known outputs and a tiny fake drill, shared by the grading tests. */
import * as tf from '@tensorflow/tfjs';
import type { DenseBlock, TensorSplit } from '../../../src/core/data';
import { defineDrill, type Drill, type GradeInputs, type ModelContract, type MetricSpec, type Thresholds } from '../../../src/core/drill';

export function block(values: number[], shape: number[], dtype: DenseBlock['dtype'] = 'float32'): DenseBlock {
  const arr = dtype === 'int32' ? Int32Array.from(values) : dtype === 'uint8' ? Uint8Array.from(values) : Float32Array.from(values);
  return { dtype, shape, values: arr };
}

/** Dense(k, softmax) with kernel 10·I: the predicted class is the index of the one-hot input. */
export function identityClassifier(k = 4): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [k], units: k, activation: 'softmax' }));
  tf.tidy(() => model.setWeights([tf.eye(k).mul(10), tf.zeros([k])]));
  return model;
}

/** Dense(1) with kernel 2 and bias 1.5: predicts 2x + 1.5, so against y = 2x + 1 every error is exactly 0.5. */
export function linearModel(kernel = 2, bias = 1.5): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [1], units: 1 }));
  tf.tidy(() => model.setWeights([tf.tensor2d([[kernel]]), tf.tensor1d([bias])]));
  return model;
}

export function oneHot(classes: number[], k: number): DenseBlock {
  const values = new Array<number>(classes.length * k).fill(0);
  classes.forEach((c, i) => (values[i * k + c] = 1));
  return block(values, [classes.length, k]);
}

/** A drill whose test inputs are given directly; splits are trivial. */
export function fakeDrill(opts: {
  id?: string;
  metric: MetricSpec;
  thresholds: Thresholds;
  contract: ModelContract;
  inputs: GradeInputs;
  classNames?: string[];
}): Drill<TensorSplit> {
  const split: TensorSplit = { kind: 'tensor', xs: opts.inputs.xs, ys: opts.inputs.ys };
  return defineDrill<TensorSplit>({
    id: opts.id ?? 'fake-drill',
    area: 1,
    title: 'Fake drill',
    summary: 'For tests',
    dataset: 'none',
    metric: opts.metric,
    thresholds: opts.thresholds,
    contract: opts.contract,
    classNames: opts.classNames,
    splits: () => ({ train: split, validation: split, test: split }),
    gradeInputs: () => opts.inputs,
  });
}

export const ACCURACY: MetricSpec = { name: 'accuracy', higherIsBetter: true, label: 'test accuracy' };
export const MAE: MetricSpec = { name: 'mae', higherIsBetter: false, label: 'MAE' };
