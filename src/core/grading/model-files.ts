/**
 * Model files in and out: the grader's only door for a model. Plain data work,
 * with no tfjs at run time, so the page can read and write model files without
 * loading tfjs (building a model from them is `model-io.ts`).
 *
 * A model reaches the grader as `tf.io.ModelArtifacts` — from the sandbox, from
 * IndexedDB, or from files a learner uploads (`model.json` + weight shards, what
 * tfjs-converter or `model.save('downloads://x')` writes). Uploads and sandbox
 * output are untrusted, so everything is validated before tfjs sees it, and every
 * failure is a `ModelFileError` whose message is one sentence the learner can act on.
 */
import type * as tf from '@tensorflow/tfjs';
import { concatBytes } from '../datasets/bytes';

/** A broken or unsupported model file; `message` is meant to be shown as is. */
export class ModelFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFileError';
  }
}

export interface ModelFile {
  name: string;
  bytes: Uint8Array;
}

/** Bytes per element of the weight dtypes a layers model can store. */
const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };
const QUANTIZED_BYTES: Record<string, number> = { uint8: 1, uint16: 2, float16: 2 };
/** More elements than this in one weight is not a model anyone trained for an exam drill. */
export const MAX_WEIGHT_ELEMENTS = 1e9;
/**
 * Largest model we read, in bytes of weights (and of any one file given). A drill's
 * reference has at most a few MB; a Keras model trained in Colab for an exam task
 * tens. The cap keeps a forged or mistaken file from filling the page's memory.
 */
export const MAX_MODEL_BYTES = 256 * 1024 * 1024;
/** A model.json (topology and manifest) is kilobytes; anything this large is not one. */
export const MAX_MODEL_JSON_BYTES = 32 * 1024 * 1024;

const CONVERT_HINT =
  'Convert a Keras model with `tensorflowjs_converter --input_format keras model.h5 web_model/` ' +
  '(or `tensorflowjs.converters.save_keras_model(model, "web_model")` in Python) and upload model.json with its .bin files.';

// ---------------------------------------------------------------------------------
// files → artifacts

/**
 * Build artifacts from uploaded files: one `model.json` (or a single other `.json`,
 * e.g. `x.json` from `downloads://x`) and the shard files its `weightsManifest` names
 * (matched by file name, ignoring folders). Extra files are ignored.
 */
export function artifactsFromFiles(files: readonly ModelFile[]): tf.io.ModelArtifacts {
  if (files.length === 0) throw new ModelFileError('No files given: upload model.json and its weight files (.bin).');
  const jsonFile = pickModelJson(files);
  const json = parseModelJson(jsonFile);
  const manifest = readManifest(json);
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  const shards: Uint8Array[] = [];
  manifest.forEach((group, g) => {
    const groupShards = group.paths.map((p) => {
      const file = findShard(files, p);
      if (file === undefined) {
        throw new ModelFileError(
          `model.json lists the weight file '${p}' but it was not among the files given; upload model.json together with all its .bin files.`,
        );
      }
      return file;
    });
    const expected = group.weights.reduce((sum, w) => sum + weightBytes(w), 0);
    const actual = groupShards.reduce((sum, f) => sum + f.bytes.byteLength, 0);
    if (actual !== expected) {
      const names = groupShards.map((f) => `'${f.name}'`).join(', ');
      throw new ModelFileError(
        actual < expected
          ? `The weight file${groupShards.length === 1 ? '' : 's'} ${names} ${groupShards.length === 1 ? 'is' : 'are'} truncated: model.json describes ${expected} bytes of weights${manifest.length > 1 ? ` in group ${g + 1}` : ''} but the file${groupShards.length === 1 ? ' holds' : 's hold'} ${actual}. Download or convert the model again.`
          : `The weight file${groupShards.length === 1 ? '' : 's'} ${names} ${groupShards.length === 1 ? 'holds' : 'hold'} ${actual} bytes but model.json describes ${expected}; the .bin files do not belong to this model.json.`,
      );
    }
    weightSpecs.push(...group.weights);
    shards.push(...groupShards.map((f) => f.bytes));
  });
  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: json.modelTopology as object,
    weightSpecs,
    weightData: concat(shards),
  };
  if (typeof json.format === 'string') artifacts.format = json.format;
  if (typeof json.generatedBy === 'string') artifacts.generatedBy = json.generatedBy;
  if (typeof json.convertedBy === 'string') artifacts.convertedBy = json.convertedBy;
  if (isObject(json.trainingConfig)) artifacts.trainingConfig = json.trainingConfig as unknown as tf.io.TrainingConfig;
  if (isObject(json.userDefinedMetadata)) artifacts.userDefinedMetadata = json.userDefinedMetadata as Record<string, object>;
  return artifacts;
}

function pickModelJson(files: readonly ModelFile[]): ModelFile {
  const named = files.find((f) => baseName(f.name).toLowerCase() === 'model.json');
  if (named) return named;
  const jsons = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  if (jsons.length === 1) return jsons[0];
  if (jsons.length > 1) {
    throw new ModelFileError(
      `Several .json files were given (${jsons.map((f) => f.name).join(', ')}) and none is named model.json; upload only the model's JSON file and its .bin files.`,
    );
  }
  for (const f of files) notAModelJson(f);
  throw new ModelFileError(
    `No model.json among the files given (${files.map((f) => f.name).join(', ')}). ${CONVERT_HINT}`,
  );
}

/** Throws a specific message when a file is a known model format other than tfjs JSON. */
function notAModelJson(file: ModelFile): void {
  const b = file.bytes;
  const name = file.name.toLowerCase();
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    const head = new TextDecoder('latin1').decode(b.subarray(0, Math.min(b.length, 4096)));
    if (name.endsWith('.keras') || head.includes('config.json') || head.includes('metadata.json')) {
      throw new ModelFileError(
        `'${file.name}' is a Keras 3 .keras archive, not a TensorFlow.js model. Save it as HDF5 (model.save("model.h5")) and convert it: ${CONVERT_HINT}`,
      );
    }
    throw new ModelFileError(`'${file.name}' is a zip archive; unzip it and upload model.json with its .bin files.`);
  }
  if (b[0] === 0x89 && b[1] === 0x48 && b[2] === 0x44 && b[3] === 0x46) {
    throw new ModelFileError(`'${file.name}' is a Keras HDF5 (.h5) file, not a TensorFlow.js model. ${CONVERT_HINT}`);
  }
  if (name.endsWith('.pb')) {
    throw new ModelFileError(`'${file.name}' is a TensorFlow SavedModel graph; only Keras-style layers models are graded. ${CONVERT_HINT}`);
  }
}

interface ModelJson {
  modelTopology?: unknown;
  weightsManifest?: unknown;
  format?: unknown;
  generatedBy?: unknown;
  convertedBy?: unknown;
  trainingConfig?: unknown;
  userDefinedMetadata?: unknown;
}

function parseModelJson(file: ModelFile): ModelJson {
  notAModelJson(file);
  let parsed: unknown;
  try {
    // Strip a UTF-8 BOM, which some editors add and JSON.parse rejects.
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: false }).decode(file.bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ModelFileError(`${file.name} is not valid JSON (${(e as Error).message}).`);
  }
  if (!isObject(parsed)) throw new ModelFileError(`${file.name} is valid JSON but not a model description (expected an object).`);
  const json = parsed as ModelJson;
  checkTopology(json.modelTopology, json.format, file.name);
  return json;
}

function checkTopology(topology: unknown, format: unknown, where: string): void {
  if (format === 'graph-model' || (isObject(topology) && Array.isArray((topology as { node?: unknown }).node))) {
    throw new ModelFileError(
      `${where} holds a TensorFlow.js graph model; only layers models (format "layers-model") are graded, because their layers and shapes can be checked. ${CONVERT_HINT}`,
    );
  }
  if (topology === undefined || topology === null) {
    throw new ModelFileError(`${where} has no modelTopology, so it does not describe a model. ${CONVERT_HINT}`);
  }
  if (!isObject(topology)) {
    throw new ModelFileError(`${where} has a modelTopology that is not a Keras model configuration; only layers models are graded. ${CONVERT_HINT}`);
  }
  const t = topology as { class_name?: unknown; model_config?: { class_name?: unknown } };
  const cls = typeof t.class_name === 'string' ? t.class_name : isObject(t.model_config) ? t.model_config?.class_name : undefined;
  if (typeof cls !== 'string') {
    throw new ModelFileError(`${where} has a modelTopology without a model class (class_name); it is not a Keras layers model.`);
  }
}

interface ManifestGroup {
  paths: string[];
  weights: tf.io.WeightsManifestEntry[];
}

function readManifest(json: ModelJson): ManifestGroup[] {
  const m = json.weightsManifest;
  if (!Array.isArray(m)) {
    throw new ModelFileError('model.json has no weightsManifest, so the model has no trained weights; save or convert the whole model, not only its architecture.');
  }
  const groups = m.map((group: unknown, g) => {
    const gr = group as { paths?: unknown; weights?: unknown };
    if (!isObject(group) || !Array.isArray(gr.paths) || !Array.isArray(gr.weights) || !gr.paths.every((p) => typeof p === 'string')) {
      throw new ModelFileError(`model.json's weightsManifest group ${g + 1} is malformed (it needs "paths" and "weights" lists).`);
    }
    (gr.paths as string[]).forEach(checkWeightPath);
    (gr.weights as unknown[]).forEach(checkWeightEntry);
    return { paths: gr.paths as string[], weights: gr.weights as tf.io.WeightsManifestEntry[] };
  });
  const total = groups.reduce((sum, group) => sum + group.weights.reduce((s, w) => s + weightBytes(w), 0), 0);
  if (total > MAX_MODEL_BYTES) {
    throw new ModelFileError(`model.json describes more than ${MAX_MODEL_BYTES / 1024 / 1024} MB of weights; no exam-style task needs a model that large.`);
  }
  return groups;
}

/**
 * A weight file must sit beside model.json or in a folder below it: converters and
 * `model.save` write plain names. A path that climbs out (`../`), is absolute or
 * names a URL would make `dojo grade` read whatever file it points at, so it is
 * refused before anything is read, naming the path as given and nothing about it.
 */
function checkWeightPath(path: string): void {
  const segments = path.split(/[\\/]+/);
  const outside =
    path === '' ||
    path.includes('\0') ||
    /^[\\/]/.test(path) ||
    /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path) || // C:\…, file:, http:
    segments.some((seg) => safeDecode(seg) === '..');
  if (outside) {
    throw new ModelFileError(
      `model.json names the weight file '${path}', which is not inside the model's folder; weight files must sit beside model.json (as converters and model.save write them).`,
    );
  }
}

/**
 * The weight files a model.json names, each with the most bytes it may hold (its
 * group's size as the manifest describes it). A reader on disk checks both before it
 * reads a byte. Throws the same ModelFileError as `artifactsFromFiles` for a broken
 * model.json, so the message does not depend on where the model came from.
 */
export function weightFileLimits(jsonFile: ModelFile): Array<{ path: string; maxBytes: number }> {
  const manifest = readManifest(parseModelJson(jsonFile));
  return manifest.flatMap((group) => {
    const maxBytes = group.weights.reduce((sum, w) => sum + weightBytes(w), 0);
    return group.paths.map((path) => ({ path, maxBytes }));
  });
}

/** Validates one weight description; throws a ModelFileError naming the weight. */
function checkWeightEntry(entry: unknown): void {
  if (!isObject(entry)) throw new ModelFileError('A weight in model.json is not described as an object.');
  const w = entry as { name?: unknown; shape?: unknown; dtype?: unknown; quantization?: { dtype?: unknown } };
  const name = typeof w.name === 'string' ? w.name : '(unnamed)';
  if (typeof w.name !== 'string') throw new ModelFileError('A weight in model.json has no name.');
  if (!Array.isArray(w.shape) || !w.shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0)) {
    throw new ModelFileError(
      `Weight '${name}' has an impossible shape ${JSON.stringify(w.shape)}: every dimension must be a whole number ≥ 0.`,
    );
  }
  const elements = (w.shape as number[]).reduce((a, b) => a * b, 1);
  if (elements > MAX_WEIGHT_ELEMENTS) {
    throw new ModelFileError(`Weight '${name}' has an absurd shape ${JSON.stringify(w.shape)} (${elements.toExponential(2)} values).`);
  }
  if (typeof w.dtype !== 'string' || !Object.hasOwn(DTYPE_BYTES, w.dtype)) {
    throw new ModelFileError(`Weight '${name}' has dtype ${JSON.stringify(w.dtype)}; a layers model stores float32, int32 or bool weights.`);
  }
  if (w.quantization !== undefined) {
    const q = w.quantization;
    if (!isObject(q) || typeof q.dtype !== 'string' || !Object.hasOwn(QUANTIZED_BYTES, q.dtype)) {
      throw new ModelFileError(`Weight '${name}' has an unknown quantization ${JSON.stringify(q)}; expected uint8, uint16 or float16.`);
    }
  }
}

function weightBytes(w: tf.io.WeightsManifestEntry): number {
  const elements = w.shape.reduce((a, b) => a * b, 1);
  const per = w.quantization ? QUANTIZED_BYTES[w.quantization.dtype] : DTYPE_BYTES[w.dtype];
  return elements * per;
}

function findShard(files: readonly ModelFile[], path: string): ModelFile | undefined {
  const exact = files.find((f) => f.name === path);
  if (exact) return exact;
  const want = safeDecode(baseName(path));
  return files.find((f) => safeDecode(baseName(f.name)) === want);
}

// ---------------------------------------------------------------------------------
// artifacts → model

/**
 * Checks artifacts from any source (sandbox, storage, upload) before tfjs sees them:
 * a layers-model topology, well-formed weight specs, and exactly as many weight
 * bytes as the specs describe.
 */
export function validateArtifacts(artifacts: tf.io.ModelArtifacts): void {
  if (!isObject(artifacts)) throw new ModelFileError('The model is missing (no artifacts were given).');
  if (isArrayBuffer(artifacts.modelTopology)) {
    throw new ModelFileError(`The model is a TensorFlow graph (GraphDef); only layers models are graded. ${CONVERT_HINT}`);
  }
  checkTopology(artifacts.modelTopology, artifacts.format, 'The model');
  const specs = artifacts.weightSpecs ?? [];
  if (!Array.isArray(specs)) throw new ModelFileError('The model\'s weight list (weightSpecs) is not a list.');
  specs.forEach(checkWeightEntry);
  const expected = specs.reduce((sum, w) => sum + weightBytes(w), 0);
  const data = artifacts.weightData;
  let actual: number;
  if (data === undefined) actual = 0;
  else if (isArrayBuffer(data)) actual = data.byteLength;
  else if (Array.isArray(data) && data.every(isArrayBuffer)) actual = data.reduce((s, b) => s + b.byteLength, 0);
  else throw new ModelFileError('The model\'s weight data is not binary data.');
  if (actual > MAX_MODEL_BYTES || expected > MAX_MODEL_BYTES) {
    throw new ModelFileError(`The model's weights take more than ${MAX_MODEL_BYTES / 1024 / 1024} MB; no exam-style task needs a model that large.`);
  }
  if (actual !== expected) {
    throw new ModelFileError(
      actual < expected
        ? `The model's weights are truncated: its weight list describes ${expected} bytes but only ${actual} were given.`
        : `The model has ${actual} bytes of weights but its weight list describes ${expected}; the weights do not belong to this model.`,
    );
  }
}

// ---------------------------------------------------------------------------------
// artifacts → files

/**
 * The files `model.save('downloads://<basename>')` would write: `<basename>.json`
 * and `<basename>.weights.bin`. `artifactsFromFiles` reads them back.
 */
export function artifactsToFiles(artifacts: tf.io.ModelArtifacts, basename = 'model'): ModelFile[] {
  const weightsName = `${basename}.weights.bin`;
  const json: Record<string, unknown> = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [`./${weightsName}`], weights: artifacts.weightSpecs ?? [] }],
  };
  if (artifacts.trainingConfig) json.trainingConfig = artifacts.trainingConfig;
  if (artifacts.userDefinedMetadata) json.userDefinedMetadata = artifacts.userDefinedMetadata;
  return [
    { name: `${basename}.json`, bytes: new TextEncoder().encode(JSON.stringify(json)) },
    { name: weightsName, bytes: new Uint8Array(joinWeightData(artifacts.weightData)) },
  ];
}

/** The weights as one buffer (tfjs may hand them over in parts). */
export function joinWeightData(data: tf.io.WeightData | undefined): ArrayBuffer {
  if (data === undefined) return new ArrayBuffer(0);
  return Array.isArray(data) ? concat(data.map((b) => new Uint8Array(b))) : data;
}

// ---------------------------------------------------------------------------------

/** The parts as one ArrayBuffer of exactly their bytes (a lone part may be a view into a larger one). */
function concat(parts: readonly Uint8Array[]): ArrayBuffer {
  const joined = concatBytes(parts);
  return joined.byteOffset === 0 && joined.byteLength === joined.buffer.byteLength ? (joined.buffer as ArrayBuffer) : joined.slice().buffer;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !isArrayBuffer(x);
}

/** Works across realms (a buffer from a worker or iframe fails `instanceof ArrayBuffer`). */
function isArrayBuffer(x: unknown): x is ArrayBuffer {
  return Object.prototype.toString.call(x) === '[object ArrayBuffer]';
}

function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function firstLine(s: string): string {
  return s.split('\n')[0].replace(/\.$/, '');
}
