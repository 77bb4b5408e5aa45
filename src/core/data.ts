/**
 * Raw data shapes that cross boundaries (host → sandbox worker, disk → grader).
 *
 * Everything here is plain typed arrays and strings so it can be structured-cloned
 * and transferred without copying; tensors are made from it on the side that trains
 * or grades. Nothing here knows about tfjs.
 */
import type { PretrainedArtifacts } from './lab/pretrained/format';

/** A dense numeric block: `values.length === shape.reduce(*)`. */
export interface DenseBlock {
  dtype: 'float32' | 'int32' | 'uint8';
  shape: number[];
  values: Float32Array | Int32Array | Uint8Array;
}

/** Features and targets as dense blocks (tabular data, fixed-size images). */
export interface TensorSplit {
  kind: 'tensor';
  xs: DenseBlock;
  ys: DenseBlock;
}

/** One colour image of its own size, RGB, row-major, 3 bytes per pixel. */
export interface RawImage {
  width: number;
  height: number;
  /** `width * height * 3` bytes, values 0–255. */
  pixels: Uint8Array;
}

/** Images of varied sizes with integer class labels. */
export interface ImageSplit {
  kind: 'images';
  images: RawImage[];
  labels: Int32Array;
}

/** Texts with integer class labels. */
export interface TextSplit {
  kind: 'text';
  texts: string[];
  labels: Int32Array;
}

/** A (possibly multivariate) series: `values` is `[length, channels]` row-major. */
export interface SeriesSplit {
  kind: 'series';
  values: Float32Array;
  channels: number;
  /** Optional time stamps (ms since epoch or step index), one per row. */
  time?: Float64Array;
}

export type Split = TensorSplit | ImageSplit | TextSplit | SeriesSplit;

/** What a drill hands to learner code: train and validation only, never test. */
export interface LearnerSplits<S extends Split = Split> {
  train: S;
  validation: S;
  /** The drill's shipped pretrained bases (`DrillMeta.pretrained`), for `lab.pretrained(name)`. */
  pretrained?: PretrainedArtifacts[];
}

/** All three splits; only the trusted grader ever sees `test`. */
export interface AllSplits<S extends Split = Split> extends LearnerSplits<S> {
  test: S;
}

export function blockSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

