/**
 * Sliding windows over a time series as flat arrays (`makeWindows`, for graders
 * and drill splits), free of tfjs so the app's main thread can use it. The tfjs
 * side (`windowedDataset`, `windowTensors`, `modelForecast`) is in windowing.ts.
 *
 * Window k starts at row `k * shift`; its inputs are the `windowSize` rows from
 * there and its targets the next `horizon` rows. Only whole windows are made
 * (Python's `ds.window(windowSize + horizon, shift, drop_remainder=True)`).
 */

/** Which values a window's targets hold. */
export interface WindowTargetOptions {
  /** Values per time step; the series is `[length, channels]` row-major. Default `1`. */
  channels?: number;
  /**
   * Target channel index, giving targets `[horizon]` per window, or `'all'`,
   * giving `[horizon, channels]` (the exam's multivariate `w[n_past:]`).
   * Default `0` for a univariate series, `'all'` when `channels > 1`.
   */
  target?: number | 'all';
}

/** All windows of a series as flat arrays (row-major). */
export interface SeriesWindows {
  /** Inputs, `xsShape` = `[count, windowSize, channels]`. */
  xs: Float32Array;
  /** Targets, `ysShape` = `[count, horizon]` or `[count, horizon, channels]` with `target: 'all'`. */
  ys: Float32Array;
  count: number;
  xsShape: [number, number, number];
  ysShape: [number, number] | [number, number, number];
  /** Row of the series where each window starts (`k * shift`). */
  starts: Int32Array;
}

/** Shared with windowing.ts (not part of the lab API). */
export interface WindowPlan {
  rows: number;
  channels: number;
  windowSize: number;
  horizon: number;
  shift: number;
  target: number | 'all';
  count: number;
}

export function positiveInt(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer, got ${v}.`);
}

export function plan(
  length: number,
  windowSize: number,
  horizon: number,
  shift: number,
  options: WindowTargetOptions,
  fn: string,
): WindowPlan {
  const channels = options.channels ?? 1;
  positiveInt(`${fn}: windowSize`, windowSize);
  if (!Number.isInteger(horizon) || horizon < 0) throw new Error(`${fn}: horizon must be an integer ≥ 0, got ${horizon}.`);
  positiveInt(`${fn}: shift`, shift);
  positiveInt(`${fn}: channels`, channels);
  if (length % channels !== 0) {
    throw new Error(`${fn}: the series has ${length} values, not a multiple of channels = ${channels}.`);
  }
  const target = options.target ?? (channels === 1 ? 0 : 'all');
  if (target !== 'all' && (!Number.isInteger(target) || target < 0 || target >= channels)) {
    throw new Error(`${fn}: target must be 'all' or a channel index 0…${channels - 1}, got ${String(target)}.`);
  }
  const rows = length / channels;
  const span = windowSize + horizon;
  const count = rows >= span ? Math.floor((rows - span) / shift) + 1 : 0;
  return { rows, channels, windowSize, horizon, shift, target, count };
}

/** Copies window `start`'s inputs and targets into the given arrays at slot `slot`. */
export function fillWindow(series: ArrayLike<number>, p: WindowPlan, start: number, xs: Float32Array, ys: Float32Array, slot: number): void {
  const c = p.channels;
  const xLen = p.windowSize * c;
  const xOff = slot * xLen;
  const base = start * c;
  for (let i = 0; i < xLen; i++) xs[xOff + i] = series[base + i];
  const yBase = (start + p.windowSize) * c;
  if (p.target === 'all') {
    const yLen = p.horizon * c;
    const yOff = slot * yLen;
    for (let i = 0; i < yLen; i++) ys[yOff + i] = series[yBase + i];
  } else {
    const yOff = slot * p.horizon;
    for (let h = 0; h < p.horizon; h++) ys[yOff + h] = series[yBase + h * c + p.target];
  }
}

export function ysRowSize(p: WindowPlan): number {
  return p.target === 'all' ? p.horizon * p.channels : p.horizon;
}

/**
 * Cuts a series into every (input, target) window, in order, as typed arrays.
 * No tfjs: graders use this to window the test split exactly as training did.
 *
 * @param series Values, `[length, channels]` row-major (a plain univariate series when `channels` is 1).
 * @param windowSize Input steps per window (the exam's `window_size` / `n_past`).
 * @param horizon Target steps after each window (`n_future`). Default 1.
 * @param shift Steps between window starts. Default 1.
 * @example
 * ```ts
 * const w = makeWindows([0, 1, 2, 3, 4, 5], 3, 1, 1);
 * w.count;  // 3
 * w.xs;     // Float32Array [0,1,2, 1,2,3, 2,3,4]   (xsShape [3, 3, 1])
 * w.ys;     // Float32Array [3, 4, 5]                (ysShape [3, 1])
 * ```
 */
export function makeWindows(
  series: ArrayLike<number>,
  windowSize: number,
  horizon = 1,
  shift = 1,
  options: WindowTargetOptions = {},
): SeriesWindows {
  const p = plan(series.length, windowSize, horizon, shift, options, 'makeWindows');
  const xs = new Float32Array(p.count * p.windowSize * p.channels);
  const ys = new Float32Array(p.count * ysRowSize(p));
  const starts = new Int32Array(p.count);
  for (let k = 0; k < p.count; k++) {
    starts[k] = k * shift;
    fillWindow(series, p, k * shift, xs, ys, k);
  }
  return {
    xs,
    ys,
    count: p.count,
    xsShape: [p.count, p.windowSize, p.channels],
    ysShape: p.target === 'all' ? [p.count, p.horizon, p.channels] : [p.count, p.horizon],
    starts,
  };
}

/**
 * Input-only windows (no targets), every `shift` steps: what the exam's
 * `model_forecast` feeds to `model.predict`. Window k covers rows
 * `[k·shift, k·shift + windowSize)`.
 *
 * @returns `values` with `shape` `[count, windowSize, channels]`.
 * @example
 * ```ts
 * makeInputWindows([0, 1, 2, 3], 3); // values [0,1,2, 1,2,3], shape [2, 3, 1]
 * ```
 */
export function makeInputWindows(
  series: ArrayLike<number>,
  windowSize: number,
  shift = 1,
  options: Pick<WindowTargetOptions, 'channels'> = {},
): { values: Float32Array; shape: [number, number, number] } {
  const w = makeWindows(series, windowSize, 0, shift, { channels: options.channels, target: 'all' });
  return { values: w.xs, shape: w.xsShape };
}
