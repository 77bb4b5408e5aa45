/**
 * Keras model config → TensorFlow.js layers topology, as pure data.
 *
 * tfjs 4.22 reads the Keras 2 (tf.keras) JSON dialect. Keras 3 writes another one:
 * `batch_shape` for `batch_input_shape`, dtype policies as objects, functional links
 * as `__keras_tensor__` objects, and new options. Each layer is rewritten to the
 * Keras 2 dialect by a per-class rule that names every option it keeps, drops (it
 * only matters for training: initializers, regularizers, constraints, seeds) or
 * refuses (tfjs would compute something else). An option no rule names is refused
 * unless it is `null` (Keras adds new opt-in options as `null`), so a file from a
 * newer Keras is either read right or refused with one line, never misread.
 *
 * Each layer also gets its weight plan: the tfjs names of its weights in the order
 * Keras stores them (`weights.ts` fills them from the file).
 */
import { ModelFileError } from '../grading/model-files';

type Json = Record<string, unknown>;

/** One layer's weights, tfjs names in Keras' storage order. */
export interface WeightPlan {
  /** The layer's name (the same in Keras and in the translated topology). */
  layerName: string;
  /** Keras' class name, used to find the layer's group in a `.keras` weights file. */
  kerasClass: string;
  names: string[];
  /** Positions of stored weights tfjs has no use for (Keras' Normalization `count`), skipped when reading. */
  skip?: number[];
  /** Store each weight as a flat vector (Keras' Normalization keeps its mean with broadcast dimensions). */
  flatten?: boolean;
  /**
   * Reshape configs whose last dimension is this layer's input channels, unknown until
   * its kernel is read (`fillInputChannels`): the stand-in for causal padding needs it.
   */
  channelTargets?: Json[];
}

export interface Translation {
  /** A tfjs `modelTopology`: `{class_name, config, keras_version, backend}`. */
  modelTopology: Json;
  /** Every layer of the Keras config, weights or not, in config order (the `.keras` weights file numbers them so). */
  layers: WeightPlan[];
}

/** Above this, a size in a config is not a model for an exam drill but a damaged or hostile file. */
const MAX_DIMENSION = 1e7;
const MAX_LAYER_ELEMENTS = 1e9;

const LAMBDA_REASON =
  'a Lambda layer holds Python code, which cannot be loaded outside Python (the exam refused such model files too): do that work in your data pipeline or with built-in layers, then save again.';

/** Keras' activations by the names tfjs knows them by. */
const ACTIVATIONS: Record<string, string> = {
  linear: 'linear',
  relu: 'relu',
  relu6: 'relu6',
  elu: 'elu',
  selu: 'selu',
  sigmoid: 'sigmoid',
  // hard_sigmoid is left out: Keras 3's (relu6(x + 3) / 6) is not tfjs' (Keras 2's 0.2x + 0.5).
  softmax: 'softmax',
  softplus: 'softplus',
  softsign: 'softsign',
  tanh: 'tanh',
  swish: 'swish',
  silu: 'swish',
  mish: 'mish',
  gelu: 'gelu',
};

// ---------------------------------------------------------------------------------
// option rules

/** What happens to one option of a layer config. */
type Rule =
  | 'keep'
  | 'drop'
  | 'activation'
  | { rename: string }
  /** Kept only with one of these values; any other is refused. */
  | { only: readonly unknown[] }
  | ((value: unknown, where: string) => [string, unknown] | null);

/** Options every layer may carry. */
const COMMON: Record<string, Rule> = {
  name: 'keep',
  trainable: 'keep',
  dtype: 'drop', // rewritten below
  batch_input_shape: 'keep',
  batch_size: 'drop',
  input_shape: 'drop',
  activity_regularizer: 'drop',
  autocast: 'drop',
  // Seeds, quantization and LoRA exist for training; off (null) they change nothing at inference.
  seed: 'drop',
};

const TRAINING_ONLY = /_(initializer|regularizer|constraint)$/;

const ACT = { activation: 'activation' as Rule, use_bias: 'keep' as Rule };
const CONV = {
  ...ACT,
  filters: 'keep' as Rule,
  kernel_size: 'keep' as Rule,
  strides: 'keep' as Rule,
  padding: { only: ['valid', 'same'] } as Rule,
  data_format: 'keep' as Rule,
  dilation_rate: 'keep' as Rule,
  groups: { only: [1] } as Rule,
  lora_rank: { only: [null] } as Rule,
};
const POOL = { pool_size: 'keep' as Rule, strides: 'keep' as Rule, padding: { only: ['valid', 'same'] } as Rule, data_format: 'keep' as Rule };
const GLOBAL_POOL = { data_format: 'keep' as Rule, keepdims: { only: [false] } as Rule };
const RNN = {
  ...ACT,
  units: 'keep' as Rule,
  recurrent_activation: 'activation' as Rule,
  dropout: 'keep' as Rule,
  recurrent_dropout: 'keep' as Rule,
  return_sequences: 'keep' as Rule,
  return_state: 'keep' as Rule,
  go_backwards: 'keep' as Rule,
  stateful: { only: [false] } as Rule,
  unroll: 'keep' as Rule,
  implementation: 'drop' as Rule,
  use_cudnn: 'drop' as Rule,
  zero_output_for_mask: 'drop' as Rule,
  time_major: { only: [false] } as Rule,
};
const MERGE = { axis: 'keep' as Rule };

interface LayerRule {
  /** tfjs class, when it differs. */
  tfjs?: string;
  options: Record<string, Rule>;
  /** The tfjs names of its weights, in Keras' order. */
  weights?(config: Json): string[];
  /** Identity at inference (augmentation): left out of the translated model. */
  inferenceIdentity?: boolean;
}

const bias = (c: Json) => (c.use_bias === false ? [] : ['bias']);

const LAYERS: Record<string, LayerRule> = {
  InputLayer: {
    options: {
      batch_shape: (v) => ['batch_input_shape', v],
      shape: 'drop',
      sparse: { only: [false, null] },
      ragged: { only: [false, null] },
      optional: { only: [false] },
      input_tensor: { only: [null] },
    },
  },
  Dense: { options: { ...ACT, units: 'keep', lora_rank: { only: [null] }, lora_alpha: 'drop', quantization_config: { only: [null] } }, weights: (c) => ['kernel', ...bias(c)] },
  Conv1D: { options: { ...CONV, padding: { only: ['valid', 'same', 'causal'] } }, weights: (c) => ['kernel', ...bias(c)] },
  Conv2D: { options: CONV, weights: (c) => ['kernel', ...bias(c)] },
  SeparableConv2D: { options: { ...CONV, depth_multiplier: 'keep' }, weights: (c) => ['depthwise_kernel', 'pointwise_kernel', ...bias(c)] },
  DepthwiseConv2D: { options: { ...CONV, depth_multiplier: 'keep', filters: 'drop' }, weights: (c) => ['depthwise_kernel', ...bias(c)] },
  MaxPooling1D: { options: POOL },
  MaxPooling2D: { options: POOL },
  AveragePooling1D: { options: POOL },
  AveragePooling2D: { options: POOL },
  GlobalAveragePooling1D: { options: GLOBAL_POOL },
  GlobalAveragePooling2D: { options: GLOBAL_POOL },
  GlobalMaxPooling1D: { options: GLOBAL_POOL },
  GlobalMaxPooling2D: { options: GLOBAL_POOL },
  BatchNormalization: {
    options: { axis: 'keep', momentum: 'keep', epsilon: 'keep', center: 'keep', scale: 'keep', synchronized: 'drop', renorm: { only: [false] }, renorm_clipping: 'drop', renorm_momentum: 'drop' },
    weights: (c) => [...(c.scale === false ? [] : ['gamma']), ...(c.center === false ? [] : ['beta']), 'moving_mean', 'moving_variance'],
  },
  LayerNormalization: {
    options: { axis: 'keep', epsilon: 'keep', center: 'keep', scale: 'keep', rms_scaling: { only: [false] } },
    weights: (c) => [...(c.scale === false ? [] : ['gamma']), ...(c.center === false ? [] : ['beta'])],
  },
  Dropout: { options: { rate: 'keep', noise_shape: 'drop' } },
  SpatialDropout1D: { options: { rate: 'keep' } },
  GaussianNoise: { options: { stddev: 'keep' } },
  GaussianDropout: { options: { rate: 'keep' } },
  Flatten: { options: { data_format: 'keep' } },
  Reshape: { options: { target_shape: 'keep' } },
  Permute: { options: { dims: 'keep' } },
  RepeatVector: { options: { n: 'keep' } },
  Activation: { options: { activation: 'activation' } },
  ReLU: { options: { max_value: 'keep', negative_slope: { only: [0, 0.0] }, threshold: { only: [0, 0.0] } } },
  LeakyReLU: { options: { negative_slope: { rename: 'alpha' }, alpha: 'keep' } },
  ELU: { options: { alpha: 'keep' } },
  Softmax: { options: { axis: 'keep' } },
  Rescaling: { options: { scale: numberOnly('scale'), offset: numberOnly('offset') } },
  Embedding: {
    options: { input_dim: 'keep', output_dim: 'keep', mask_zero: 'keep', input_length: 'keep', lora_rank: { only: [null] }, lora_alpha: 'drop', quantization_config: { only: [null] } },
    weights: () => ['embeddings'],
  },
  LSTM: { options: { ...RNN, unit_forget_bias: 'keep' }, weights: (c) => ['kernel', 'recurrent_kernel', ...bias(c)] },
  GRU: {
    // tfjs' GRU has only Keras 2's original variant (reset gate before the matrix product).
    options: { ...RNN, reset_after: resetAfterRule },
    weights: (c) => ['kernel', 'recurrent_kernel', ...bias(c)],
  },
  SimpleRNN: { options: RNN, weights: (c) => ['kernel', 'recurrent_kernel', ...bias(c)] },
  Concatenate: { options: MERGE },
  Add: { options: {} },
  Subtract: { options: {} },
  Multiply: { options: {} },
  Average: { options: {} },
  Maximum: { options: {} },
  Minimum: { options: {} },
  // Augmentation layers pass inputs through unchanged at inference, which is all grading does.
  ...Object.fromEntries(
    ['RandomFlip', 'RandomRotation', 'RandomZoom', 'RandomTranslation', 'RandomContrast', 'RandomBrightness'].map((c) => [
      c,
      { options: {}, inferenceIdentity: true } satisfies LayerRule,
    ]),
  ),
};

function numberOnly(key: string): Rule {
  return (v, where) => {
    if (typeof v !== 'number') throw new ModelFileError(`${where}: ${key}=${JSON.stringify(v)} (one value per channel) is not supported by TensorFlow.js; use a single number.`);
    return [key, v];
  };
}

function resetAfterRule(v: unknown): [string, unknown] | null {
  return ['reset_after', v !== false];
}

/**
 * tfjs' own GRU is Keras' `reset_after=False`; the default since TF 2 / Keras 3
 * (`reset_after=True`) runs as the lab's `KerasGRU` layer (gru-reset-after.ts).
 */
export const KERAS_GRU_CLASS = 'KerasGRU';
const KERAS_GRU_ACTIVATIONS = ['tanh', 'sigmoid', 'relu', 'linear'];

function asKerasGru(out: Json, where: string): Json {
  if (out.return_state === true) throw new ModelFileError(`${where}: a GRU with return_state=True cannot be loaded here; return only its output.`);
  for (const key of ['activation', 'recurrent_activation']) {
    if (out[key] !== undefined && !KERAS_GRU_ACTIVATIONS.includes(String(out[key]))) {
      throw new ModelFileError(`${where}: ${key}=${short(out[key])} is not supported for a GRU here (only ${KERAS_GRU_ACTIVATIONS.join(', ')}).`);
    }
  }
  const keep = ['name', 'trainable', 'dtype', 'batch_input_shape', 'units', 'activation', 'recurrent_activation', 'use_bias', 'return_sequences', 'go_backwards'];
  return Object.fromEntries(keep.filter((k) => out[k] !== undefined).map((k) => [k, out[k]]));
}

/** The layers this translator knows (the README's list). */
export const SUPPORTED_LAYERS = [...Object.keys(LAYERS).filter((c) => c !== 'InputLayer'), 'Bidirectional', 'Normalization'];

// ---------------------------------------------------------------------------------
// model

/** Translate a whole model config (`config.json` or the `.h5` file's `model_config`). */
export function translateModelConfig(config: unknown, kerasVersion: string | null): Translation {
  if (!isObject(config) || typeof config.class_name !== 'string' || !isObject(config.config)) {
    throw new ModelFileError('The Keras file has no model config (class_name and config); it was not written by model.save.');
  }
  const cls = config.class_name;
  const body = untuple(config.config) as Json;
  const plans: WeightPlan[] = [];
  let modelConfig: Json;
  if (cls === 'Sequential') modelConfig = { class_name: 'Sequential', config: translateSequential(body, plans) };
  else if (cls === 'Functional' || cls === 'Model') modelConfig = { class_name: 'Model', config: translateFunctional(body, plans) };
  else {
    throw new ModelFileError(
      `The Keras file holds a subclassed model (${cls}); only Sequential and Functional models can be loaded outside Python, because a subclass's call() is Python code. Rebuild it with keras.Sequential or the functional API.`,
    );
  }
  return {
    modelTopology: { ...modelConfig, keras_version: `tfjs-layers 4.22 (translated from Keras ${kerasVersion ?? 'unknown'})`, backend: 'tensor_flow.js' },
    layers: plans,
  };
}

function translateSequential(body: Json, plans: WeightPlan[]): Json {
  const layers = listOf(body.layers, 'the Sequential model');
  const out: Json[] = [];
  layers.forEach((layer, i) => {
    const t = translateLayer(layer, `layer ${i + 1}`, plans);
    if (t) out.push(...withPrelude(t));
  });
  // Keras 2 could put the input shape on the first layer; Keras 3 always starts with an InputLayer.
  if (!out.some((l) => l.class_name === 'InputLayer' || isObject(l.config) && Array.isArray((l.config as Json).batch_input_shape))) {
    throw new ModelFileError('The Sequential model has no input shape (no InputLayer); build it with keras.Input(shape=...) first, fit it, then save.');
  }
  return { name: body.name ?? 'sequential', layers: out };
}

function translateFunctional(body: Json, plans: WeightPlan[]): Json {
  const layers = listOf(body.layers, 'the Functional model');
  const out: Json[] = [];
  /** A left-out layer's consumers read its input instead. */
  const bypass = new Map<string, NodeRef>();
  layers.forEach((layer, i) => {
    const t = translateLayer(layer, `layer ${i + 1}`, plans);
    const inbound = ((layer as Json).inbound_nodes ?? []) as unknown[];
    const nodes = (Array.isArray(inbound) ? inbound : []).map((n) => nodeInputs(n).map((r) => resolve(r, bypass)));
    if (t === null) {
      const only = nodes[0];
      if (nodes.length !== 1 || only.length !== 1) throw new ModelFileError(`${describe(layer, i)}: an augmentation layer used more than once cannot be left out.`);
      bypass.set(`${String((layer as Json).config && ((layer as Json).config as Json).name)}:0:0`, only[0]);
      return;
    }
    const chain = withPrelude(t);
    if (chain.length > 1 && nodes.length !== 1) throw new ModelFileError(`${describe(layer, i)}: a causal Conv1D used more than once cannot be loaded.`);
    let links: unknown[] = nodes.map((refs) => refs.map((r) => [r[0], r[1], r[2], {}]));
    for (const l of chain) {
      out.push({ ...l, inbound_nodes: links });
      links = [[[l.name, 0, 0, {}]]];
    }
  });
  const ends = (v: unknown, what: string) => {
    const list = Array.isArray(v) && typeof v[0] === 'string' ? [v] : v; // Keras 3 writes a single input unnested
    if (!Array.isArray(list)) throw new ModelFileError(`The Functional model's ${what} are missing.`);
    return list.map((r) => resolve(asRef(r, what), bypass));
  };
  return { name: body.name ?? 'model', layers: out, input_layers: ends(body.input_layers, 'inputs'), output_layers: ends(body.output_layers, 'outputs') };
}

type NodeRef = [string, number, number];

function resolve(ref: NodeRef, bypass: Map<string, NodeRef>): NodeRef {
  return bypass.get(`${ref[0]}:${ref[1]}:${ref[2]}`) ?? ref;
}

/** The inputs of one call of a layer, in either dialect: Keras 2 lists or Keras 3 `{args, kwargs}` with `__keras_tensor__`s. */
function nodeInputs(node: unknown): NodeRef[] {
  if (Array.isArray(node) && typeof node[0] === 'string') return [asRef(node, 'inbound node')]; // one input, unnested
  if (Array.isArray(node)) return node.map((r) => asRef(r, 'inbound node'));
  if (!isObject(node)) throw new ModelFileError('A Functional model link (inbound node) is malformed.');
  const refs: NodeRef[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v) && v.class_name === '__keras_tensor__' && isObject(v.config)) refs.push(asRef(v.config.keras_history, 'inbound node'));
  };
  visit(node.args);
  return refs;
}

function asRef(v: unknown, what: string): NodeRef {
  if (!Array.isArray(v) || typeof v[0] !== 'string') throw new ModelFileError(`The Functional model's ${what} link is malformed.`);
  return [v[0], Number(v[1] ?? 0), Number(v[2] ?? 0)];
}

// ---------------------------------------------------------------------------------
// layers

/** One layer in the Keras 2 dialect tfjs reads, or null when it is left out (identity at inference). */
function translateLayer(layer: unknown, position: string, plans: WeightPlan[]): Json | null {
  if (!isObject(layer) || typeof layer.class_name !== 'string' || !isObject(layer.config)) {
    throw new ModelFileError(`The model's ${position} is not a Keras layer config.`);
  }
  const cls = layer.class_name;
  const config = layer.config;
  const name = typeof config.name === 'string' ? config.name : `${position}`;
  const where = `Layer '${name}' (${cls}, ${position})`;
  if (cls === 'Lambda') throw new ModelFileError(`${where}: ${LAMBDA_REASON}`);
  if (cls === 'Sequential' || cls === 'Functional' || cls === 'Model') {
    // A nested model: `Sequential([RandomFlip(), ...])` as an augmentation stage is common and can be left out.
    const inner = listOf((config as Json).layers, where);
    const identity = inner.every((l) => isObject(l) && (l.class_name === 'InputLayer' || LAYERS[String(l.class_name)]?.inferenceIdentity));
    plans.push({ layerName: name, kerasClass: cls, names: [] });
    if (identity) return null;
    throw new ModelFileError(`${where}: a model nested inside the model cannot be loaded; build one flat Sequential or Functional model and save again.`);
  }
  if (cls === 'Bidirectional') return translateBidirectional(layer, position, plans);
  if (cls === 'Normalization') return translateNormalization(config, name, where, plans);
  const rule = LAYERS[cls];
  if (!rule) {
    const module = typeof layer.module === 'string' && !layer.module.startsWith('keras') ? ` from ${layer.module}` : '';
    throw new ModelFileError(
      `${where}: the layer${module} has no TensorFlow.js equivalent, so the model cannot be graded here. Layers that can: ${SUPPORTED_LAYERS.join(', ')}.`,
    );
  }
  plans.push({ layerName: name, kerasClass: cls, names: rule.weights ? rule.weights(config).map((w) => `${name}/${w}`) : [] });
  if (rule.inferenceIdentity) return null;
  const out = translateOptions(config, rule, where);
  checkSizes(cls, out, where);
  if (cls === 'GRU' && out.reset_after === true) return { class_name: KERAS_GRU_CLASS, config: asKerasGru(out, where), name };
  const translated: Json = { class_name: rule.tfjs ?? cls, config: out, name };
  if (cls === 'Conv1D' && out.padding === 'causal') causalConv1d(translated, plans[plans.length - 1]);
  return translated;
}

const PRELUDE = Symbol('prelude');

/** The layers to put before a translated layer (if any), then the layer itself. */
function withPrelude(layer: Json): Json[] {
  const prelude = (layer as { [PRELUDE]?: Json[] })[PRELUDE] ?? [];
  return [...prelude, layer];
}

/**
 * tfjs has no causal padding (its Conv1D throws "not implemented yet"). Causal is
 * zeros on the left, (kernel_size − 1) × dilation of them, then a valid convolution;
 * tfjs has no 1-D zero padding either, so the sequence is viewed as a one-pixel-wide
 * image for ZeroPadding2D. Three standard layers, so `dojo convert`'s output stays
 * loadable by plain tfjs.
 */
function causalConv1d(layer: Json, plan: WeightPlan): void {
  const c = layer.config as Json;
  const k = Array.isArray(c.kernel_size) ? Number(c.kernel_size[0]) : Number(c.kernel_size);
  const d = Array.isArray(c.dilation_rate) ? Number(c.dilation_rate[0]) : Number(c.dilation_rate ?? 1);
  const name = String(c.name);
  const toImage: Json = { name: `${name}_causal_as_image`, trainable: false, dtype: 'float32', target_shape: [-1, 1, 0] };
  const toSequence: Json = { name: `${name}_causal_as_sequence`, trainable: false, dtype: 'float32', target_shape: [-1, 0] };
  const pad: Json = { name: `${name}_causal_pad`, trainable: false, dtype: 'float32', padding: [[(k - 1) * d, 0], [0, 0]], data_format: 'channels_last' };
  if (Array.isArray(c.batch_input_shape)) {
    toImage.batch_input_shape = c.batch_input_shape;
    delete c.batch_input_shape;
  }
  c.padding = 'valid';
  plan.channelTargets = [toImage, toSequence];
  (layer as { [PRELUDE]?: Json[] })[PRELUDE] = [
    { class_name: 'Reshape', config: toImage, name: toImage.name },
    { class_name: 'ZeroPadding2D', config: pad, name: pad.name },
    { class_name: 'Reshape', config: toSequence, name: toSequence.name },
  ];
}

/** Completes the causal stand-ins with each layer's input channels, read off its kernel ([k, in, filters]). */
export function fillInputChannels(plans: readonly WeightPlan[], specs: readonly { name: string; shape: number[] }[]): void {
  for (const p of plans) {
    if (!p.channelTargets) continue;
    const kernel = specs.find((s) => s.name === p.names[0]);
    const channels = kernel?.shape[1];
    if (channels === undefined) throw new ModelFileError(`Layer '${p.layerName}' (Conv1D) has no kernel in the weights; the weights do not belong to this config.`);
    for (const t of p.channelTargets) (t.target_shape as number[])[(t.target_shape as number[]).length - 1] = channels;
  }
}

function translateOptions(config: Json, rule: LayerRule, where: string): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(config)) {
    const r = rule.options[key] ?? COMMON[key] ?? (TRAINING_ONLY.test(key) ? 'drop' : undefined);
    if (r === undefined) {
      if (value === null) continue;
      throw new ModelFileError(
        `${where}: option ${key}=${short(value)} is unknown to this importer (it reads Keras up to 3.15 and tf.keras 2); if the file comes from a newer Keras, set that option back to its default or save with Keras 3.15.`,
      );
    }
    if (r === 'drop') continue;
    if (r === 'keep') out[key] = value;
    else if (r === 'activation') out[key] = activation(value, where);
    else if (typeof r === 'function') {
      const kv = r(value, where);
      if (kv) out[kv[0]] = kv[1];
    } else if ('rename' in r) out[r.rename] = value;
    else if (!r.only.includes(value)) {
      throw new ModelFileError(`${where}: ${key}=${short(value)} is not supported by TensorFlow.js (only ${r.only.map(short).join(' or ')}); change it, train again and save.`);
    } else out[key] = value;
  }
  // tfjs wants a plain dtype; a policy object (Keras 3) or "mixed_float16" still keeps float32 weights,
  // and the grader feeds float32 (token ids included).
  out.dtype = 'float32';
  return out;
}

function activation(v: unknown, where: string): string {
  const name = typeof v === 'string' ? v : isObject(v) && typeof v.class_name === 'string' ? v.class_name : undefined;
  const tfjs = name === undefined ? undefined : ACTIVATIONS[name];
  if (tfjs === undefined) {
    throw new ModelFileError(`${where}: activation ${short(v)} is not available in TensorFlow.js (it has ${Object.keys(ACTIVATIONS).join(', ')}).`);
  }
  return tfjs;
}

function checkSizes(cls: string, c: Json, where: string): void {
  const dims: number[] = [];
  for (const k of ['units', 'filters', 'input_dim', 'output_dim', 'n']) if (typeof c[k] === 'number') dims.push(c[k] as number);
  for (const k of ['batch_input_shape', 'target_shape', 'kernel_size']) {
    const v = c[k];
    if (Array.isArray(v)) v.forEach((d) => typeof d === 'number' && dims.push(d));
  }
  const bad = dims.find((d) => !Number.isInteger(d) || d < 0 || d > MAX_DIMENSION);
  if (bad !== undefined) throw new ModelFileError(`${where} declares a size of ${bad}, which no model trained for a drill has; the file is damaged or not a real model.`);
  if (cls === 'Embedding' && (c.input_dim as number) * (c.output_dim as number) > MAX_LAYER_ELEMENTS) {
    throw new ModelFileError(`${where} declares ${c.input_dim}×${c.output_dim} embeddings, far more than any drill's model; the file is damaged or not a real model.`);
  }
}

/**
 * Keras' Normalization (adapted on the training data: the course's auto-mpg model
 * starts with it) is `(x − mean) / max(√variance, 1e-7)`; tfjs has no such layer, but
 * its BatchNormalization at inference is `(x − mean) / √(variance + ε)`, the same up
 * to float32 rounding with a tiny ε and neither scale nor offset. So it becomes one,
 * and `dojo convert`'s output stays plain tfjs.
 */
function translateNormalization(config: Json, name: string, where: string, plans: WeightPlan[]): Json {
  for (const [key, value] of Object.entries(config)) {
    if (['name', 'trainable', 'dtype', 'batch_input_shape', 'axis'].includes(key) || value === null) continue;
    if (key === 'invert' && value === false) continue;
    if (key === 'mean' || key === 'variance') {
      throw new ModelFileError(`${where}: a Normalization given mean/variance in its constructor keeps them outside the weights; use layer.adapt(data) instead, then save again.`);
    }
    throw new ModelFileError(`${where}: option ${key}=${short(value)} of Normalization is not supported here.`);
  }
  if (config.axis === null || (Array.isArray(config.axis) && config.axis.length !== 1)) {
    throw new ModelFileError(`${where}: Normalization with axis=${short(config.axis)} (one mean for several axes) is not supported here; only the last axis (the default).`);
  }
  const axis = Array.isArray(config.axis) ? config.axis[0] : config.axis ?? -1;
  if (axis !== -1) throw new ModelFileError(`${where}: Normalization over axis ${short(config.axis)} is not supported here; only the last axis (the default).`);
  plans.push({ layerName: name, kerasClass: 'Normalization', names: [`${name}/moving_mean`, `${name}/moving_variance`], skip: [2], flatten: true });
  const out: Json = { name, trainable: false, dtype: 'float32', axis: -1, epsilon: 1e-12, center: false, scale: false, momentum: 0.99 };
  if (Array.isArray(config.batch_input_shape)) out.batch_input_shape = config.batch_input_shape;
  return { class_name: 'BatchNormalization', config: out, name };
}

/** Bidirectional: the wrapped RNN is translated like a layer of its own; tfjs builds the backward copy itself. */
function translateBidirectional(layer: Json, position: string, plans: WeightPlan[]): Json {
  const config = layer.config as Json;
  const name = String(config.name);
  const where = `Layer '${name}' (Bidirectional, ${position})`;
  const inner = config.layer;
  if (!isObject(inner) || !['LSTM', 'GRU', 'SimpleRNN'].includes(String(inner.class_name))) {
    throw new ModelFileError(`${where}: only a Bidirectional LSTM, GRU or SimpleRNN can be loaded.`);
  }
  const back = config.backward_layer;
  if (isObject(back) && back.class_name !== inner.class_name) {
    throw new ModelFileError(`${where}: its backward layer (${String(back.class_name)}) differs from its forward one; TensorFlow.js mirrors the forward layer.`);
  }
  // Keras 3 names the wrapped layer `forward_<rnn>`; tfjs adds `forward_`/`backward_` itself.
  const innerName = String((inner.config as Json)?.name ?? 'rnn').replace(/^forward_/, '');
  const scratch: WeightPlan[] = [];
  const innerOut = translateLayer({ ...inner, config: { ...(inner.config as Json), name: innerName } }, `inside ${where}`, scratch);
  if (innerOut?.class_name === KERAS_GRU_CLASS) {
    throw new ModelFileError(`${where}: a Bidirectional GRU with reset_after=True (the Keras default) cannot be loaded here; use a Bidirectional LSTM, or GRU(..., reset_after=False).`);
  }
  const weights = scratch[0].names.map((n) => n.slice(innerName.length + 1));
  plans.push({
    layerName: name,
    kerasClass: 'Bidirectional',
    names: [...weights.map((w) => `${name}/forward_${innerName}/${w}`), ...weights.map((w) => `${name}/backward_${innerName}/${w}`)],
  });
  const mergeMode = config.merge_mode === undefined ? 'concat' : config.merge_mode;
  if (!['concat', 'sum', 'mul', 'ave', null].includes(mergeMode as string | null)) {
    throw new ModelFileError(`${where}: merge_mode=${short(mergeMode)} is not supported by TensorFlow.js.`);
  }
  for (const key of Object.keys(config)) {
    if (!['name', 'trainable', 'dtype', 'merge_mode', 'layer', 'backward_layer', 'batch_input_shape'].includes(key) && config[key] !== null) {
      throw new ModelFileError(`${where}: option ${key}=${short(config[key])} is unknown to this importer.`);
    }
  }
  const out: Json = { name, trainable: config.trainable ?? true, dtype: 'float32', merge_mode: mergeMode, layer: { class_name: innerOut?.class_name, config: innerOut?.config } };
  if (Array.isArray(config.batch_input_shape)) out.batch_input_shape = config.batch_input_shape;
  return { class_name: 'Bidirectional', config: out, name };
}

// ---------------------------------------------------------------------------------

/** tf.keras 2.13+ may write tuples as `{"class_name": "__tuple__", "items": [...]}`; they are plain lists here. */
function untuple(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(untuple);
  if (!isObject(v)) return v;
  if (v.class_name === '__tuple__' && Array.isArray(v.items)) return v.items.map(untuple);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, untuple(x)]));
}

function describe(layer: unknown, i: number): string {
  const c = isObject(layer) && isObject(layer.config) ? layer.config : {};
  return `Layer '${String(c.name ?? i + 1)}' (${String(isObject(layer) ? layer.class_name : '?')}, layer ${i + 1})`;
}

function listOf(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw new ModelFileError(`${where} has no list of layers; the config is damaged.`);
  return v;
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

