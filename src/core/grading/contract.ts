/**
 * The model contract, checked on a loaded model before any metric: the exam's
 * checker refused a model with the wrong shapes before scoring it, with a sentence
 * that said what it found and what it wanted. So do we.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelContract, OutputActivation } from '../drill';
import type { ContractCheck } from './report';

/**
 * Layers that do not change what the output means at inference time, so the layer
 * before them decides the output activation (e.g. `Dense(softmax)` then `Reshape`).
 */
const PASS_THROUGH = new Set([
  'Dropout',
  'SpatialDropout1D',
  'SpatialDropout2D',
  'SpatialDropout3D',
  'GaussianNoise',
  'GaussianDropout',
  'AlphaDropout',
  'ActivityRegularization',
  'Flatten',
  'Reshape',
]);

/** Advanced-activation layers and the activation they apply. */
const ACTIVATION_LAYERS: Record<string, string> = {
  Softmax: 'softmax',
  ReLU: 'relu',
  LeakyReLU: 'leakyrelu',
  PReLU: 'prelu',
  ELU: 'elu',
  ThresholdedReLU: 'thresholdedrelu',
};

export function checkContract(model: tf.LayersModel, contract: ModelContract): ContractCheck[] {
  const checks: ContractCheck[] = [checkSingleIO(model), checkInputShape(model, contract), checkOutputUnits(model, contract)];
  if (contract.outputActivation !== undefined) checks.push(checkActivation(model, contract.outputActivation));
  checks.push(checkDtype(model));
  const classes = layerClassNames(model);
  if (contract.forbiddenLayers?.length) checks.push(checkForbidden(classes, contract.forbiddenLayers));
  if (contract.requiredLayers?.length) checks.push(checkRequired(classes, contract.requiredLayers));
  if (contract.maxParams !== undefined) checks.push(checkParams(model, contract.maxParams));
  return checks;
}

/**
 * The checks a model fails, in the grader's words: the one function behind both
 * the grader's contract section and the executor's pre-flight (when learner code
 * calls `fit`), so a run is stopped with exactly the sentence Submit would give.
 */
export function contractBreaches(model: tf.LayersModel, contract: ModelContract): ContractCheck[] {
  return checkContract(model, contract).filter((c) => !c.passed);
}

/** `[null, 28, 28, 1]` as the exam printed shapes. */
export function formatShape(shape: readonly (number | null)[]): string {
  return `[${shape.map((d) => (d === null || d === undefined ? 'null' : String(d))).join(', ')}]`;
}

function checkSingleIO(model: tf.LayersModel): ContractCheck {
  const ins = model.inputs.length;
  const outs = model.outputs.length;
  const passed = ins === 1 && outs === 1;
  return {
    id: 'single-input-output',
    passed,
    message: passed
      ? 'The model has one input and one output.'
      : `The model has ${ins} input${ins === 1 ? '' : 's'} and ${outs} output${outs === 1 ? '' : 's'} but the drill requires exactly one input and one output.`,
  };
}

function checkInputShape(model: tf.LayersModel, contract: ModelContract): ContractCheck {
  const found = model.inputs[0].shape;
  const required = [null, ...contract.inputShape];
  // A `null` inner dimension (e.g. a text model built for any sequence length) accepts the drill's size.
  const passed =
    found.length === required.length && found.slice(1).every((d, i) => d === null || d === contract.inputShape[i]);
  const flexible = passed && found.slice(1).some((d) => d === null);
  return {
    id: 'input-shape',
    passed,
    message: passed
      ? `Input shape is ${formatShape(found)}${flexible ? `, which accepts the required ${formatShape(required)}` : ''}.`
      : `Input shape is ${formatShape(found)} but the drill requires ${formatShape(required)}.`,
  };
}

function checkOutputUnits(model: tf.LayersModel, contract: ModelContract): ContractCheck {
  const found = model.outputs[0].shape;
  const required = [null, contract.outputUnits];
  const passed = found.length === 2 && found[1] === contract.outputUnits;
  let message: string;
  if (passed) message = `Output shape is ${formatShape(found)}: ${unitsText(contract.outputUnits)}.`;
  else if (found.length !== 2)
    message = `Output shape is ${formatShape(found)} but the drill requires ${formatShape(required)} (${unitsText(contract.outputUnits)} per example); add a Flatten or end with a Dense layer.`;
  else
    message = `Output shape is ${formatShape(found)} (${unitsText(found[1] ?? 0)}) but the drill requires ${formatShape(required)} (${unitsText(contract.outputUnits)}).`;
  return { id: 'output-units', passed, message };
}

function unitsText(n: number): string {
  return `${n} unit${n === 1 ? '' : 's'}`;
}

export interface FinalActivation {
  activation: string;
  /** The layer that applies it, as "name (ClassName)". */
  layer: string;
}

/**
 * The activation the model's output goes through: the output layer's own
 * `activation`, an `Activation`/`Softmax`-style layer, or for pass-through layers
 * (Dropout, Reshape, …) the layer feeding them; a nested model is looked into.
 */
export function finalActivation(model: tf.LayersModel): FinalActivation {
  let layer: tf.layers.Layer | undefined = outputLayer(model);
  for (let guard = 0; layer !== undefined && guard < 1000; guard++) {
    if (layer instanceof tf.LayersModel) {
      layer = outputLayer(layer);
      continue;
    }
    const cls = layer.getClassName();
    const where = `${layer.name} (${cls})`;
    if (ACTIVATION_LAYERS[cls] !== undefined) return { activation: ACTIVATION_LAYERS[cls], layer: where };
    if (PASS_THROUGH.has(cls)) {
      layer = layer.inboundNodes[0]?.inboundLayers[0];
      continue;
    }
    const act = (layer.getConfig() as { activation?: unknown }).activation;
    return { activation: typeof act === 'string' ? act.toLowerCase() : 'linear', layer: where };
  }
  return { activation: 'linear', layer: 'the model input' };
}

function outputLayer(model: tf.LayersModel): tf.layers.Layer | undefined {
  return model.outputLayers?.[0] ?? model.layers[model.layers.length - 1];
}

function checkActivation(model: tf.LayersModel, required: OutputActivation): ContractCheck {
  const found = finalActivation(model);
  const passed = found.activation === required;
  return {
    id: 'output-activation',
    passed,
    message: passed
      ? `Output activation is '${found.activation}' (from layer ${found.layer}).`
      : `Output activation is '${found.activation}' (from layer ${found.layer}) but the drill requires '${required}'.`,
  };
}

function checkDtype(model: tf.LayersModel): ContractCheck {
  const inDtype = model.inputs[0].dtype;
  const outDtype = model.outputs[0].dtype;
  // Token ids may come in as int32 (an Embedding casts them); everything else is float32.
  const inOk = inDtype === 'float32' || inDtype === 'int32';
  const outOk = outDtype === 'float32';
  const passed = inOk && outOk;
  let message: string;
  if (passed) message = `Input dtype is ${inDtype} and output dtype is ${outDtype}.`;
  else if (!inOk) message = `Input dtype is ${inDtype} but the drill requires float32 (or int32 for token ids).`;
  else message = `Output dtype is ${outDtype} but the drill requires float32.`;
  return { id: 'dtype', passed, message };
}

/** Class names of every layer, looking inside nested models and wrappers (TimeDistributed, Bidirectional). */
export function layerClassNames(model: tf.LayersModel): string[] {
  const names: string[] = [];
  const seen = new Set<tf.layers.Layer>();
  const visit = (layer: tf.layers.Layer): void => {
    if (seen.has(layer)) return;
    seen.add(layer);
    names.push(layer.getClassName());
    if (layer instanceof tf.LayersModel) layer.layers.forEach(visit);
    const inner = (layer as { layer?: unknown }).layer;
    if (inner instanceof tf.layers.Layer) visit(inner);
  };
  model.layers.forEach(visit);
  return names;
}

function checkForbidden(classes: string[], forbidden: readonly string[]): ContractCheck {
  const hits = [...new Set(classes.filter((c) => forbidden.includes(c)))];
  const passed = hits.length === 0;
  return {
    id: 'forbidden-layers',
    passed,
    message: passed
      ? `No forbidden layers (${forbidden.join(', ')}).`
      : `The model contains ${hits.map((h) => `a ${h} layer`).join(' and ')}, which this drill does not accept; do that work outside the model or with built-in layers.`,
  };
}

function checkRequired(classes: string[], required: readonly string[]): ContractCheck {
  const hit = required.find((r) => classes.includes(r));
  const passed = hit !== undefined;
  return {
    id: 'required-layers',
    passed,
    message: passed
      ? `The model uses a ${hit} layer, as required.`
      : `The model has no ${required.join(' or ')} layer but the drill requires at least one.`,
  };
}

function checkParams(model: tf.LayersModel, max: number): ContractCheck {
  const count = model.countParams();
  const passed = count <= max;
  return {
    id: 'max-params',
    passed,
    message: passed
      ? `The model has ${count.toLocaleString('en-US')} parameters (limit ${max.toLocaleString('en-US')}).`
      : `The model has ${count.toLocaleString('en-US')} parameters but the drill allows at most ${max.toLocaleString('en-US')}.`,
  };
}
