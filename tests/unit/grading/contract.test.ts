import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContract, finalActivation, layerClassNames } from '../../../src/core/grading/contract';
import type { ModelContract } from '../../../src/core/drill';
import type { ContractCheck } from '../../../src/core/grading/report';
import { identityClassifier } from './fixtures';

/** A stand-in for Keras' Lambda layer (tfjs has none): registered so models can hold one. */
class Lambda extends tf.layers.Layer {
  static className = 'Lambda';
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return Array.isArray(inputs) ? inputs[0] : inputs;
  }
}
tf.serialization.registerClass(Lambda);

const models: tf.LayersModel[] = [];
function keep<T extends tf.LayersModel>(m: T): T {
  models.push(m);
  return m;
}
afterAll(() => models.forEach((m) => m.dispose()));

function seq(layers: tf.layers.Layer[]): tf.Sequential {
  return keep(tf.sequential({ layers }));
}

const CLASSIFIER: ModelContract = { inputShape: [4], outputUnits: 4, outputActivation: 'softmax' };

function byId(checks: ContractCheck[], id: string): ContractCheck {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in ${checks.map((x) => x.id).join(', ')}`);
  return c;
}

describe('checkContract', () => {
  it('passes a model that meets every clause, and runs only the clauses given', () => {
    const checks = checkContract(keep(identityClassifier(4)), CLASSIFIER);
    expect(checks.map((c) => c.id)).toEqual(['single-input-output', 'input-shape', 'output-units', 'output-activation', 'dtype']);
    expect(checks.every((c) => c.passed)).toBe(true);
    expect(byId(checks, 'input-shape').message).toBe('Input shape is [null, 4].');
  });

  it('rejects a wrong input shape, ignoring the batch dimension, in exam words', () => {
    const m = seq([tf.layers.flatten({ inputShape: [28, 28] }), tf.layers.dense({ units: 10, activation: 'softmax' })]);
    const c = byId(checkContract(m, { inputShape: [28, 28, 1], outputUnits: 10 }), 'input-shape');
    expect(c.passed).toBe(false);
    expect(c.message).toBe('Input shape is [null, 28, 28] but the drill requires [null, 28, 28, 1].');
    const ok = seq([tf.layers.flatten({ inputShape: [28, 28, 1] }), tf.layers.dense({ units: 10 })]);
    expect(byId(checkContract(ok, { inputShape: [28, 28, 1], outputUnits: 10 }), 'input-shape').passed).toBe(true);
  });

  it('accepts a variable-length inner dimension, e.g. a text model for any sequence length', () => {
    const input = tf.input({ shape: [null] });
    const emb = tf.layers.embedding({ inputDim: 100, outputDim: 4 }).apply(input) as tf.SymbolicTensor;
    const pooled = tf.layers.globalAveragePooling1d().apply(emb) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(pooled) as tf.SymbolicTensor;
    const c = byId(checkContract(keep(tf.model({ inputs: input, outputs: out })), { inputShape: [120], outputUnits: 1 }), 'input-shape');
    expect(c.passed).toBe(true);
    expect(c.message).toMatch(/accepts the required \[null, 120\]/);
  });

  it('rejects wrong output units and an output that is not [batch, units]', () => {
    const c = byId(checkContract(keep(identityClassifier(3)), CLASSIFIER), 'output-units');
    expect(c.passed).toBe(false);
    expect(c.message).toBe('Output shape is [null, 3] (3 units) but the drill requires [null, 4] (4 units).');
    const seqOut = seq([tf.layers.dense({ inputShape: [5, 2], units: 1 })]);
    const r = byId(checkContract(seqOut, { inputShape: [5, 2], outputUnits: 1 }), 'output-units');
    expect(r.passed).toBe(false);
    expect(r.message).toMatch(/^Output shape is \[null, 5, 1\] but the drill requires \[null, 1\]/);
  });

  it('rejects the wrong output activation, naming the layer', () => {
    const m = seq([tf.layers.dense({ inputShape: [4], units: 4, activation: 'relu', name: 'last' })]);
    const c = byId(checkContract(m, CLASSIFIER), 'output-activation');
    expect(c.passed).toBe(false);
    expect(c.message).toBe("Output activation is 'relu' (from layer last (Dense)) but the drill requires 'softmax'.");
    const linear = seq([tf.layers.dense({ inputShape: [4], units: 4 })]);
    expect(byId(checkContract(linear, CLASSIFIER), 'output-activation').message).toMatch(/'linear'.*requires 'softmax'/);
  });

  it('counts a softmax applied by a later layer, after pass-through layers, or inside a nested model', () => {
    const viaActivation = seq([tf.layers.dense({ inputShape: [4], units: 4 }), tf.layers.activation({ activation: 'softmax' })]);
    const viaSoftmaxLayer = seq([tf.layers.dense({ inputShape: [4], units: 4 }), tf.layers.softmax()]);
    const thenDropout = seq([tf.layers.dense({ inputShape: [4], units: 4, activation: 'softmax' }), tf.layers.dropout({ rate: 0.5 })]);
    const inner = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 4, activation: 'softmax' })] });
    const nested = seq([inner]);
    for (const m of [viaActivation, viaSoftmaxLayer, thenDropout, nested]) {
      expect(finalActivation(m).activation).toBe('softmax');
      expect(byId(checkContract(m, CLASSIFIER), 'output-activation').passed).toBe(true);
    }
    const sigmoid = seq([tf.layers.dense({ inputShape: [4], units: 1, activation: 'sigmoid' })]);
    expect(finalActivation(sigmoid).activation).toBe('sigmoid');
  });

  it('finds a forbidden layer, also inside a nested model', () => {
    const inner = tf.sequential({ layers: [new Lambda({ inputShape: [4] }), tf.layers.dense({ units: 4, activation: 'softmax' })] });
    const m = seq([inner]);
    expect(layerClassNames(m)).toEqual(['Sequential', 'Lambda', 'Dense']);
    const c = byId(checkContract(m, { ...CLASSIFIER, forbiddenLayers: ['Lambda'] }), 'forbidden-layers');
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/contains a Lambda layer, which this drill does not accept/);
    const clean = byId(checkContract(keep(identityClassifier(4)), { ...CLASSIFIER, forbiddenLayers: ['Lambda'] }), 'forbidden-layers');
    expect(clean.passed).toBe(true);
  });

  it('finds a layer wrapped in TimeDistributed', () => {
    const m = seq([tf.layers.timeDistributed({ layer: new Lambda({}), inputShape: [3, 4] }), tf.layers.flatten(), tf.layers.dense({ units: 1 })]);
    expect(layerClassNames(m)).toContain('Lambda');
  });

  it('requires at least one of the required layers', () => {
    const dense = keep(identityClassifier(4));
    const c = byId(checkContract(dense, { ...CLASSIFIER, requiredLayers: ['Conv2D', 'SeparableConv2D'] }), 'required-layers');
    expect(c.passed).toBe(false);
    expect(c.message).toBe('The model has no Conv2D or SeparableConv2D layer but the drill requires at least one.');
    expect(byId(checkContract(dense, { ...CLASSIFIER, requiredLayers: ['Conv2D', 'Dense'] }), 'required-layers').passed).toBe(true);
  });

  it('limits the parameter count', () => {
    const m = keep(identityClassifier(4)); // 4·4 + 4 = 20 parameters
    expect(byId(checkContract(m, { ...CLASSIFIER, maxParams: 20 }), 'max-params').passed).toBe(true);
    const c = byId(checkContract(m, { ...CLASSIFIER, maxParams: 19 }), 'max-params');
    expect(c.passed).toBe(false);
    expect(c.message).toBe('The model has 20 parameters but the drill allows at most 19.');
  });

  it('requires a single input and a single output', () => {
    const a = tf.input({ shape: [4] });
    const b = tf.input({ shape: [4] });
    const sum = tf.layers.add().apply([a, b]) as tf.SymbolicTensor;
    const out1 = tf.layers.dense({ units: 4, activation: 'softmax' }).apply(sum) as tf.SymbolicTensor;
    const out2 = tf.layers.dense({ units: 1 }).apply(sum) as tf.SymbolicTensor;
    const m = keep(tf.model({ inputs: [a, b], outputs: [out1, out2] }));
    const c = byId(checkContract(m, CLASSIFIER), 'single-input-output');
    expect(c.passed).toBe(false);
    expect(c.message).toBe('The model has 2 inputs and 2 outputs but the drill requires exactly one input and one output.');
  });

  it('accepts float32 or int32 inputs and rejects other dtypes', () => {
    const intIn = tf.input({ shape: [3], dtype: 'int32' });
    const emb = tf.layers.embedding({ inputDim: 10, outputDim: 2 }).apply(intIn) as tf.SymbolicTensor;
    const flat = tf.layers.flatten().apply(emb) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 1 }).apply(flat) as tf.SymbolicTensor;
    expect(byId(checkContract(keep(tf.model({ inputs: intIn, outputs: out })), { inputShape: [3], outputUnits: 1 }), 'dtype').passed).toBe(true);

    const boolIn = tf.input({ shape: [3], dtype: 'bool' });
    const out2 = tf.layers.dense({ units: 1 }).apply(boolIn) as tf.SymbolicTensor;
    const c = byId(checkContract(keep(tf.model({ inputs: boolIn, outputs: out2 })), { inputShape: [3], outputUnits: 1 }), 'dtype');
    expect(c.passed).toBe(false);
    expect(c.message).toBe('Input dtype is bool but the drill requires float32 (or int32 for token ids).');
  });
});
