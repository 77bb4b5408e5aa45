/**
 * The translation of configs the public fixtures do not cover, written in Keras 3's
 * serialization format (as `Functional.get_config` / `serialize_keras_object` write it:
 * `module`, dtype policy objects, `__keras_tensor__` links, a single input unnested).
 * Each translated topology is built by tfjs, and the weight plan must name exactly the
 * weights tfjs creates, in order. Numbers are checked against plain-JS references of
 * the Keras equations (Dense graph wiring, Keras' reset_after GRU).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelFromArtifacts } from '../../../src/core/grading/model-io';
import { translateModelConfig, type Translation } from '../../../src/core/keras/translate';
import '../../../src/core/keras/gru-reset-after';
import type { H5Dataset, H5Group } from '../../../src/core/keras/containers';
import { collectWeights } from '../../../src/core/keras/weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const policy = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
const init = { module: 'keras.initializers', class_name: 'GlorotUniform', config: { seed: null }, registered_name: null };
function layer(cls: string, config: Record<string, unknown>, inputs?: string[] | string[][]): Record<string, unknown> {
  const out: Record<string, unknown> = {
    module: 'keras.layers',
    class_name: cls,
    config: cls === 'InputLayer' ? config : { trainable: true, dtype: policy, ...config },
    registered_name: null,
  };
  if (inputs) {
    out.name = config.name;
    const tensor = (n: string) => ({ class_name: '__keras_tensor__', config: { shape: [null, 16], dtype: 'float32', keras_history: [n, 0, 0] } });
    out.inbound_nodes = inputs.length === 0 ? [] : [{ args: inputs.map((i) => (Array.isArray(i) ? i.map(tensor) : tensor(i))), kwargs: {} }];
  }
  return out;
}
const dense = (name: string, units: number, activation: string) => ({
  name, units, activation, use_bias: true, kernel_initializer: init, bias_initializer: init,
  kernel_regularizer: null, bias_regularizer: null, kernel_constraint: null, bias_constraint: null, lora_rank: null, quantization_config: null,
});
const sequential = (layers: unknown[]) => ({ module: 'keras', class_name: 'Sequential', config: { name: 'sequential', trainable: true, dtype: policy, layers }, registered_name: null });

/** Builds the translated topology with tfjs and checks the plan names its weights exactly. */
async function build(t: Translation): Promise<tf.LayersModel> {
  const model = await tf.models.modelFromJSON({ modelTopology: t.modelTopology } as tf.io.ModelJSON);
  // tfjs lists trainable weights before the BatchNorm statistics and loads by name, so the sets must match.
  expect(t.layers.flatMap((p) => p.names).sort()).toEqual(model.weights.map((w) => w.originalName).sort());
  return model;
}

function randomWeights(model: tf.LayersModel, seed: number): void {
  model.setWeights(model.weights.map((w, i) => tf.randomNormal(w.shape as number[], 0, 0.5, 'float32', seed + i)));
}

describe('Keras 3 configs beyond the public fixtures', () => {
  it('a Functional model with two branches and Concatenate, wired as Keras wired it', async () => {
    const config = {
      module: 'keras',
      class_name: 'Functional',
      config: {
        name: 'functional',
        trainable: true,
        layers: [
          layer('InputLayer', { batch_shape: [null, 20], dtype: 'float32', sparse: false, ragged: false, name: 'input_layer', optional: false }, []),
          layer('Dense', dense('dense', 16, 'tanh'), ['input_layer']),
          layer('Dense', dense('dense_1', 16, 'elu'), ['input_layer']),
          layer('Concatenate', { name: 'concatenate', axis: -1 }, [['dense', 'dense_1']]),
          layer('Dense', dense('dense_2', 8, 'relu'), ['concatenate']),
          layer('Dense', dense('dense_3', 3, 'softmax'), ['dense_2']),
        ],
        input_layers: ['input_layer', 0, 0],
        output_layers: ['dense_3', 0, 0],
      },
      registered_name: 'Functional',
    };
    const model = await build(translateModelConfig(config, '3.15.1'));
    randomWeights(model, 1);
    const x = tf.randomNormal([4, 20], 0, 1, 'float32', 99);
    const got = (model.predict(x) as tf.Tensor).arraySync() as number[][];
    // The same graph by hand: branch a (tanh) first, then branch b (elu), as Concatenate([a, b]).
    const [k0, b0, k1, b1, k2, b2, k3, b3] = model.getWeights();
    const a = tf.tanh(tf.add(tf.matMul(x, k0), b0));
    const b = tf.elu(tf.add(tf.matMul(x, k1), b1));
    const h = tf.relu(tf.add(tf.matMul(tf.concat([a, b], 1), k2), b2));
    const want = tf.softmax(tf.add(tf.matMul(h, k3), b3)).arraySync() as number[][];
    want.forEach((row, i) => row.forEach((v, j) => expect(got[i][j]).toBeCloseTo(v, 5)));
  });

  it('Embedding → Conv1D → MaxPooling1D → GRU (Keras default reset_after) → Dense: reproduces Keras’ GRU equations', async () => {
    const t = translateModelConfig(
      sequential([
        layer('InputLayer', { batch_shape: [null, 12], dtype: 'float32', sparse: false, ragged: false, name: 'input_layer', optional: false }),
        layer('Embedding', { name: 'embedding', input_dim: 50, output_dim: 6, embeddings_initializer: init, embeddings_regularizer: null, activity_regularizer: null, embeddings_constraint: null, mask_zero: false, quantization_config: null }),
        layer('Conv1D', { name: 'conv1d', filters: 8, kernel_size: [3], strides: [1], padding: 'valid', data_format: 'channels_last', dilation_rate: [1], groups: 1, activation: 'relu', use_bias: true, kernel_initializer: init, bias_initializer: init, kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null }),
        layer('MaxPooling1D', { name: 'max_pooling1d', pool_size: [2], padding: 'valid', strides: [2], data_format: 'channels_last' }),
        layer('GRU', { name: 'gru', return_sequences: false, return_state: false, go_backwards: false, stateful: false, unroll: false, zero_output_for_mask: false, units: 5, activation: 'tanh', recurrent_activation: 'sigmoid', use_bias: true, kernel_initializer: init, recurrent_initializer: init, bias_initializer: init, kernel_regularizer: null, recurrent_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, recurrent_constraint: null, bias_constraint: null, dropout: 0, recurrent_dropout: 0, reset_after: true, seed: null }),
        layer('Dense', dense('dense', 4, 'softmax')),
      ]),
      '3.15.1',
    );
    expect(t.layers.find((p) => p.layerName === 'gru')?.names).toEqual(['gru/kernel', 'gru/recurrent_kernel', 'gru/bias']);
    const model = await build(t);
    randomWeights(model, 7);
    const gruLayer = model.getLayer('gru');
    const [kernel, recurrent, bias] = gruLayer.getWeights().map((w) => w.arraySync() as number[][]);
    expect([kernel.length, recurrent.length, bias.length]).toEqual([8, 5, 2]);
    const ids = tf.tensor2d([[1, 4, 9, 16, 25, 36, 49, 3, 8, 15, 24, 35], [2, 2, 2, 2, 0, 0, 0, 0, 7, 7, 7, 7]]);
    // The GRU's input, taken from the translated model itself, then Keras' equations by hand.
    const upToPool = tf.model({ inputs: model.inputs, outputs: model.getLayer('max_pooling1d').output as tf.SymbolicTensor });
    const seq = (upToPool.predict(ids) as tf.Tensor).arraySync() as number[][][];
    const gruOut = tf.model({ inputs: model.inputs, outputs: gruLayer.output as tf.SymbolicTensor }).predict(ids) as tf.Tensor;
    const got = gruOut.arraySync() as number[][];
    seq.forEach((steps, n) => {
      const want = kerasGru(steps, kernel, recurrent, bias);
      want.forEach((v, j) => expect(got[n][j]).toBeCloseTo(v, 5));
    });
    expect((model.predict(ids) as tf.Tensor).shape).toEqual([2, 4]);
  });

  it('SeparableConv2D → BatchNormalization → AveragePooling2D → Conv2D 1×1 → Flatten → Dense builds with every weight planned', async () => {
    const conv = { kernel_size: [3, 3], strides: [1, 1], padding: 'valid', data_format: 'channels_last', dilation_rate: [1, 1], use_bias: true, activity_regularizer: null };
    const t = translateModelConfig(
      sequential([
        layer('InputLayer', { batch_shape: [null, 32, 32, 3], dtype: 'float32', sparse: false, ragged: false, name: 'input_layer', optional: false }),
        layer('SeparableConv2D', { name: 'separable_conv2d', filters: 8, depth_multiplier: 1, activation: 'relu', ...conv, depthwise_initializer: init, pointwise_initializer: init, bias_initializer: init, depthwise_regularizer: null, pointwise_regularizer: null, bias_regularizer: null, depthwise_constraint: null, pointwise_constraint: null, bias_constraint: null }),
        layer('BatchNormalization', { name: 'batch_normalization', axis: -1, momentum: 0.99, epsilon: 0.001, center: true, scale: true, beta_initializer: init, gamma_initializer: init, moving_mean_initializer: init, moving_variance_initializer: init, beta_regularizer: null, gamma_regularizer: null, beta_constraint: null, gamma_constraint: null, synchronized: false }),
        layer('AveragePooling2D', { name: 'average_pooling2d', pool_size: [2, 2], padding: 'valid', strides: [2, 2], data_format: 'channels_last' }),
        layer('Conv2D', { name: 'conv2d', filters: 8, groups: 1, activation: 'linear', ...conv, kernel_size: [1, 1], kernel_initializer: init, bias_initializer: init, kernel_regularizer: null, bias_regularizer: null, kernel_constraint: null, bias_constraint: null }),
        layer('Flatten', { name: 'flatten', data_format: 'channels_last' }),
        layer('Dense', dense('dense', 4, 'softmax')),
      ]),
      '3.15.1',
    );
    const model = await build(t);
    expect(model.outputs[0].shape).toEqual([null, 4]);
    expect(t.layers.find((p) => p.layerName === 'separable_conv2d')?.names).toEqual([
      'separable_conv2d/depthwise_kernel',
      'separable_conv2d/pointwise_kernel',
      'separable_conv2d/bias',
    ]);
  });

  it('augmentation layers, alone or in a nested Sequential, are left out (identity at inference)', async () => {
    const t = translateModelConfig(
      sequential([
        layer('InputLayer', { batch_shape: [null, 8, 8, 3], dtype: 'float32', sparse: false, ragged: false, name: 'input_layer', optional: false }),
        { module: 'keras', class_name: 'Sequential', config: { name: 'augment', layers: [layer('RandomFlip', { name: 'random_flip', mode: 'horizontal', seed: null }), layer('RandomRotation', { name: 'random_rotation', factor: 0.1 })] } },
        layer('RandomZoom', { name: 'random_zoom', height_factor: 0.1 }),
        layer('Rescaling', { name: 'rescaling', scale: 1 / 255, offset: 0 }),
        layer('Flatten', { name: 'flatten', data_format: 'channels_last' }),
        layer('Dense', dense('dense', 1, 'sigmoid')),
      ]),
      '3.15.1',
    );
    const model = await build(t);
    expect(model.layers.map((l) => l.getClassName()).filter((c) => c !== 'InputLayer')).toEqual(['Rescaling', 'Flatten', 'Dense']);
  });

  it('a Functional model whose augmentation layer is left out reconnects its consumer to its input', async () => {
    const config = {
      class_name: 'Functional',
      config: {
        name: 'functional',
        layers: [
          layer('InputLayer', { batch_shape: [null, 4], dtype: 'float32', name: 'input_layer' }, []),
          layer('RandomContrast', { name: 'random_contrast', factor: 0.2 }, ['input_layer']),
          layer('Dense', dense('dense', 2, 'linear'), ['random_contrast']),
        ],
        input_layers: [['input_layer', 0, 0]],
        output_layers: [['dense', 0, 0]],
      },
    };
    const model = await build(translateModelConfig(config, '3.15.1'));
    expect(model.layers.map((l) => l.name)).toEqual(['input_layer', 'dense']);
  });

  it.each([
    ['named', true],
    ['found by class and order (older Keras 3 writes no name attribute)', false],
  ])("Keras' Normalization (adapted) becomes a BatchNormalization computing (x − mean) / √variance; weights %s", async (_, named) => {
    const t = translateModelConfig(
      sequential([
        layer('InputLayer', { batch_shape: [null, 3], dtype: 'float32', sparse: false, ragged: false, name: 'input_layer', optional: false }),
        layer('Normalization', { name: 'normalization_3', axis: [-1], invert: false, mean: null, variance: null }),
        layer('Dense', dense('dense_7', 1, 'linear')),
      ]),
      '3.15.1',
    );
    // A .keras weights tree as Keras 3 lays it out: vars 0 mean, 1 variance, 2 count (int64, unused).
    const dataset = (shape: number[], values: number[]): H5Dataset => ({ kind: 'dataset', shape, read: () => Float32Array.from(values) });
    const group = (children: Record<string, H5Group | H5Dataset>, attrs: Record<string, unknown> = {}): H5Group => ({
      kind: 'group',
      attrs,
      keys: Object.keys(children),
      get: (k) => children[k],
    });
    const count: H5Dataset = { kind: 'dataset', shape: [], read: () => { throw new Error('count is not read'); } };
    const root = group({
      layers: group({
        normalization: group({ vars: group({ 0: dataset([3], [1, -2, 10]), 1: dataset([3], [4, 0.25, 100]), 2: count }, named ? { name: 'normalization_3' } : {}) }),
        dense: group({ vars: group({ 0: dataset([3, 1], [1, 1, 1]), 1: dataset([1], [0]) }, named ? { name: 'dense_7' } : {}) }),
      }),
    });
    const { weightSpecs, weightData } = collectWeights('keras', root, t.layers);
    const model = await loadModelFromArtifacts({ modelTopology: t.modelTopology, weightSpecs, weightData });
    const x = [3, 0, 30];
    const want = (x[0] - 1) / 2 + (x[1] + 2) / 0.5 + (x[2] - 10) / 10;
    expect((model.predict(tf.tensor2d([x])) as tf.Tensor).dataSync()[0]).toBeCloseTo(want, 4);
  });

  it('tf.keras 2 configs (the dialect tfjs reads) translate too: the real Keras 2.15 converter output', async () => {
    const dir = join(__dirname, '../../fixtures/models/keras-converted-linear');
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    const t = translateModelConfig(json.modelTopology.model_config, json.modelTopology.keras_version);
    const bin = new Uint8Array(readFileSync(join(dir, 'group1-shard1of1.bin'))).buffer;
    const model = await loadModelFromArtifacts({
      modelTopology: t.modelTopology,
      weightSpecs: json.weightsManifest[0].weights.map((w: tf.io.WeightsManifestEntry, i: number) => ({ ...w, name: t.layers.flatMap((p) => p.names)[i] })),
      weightData: bin,
    });
    // The fixture learned y = 2x + 1.5.
    expect((model.predict(tf.tensor2d([[2]])) as tf.Tensor).dataSync()[0]).toBeCloseTo(5.5, 4);
  });
});

/** Keras' GRUCell with reset_after=True (keras/src/layers/rnn/gru.py), sigmoid/tanh, in plain JS. */
function kerasGru(steps: number[][], kernel: number[][], recurrent: number[][], bias: number[][]): number[] {
  const u = recurrent.length;
  const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
  let h = new Array(u).fill(0);
  for (const x of steps) {
    const mx = Array.from({ length: 3 * u }, (_, j) => x.reduce((s, xi, i) => s + xi * kernel[i][j], 0) + bias[0][j]);
    const mh = Array.from({ length: 3 * u }, (_, j) => h.reduce((s, hi, i) => s + hi * recurrent[i][j], 0) + bias[1][j]);
    h = h.map((prev, k) => {
      const z = sigmoid(mx[k] + mh[k]);
      const r = sigmoid(mx[u + k] + mh[u + k]);
      const hh = Math.tanh(mx[2 * u + k] + r * mh[2 * u + k]);
      return z * prev + (1 - z) * hh;
    });
  }
  return h;
}
