/**
 * The lab API's types: what a learner's training function receives.
 *
 * A learner's file default-exports `async function train(lab: Lab<…>)` that
 * returns a trained `tf.LayersModel`. The same file runs unchanged in the browser
 * sandbox and in the `dojo` CLI. Test data is never part of `lab`.
 */
import type * as tf from '@tensorflow/tfjs';
import type { RawImage } from '../data';
import type { DrillMeta } from '../drill';

/**
 * Tabular data or fixed-size images as tensors: `xs` features, `ys` targets or
 * class ids. Class ids are int32 (so `tf.oneHot(ys, n)` takes them); `fit` and
 * `evaluate` take them as Keras does, with `sparseCategoricalCrossentropy` too.
 */
export interface TensorLabData {
  kind: 'tensor';
  train: { xs: tf.Tensor; ys: tf.Tensor };
  validation: { xs: tf.Tensor; ys: tf.Tensor };
  classNames?: readonly string[];
}

/**
 * Class ids twice: `labels` as plain numbers (for `Float32Array.from`, counting,
 * `tf.oneHot(tf.tensor1d(labels, 'int32'), n)`), and `ys`, the same ids as a float32
 * tensor of shape `[n]` that `fit` takes as it is with `binaryCrossentropy` or
 * `sparseCategoricalCrossentropy` (Keras' `np.array(labels)`).
 */
export interface LabelledSplit {
  labels: Int32Array;
  ys: tf.Tensor1D;
}

/** Colour images of varied sizes (RGB bytes) with class ids. Resize them to the drill's input shape. */
export interface ImageLabData {
  kind: 'images';
  train: { images: RawImage[] } & LabelledSplit;
  validation: { images: RawImage[] } & LabelledSplit;
  classNames: readonly string[];
}

/** Raw texts with class ids. Tokenise and pad them as the drill's statement says. */
export interface TextLabData {
  kind: 'text';
  train: { texts: string[] } & LabelledSplit;
  validation: { texts: string[] } & LabelledSplit;
  classNames: readonly string[];
}

/** A series split in time order: `values` is `[length, channels]` row-major. */
export interface SeriesLabData {
  kind: 'series';
  train: { values: Float32Array; channels: number; time?: Float64Array };
  validation: { values: Float32Array; channels: number; time?: Float64Array };
}

export type LabData = TensorLabData | ImageLabData | TextLabData | SeriesLabData;

export interface Lab<D extends LabData = LabData> {
  /** The drill being trained for: id, contract (input shape, output layer), metric and thresholds. */
  drill: DrillMeta;
  /** Training and validation data only; the test split stays with the grader. */
  data: D;
  /** The tfjs backend this run trains on ('webgpu', 'webgl', 'wasm' or 'cpu'). */
  backend: string;
  /** A seed for your own shuffles and initialisers, fixed per run so reruns compare. */
  seed: number;
  /** Same as `console.log`; shown in the lab's console pane. */
  log(...values: unknown[]): void;
  /**
   * A pretrained base the drill ships (its statement names it), as a new
   * tf.LayersModel on every call — Keras' `MobileNetV2(include_top=False, weights=...)`.
   * Freeze it with `base.trainable = false`, then build on `base.outputs[0]`.
   */
  pretrained(name: string): Promise<tf.LayersModel>;
}
