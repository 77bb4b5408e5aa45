/**
 * Pretrained bases shipped with the lab (public/models/<name>/): the standard tfjs
 * layers format (model.json + one weights file) plus our manifest. No network is
 * allowed at run time, so a base travels like a dataset: the trusted side reads
 * the files and hands the bytes to the run, where `lab.pretrained(name)` builds
 * a fresh tf.LayersModel from them.
 */

/** A base as it crosses to the run: topology and weights, nothing else. */
export interface PretrainedArtifacts {
  name: string;
  /** The Keras-style topology from model.json (`modelTopology`). */
  modelTopology: object;
  /** Names, shapes and dtypes of the weights, in the order of `weightBytes`. */
  weightSpecs: PretrainedWeightSpec[];
  weightBytes: Uint8Array;
}

export interface PretrainedWeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
}

/** public/models/<name>/manifest.json: where a base came from and how to rebuild it. */
export interface PretrainedManifest {
  name: string;
  title: string;
  description: string;
  /** The data it was trained on, and why that data is disjoint from the drills that use it. */
  trainedOn: { dataset: string; rows: string; count: number; classes: readonly string[] };
  licence: string;
  inputShape: number[];
  outputShape: number[];
  params: number;
  /** How it was built: the command, seeds, epochs, the accuracy it reached. */
  build: string;
  rebuild: string;
  files: { path: string; bytes: number; sha256: string }[];
}

/** The model.json tfjs writes: one weights group, one file. */
export interface ModelJson {
  format?: string;
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: PretrainedWeightSpec[] }[];
}

/**
 * A base's artifacts from its model.json and the bytes of its weights file, checked
 * so that a damaged file says so here rather than deep inside tfjs.
 */
export function parsePretrained(name: string, modelJson: unknown, weightBytes: Uint8Array): PretrainedArtifacts {
  const json = modelJson as Partial<ModelJson> | null;
  if (!json || typeof json !== 'object' || !json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new Error(`The pretrained model "${name}" has no topology or weights manifest in its model.json.`);
  }
  const weightSpecs = json.weightsManifest.flatMap((g) => g.weights ?? []);
  const expected = weightSpecs.reduce((n, w) => n + 4 * w.shape.reduce((a, b) => a * b, 1), 0);
  if (expected !== weightBytes.byteLength) {
    throw new Error(`The pretrained model "${name}" is damaged: its weights file has ${weightBytes.byteLength} bytes, its model.json expects ${expected}.`);
  }
  return { name, modelTopology: json.modelTopology, weightSpecs, weightBytes };
}

/** The file names of a base under public/models/<name>/. */
export const PRETRAINED_FILES = { modelJson: 'model.json', weights: 'weights.bin', manifest: 'manifest.json' } as const;
