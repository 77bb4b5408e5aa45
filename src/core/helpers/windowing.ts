/**
 * Sliding windows over a time series: the exam's `windowed_dataset` and
 * `model_forecast`, plus (re-exported from series-windows.ts, which is free of
 * tfjs) `makeWindows` for graders.
 *
 * Window k starts at row `k * shift`; its inputs are the `windowSize` rows from
 * there and its targets the next `horizon` rows. Only whole windows are made
 * (Python's `ds.window(windowSize + horizon, shift, drop_remainder=True)`).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, deriveSeed, shuffleOrder } from './random';
import { fillWindow, makeInputWindows, makeWindows, plan, positiveInt, ysRowSize, type WindowTargetOptions } from './series-windows';

export { makeWindows, makeInputWindows, type SeriesWindows, type WindowTargetOptions } from './series-windows';

/** Options of {@link windowedDataset}. */
export interface WindowedDatasetOptions extends WindowTargetOptions {
  /** Input steps per window (`window_size` / `n_past`). */
  windowSize: number;
  /** Target steps per window (`n_future`). Default 1. */
  horizon?: number;
  /** Steps between window starts. Default 1. */
  shift?: number;
  /** Windows per batch; the last batch may be smaller unless `dropRemainder`. */
  batchSize: number;
  /**
   * Shuffle windows through a buffer of this many, as `ds.shuffle(shuffle_buffer)`.
   * Omit (or 1) to keep time order, as the exam's multi-step template does.
   */
  shuffleBuffer?: number;
  /** Seed of the shuffle. Default 0: runs are reproducible unless you change it. */
  seed?: number;
  /** Drop a last, incomplete batch. Default `false` (as `ds.batch`). */
  dropRemainder?: boolean;
  /** Inputs as `[batch, windowSize * channels]` for dense-only models. Default `false`. */
  flattenInputs?: boolean;
}

/** One batch of a windowed dataset, as `model.fitDataset` expects. */
export interface WindowBatch extends tf.TensorContainerObject {
  /** `[batch, windowSize, channels]`, or `[batch, windowSize * channels]` with `flattenInputs`. */
  xs: tf.Tensor;
  /** `[batch, horizon]`, or `[batch, horizon, channels]` with `target: 'all'`. */
  ys: tf.Tensor;
}

/**
 * The exam's `windowed_dataset` for tfjs: windows of `windowSize` steps with
 * the next `horizon` steps as targets, shuffled (optionally) and batched,
 * ready for `model.fitDataset(ds, { epochs })`.
 *
 * Shapes: `xs` is `[batch, windowSize, channels]` (channels = 1 for a plain
 * series, like Python's `tf.expand_dims(series, -1)`), `ys` is `[batch, horizon]`
 * for one target channel or `[batch, horizon, channels]` with `target: 'all'`
 * (the exam's multivariate template: `w[:n_past], w[n_past:]`).
 *
 * Shuffling uses a `tf.data`-style buffer with a seeded generator; like
 * Python's default `reshuffle_each_iteration`, every pass over the dataset
 * (every epoch) gets a new order, and the k-th pass's order depends only on
 * `seed` and k, so two runs with the same arguments see identical batches.
 * `model.fitDataset` disposes each batch; if you iterate the dataset yourself,
 * dispose `xs` and `ys` when done with them.
 *
 * @example
 * ```ts
 * // Python: windowed_dataset(series, window_size=20, batch_size=32, shuffle_buffer=1000)
 * const ds = windowedDataset(trainSeries, { windowSize: 20, batchSize: 32, shuffleBuffer: 1000 });
 * await model.fitDataset(ds, { epochs: 50 });   // xs [32, 20, 1], ys [32, 1]
 * ```
 */
export function windowedDataset(
  series: ArrayLike<number>,
  options: WindowedDatasetOptions,
): tf.data.Dataset<WindowBatch> {
  const p = plan(series.length, options.windowSize, options.horizon ?? 1, options.shift ?? 1, options, 'windowedDataset');
  positiveInt('windowedDataset: horizon', p.horizon);
  positiveInt('windowedDataset: batchSize', options.batchSize);
  const buffer = options.shuffleBuffer ?? 1;
  positiveInt('windowedDataset: shuffleBuffer', buffer);
  const seed = options.seed ?? 0;
  const { batchSize } = options;
  const flatten = options.flattenInputs ?? false;
  // Keep our own copy: the caller may reuse or transfer its buffer while training runs.
  const data = Float32Array.from(series);
  const yRow = ysRowSize(p);
  let pass = 0;

  return tf.data.generator(function* windows(): Generator<WindowBatch, void, undefined> {
    const order =
      buffer > 1 ? shuffleOrder(p.count, buffer, createRng(deriveSeed(seed, pass))) : Int32Array.from({ length: p.count }, (_, k) => k);
    pass += 1;
    for (let b0 = 0; b0 < p.count; b0 += batchSize) {
      const n = Math.min(batchSize, p.count - b0);
      if (n < batchSize && options.dropRemainder) return;
      const xs = new Float32Array(n * p.windowSize * p.channels);
      const ys = new Float32Array(n * yRow);
      for (let j = 0; j < n; j++) fillWindow(data, p, order[b0 + j] * p.shift, xs, ys, j);
      yield {
        xs: flatten ? tf.tensor2d(xs, [n, p.windowSize * p.channels]) : tf.tensor3d(xs, [n, p.windowSize, p.channels]),
        ys: p.target === 'all' ? tf.tensor3d(ys, [n, p.horizon, p.channels]) : tf.tensor2d(ys, [n, p.horizon]),
      };
    }
  });
}

/**
 * Every window as two tensors, in time order, for `model.fit(xs, ys)` or
 * `model.evaluate(xs, ys)` on small series.
 *
 * @returns `xs` `[count, windowSize, channels]`; `ys` `[count, horizon]` (or `[count, horizon, channels]` with `target: 'all'`).
 * @example
 * ```ts
 * const { xs, ys } = windowTensors(validSeries, { windowSize: 20 });
 * const [loss, mae] = model.evaluate(xs, ys) as tf.Scalar[];
 * ```
 */
export function windowTensors(
  series: ArrayLike<number>,
  options: WindowTargetOptions & { windowSize: number; horizon?: number; shift?: number },
): { xs: tf.Tensor3D; ys: tf.Tensor2D | tf.Tensor3D } {
  const w = makeWindows(series, options.windowSize, options.horizon ?? 1, options.shift ?? 1, options);
  return {
    xs: tf.tensor3d(w.xs, w.xsShape),
    ys: w.ysShape.length === 3 ? tf.tensor3d(w.ys, w.ysShape) : tf.tensor2d(w.ys, w.ysShape),
  };
}

/** Anything with a Keras-style `predict`, e.g. a `tf.LayersModel`. */
export interface Predictor {
  predict(x: tf.Tensor, args?: { batchSize?: number }): tf.Tensor | tf.Tensor[];
}

/**
 * The exam's `model_forecast(model, series, window_size)`: predicts from every
 * window of `windowSize` consecutive steps (shift 1). Row k of the result is
 * the model's forecast for the steps after rows `[k, k + windowSize)`.
 *
 * @example
 * ```ts
 * // Forecast the validation period: windows ending just before each validation step.
 * const context = series.subarray(splitTime - windowSize, series.length - 1);
 * const forecast = modelForecast(model, context, windowSize); // [valid.length, 1]
 * ```
 */
export function modelForecast(
  model: Predictor,
  series: ArrayLike<number>,
  windowSize: number,
  options: { batchSize?: number; channels?: number } = {},
): tf.Tensor {
  const { values, shape } = makeInputWindows(series, windowSize, 1, { channels: options.channels });
  const xs = tf.tensor3d(values, shape);
  try {
    const out = model.predict(xs, { batchSize: options.batchSize ?? 32 });
    if (Array.isArray(out)) throw new Error('modelForecast expects a model with one output.');
    return out;
  } finally {
    xs.dispose();
  }
}
