/**
 * Per-channel scaling of series, fitted on the training split and reused
 * unchanged on validation and test (the exam graded MAE on normalised data,
 * so learner and grader must scale identically).
 */

/**
 * How a {@link SeriesScaler} maps `x` (every method is `(x - offset) / scale`):
 * - `'minmax'`: `(x - min) / (max - min)`, into [0, 1] on the fitted data (sklearn's `MinMaxScaler`).
 * - `'standard'`: `(x - mean) / std`, population std (ddof 0, numpy's default; sklearn's `StandardScaler`).
 * - `'exam'`: `(x - min) / max`, the exam template's `normalize_series(data, data.min(axis=0), data.max(axis=0))`,
 *   which divides by the maximum, not the range.
 *
 * A constant channel gets `scale` 1 instead of dividing by zero (as sklearn does).
 */
export type ScalerMethod = 'minmax' | 'standard' | 'exam';

/** A fitted scaler's parameters, plain JSON. */
export interface SeriesScalerState {
  method: ScalerMethod;
  channels: number;
  offset: number[];
  scale: number[];
}

/**
 * Fits scaling statistics per channel on one series (normally the training
 * split) and applies them to any series with the same channels.
 *
 * @example
 * ```ts
 * const scaler = new SeriesScaler({ method: 'minmax' }).fit(train);
 * const trainN = scaler.transform(train);
 * const validN = scaler.transform(valid);          // same min/max as train
 * const back = scaler.inverseTransform(validN);    // ≈ valid
 * ```
 */
export class SeriesScaler {
  readonly method: ScalerMethod;
  readonly channels: number;
  private offsets: number[] | null = null;
  private scales: number[] | null = null;

  constructor(options: { method?: ScalerMethod; channels?: number } = {}) {
    this.method = options.method ?? 'minmax';
    this.channels = options.channels ?? 1;
    if (!['minmax', 'standard', 'exam'].includes(this.method)) {
      throw new Error(`SeriesScaler: unknown method '${String(this.method)}' (use 'minmax', 'standard' or 'exam').`);
    }
    if (!Number.isInteger(this.channels) || this.channels < 1) {
      throw new Error(`SeriesScaler: channels must be a positive integer, got ${this.channels}.`);
    }
  }

  /** Whether {@link SeriesScaler.fit} (or `fromJSON`) has set the statistics. */
  get fitted(): boolean {
    return this.offsets !== null;
  }

  /** Per-channel value subtracted (min or mean). */
  get offset(): readonly number[] {
    return this.state().offset;
  }

  /** Per-channel divisor (range, std or max). */
  get scale(): readonly number[] {
    return this.state().scale;
  }

  /**
   * Computes the statistics from `series` (`[length, channels]` row-major).
   * @returns this scaler, for chaining.
   */
  fit(series: ArrayLike<number>): this {
    const c = this.channels;
    const rows = this.rowsOf(series, 'fit');
    if (rows === 0) throw new Error('SeriesScaler.fit: the series is empty.');
    const offsets: number[] = [];
    const scales: number[] = [];
    for (let ch = 0; ch < c; ch++) {
      let min = Infinity;
      let max = -Infinity;
      let sum = 0;
      for (let r = 0; r < rows; r++) {
        const v = series[r * c + ch];
        if (!Number.isFinite(v)) {
          throw new Error(`SeriesScaler.fit: value ${v} at row ${r}, channel ${ch} is not a finite number.`);
        }
        if (v < min) min = v;
        if (v > max) max = v;
        sum += v;
      }
      if (this.method === 'standard') {
        const mean = sum / rows;
        // Two-pass variance: accurate even when the mean is large relative to the spread.
        let sq = 0;
        for (let r = 0; r < rows; r++) {
          const d = series[r * c + ch] - mean;
          sq += d * d;
        }
        const std = Math.sqrt(sq / rows);
        offsets.push(mean);
        scales.push(std === 0 ? 1 : std);
      } else {
        const divisor = this.method === 'minmax' ? max - min : max;
        offsets.push(min);
        scales.push(divisor === 0 ? 1 : divisor);
      }
    }
    this.offsets = offsets;
    this.scales = scales;
    return this;
  }

  /**
   * Scales a series with the fitted statistics.
   * @param options.channel Treat `series` as one channel of the fitted data (e.g. a forecast of channel 0).
   */
  transform(series: ArrayLike<number>, options: { channel?: number } = {}): Float32Array {
    return this.apply(series, options.channel, false);
  }

  /** Undoes {@link SeriesScaler.transform}: `x * scale + offset`. */
  inverseTransform(series: ArrayLike<number>, options: { channel?: number } = {}): Float32Array {
    return this.apply(series, options.channel, true);
  }

  /** `fit(series)` then `transform(series)`. */
  fitTransform(series: ArrayLike<number>): Float32Array {
    return this.fit(series).transform(series);
  }

  /** The fitted parameters as plain JSON (for storing with a drill or a model). */
  toJSON(): SeriesScalerState {
    return this.state();
  }

  /** Restores a scaler saved with {@link SeriesScaler.toJSON}. */
  static fromJSON(state: SeriesScalerState): SeriesScaler {
    const s = new SeriesScaler({ method: state.method, channels: state.channels });
    if (state.offset.length !== state.channels || state.scale.length !== state.channels) {
      throw new Error('SeriesScaler.fromJSON: offset and scale need one entry per channel.');
    }
    s.offsets = [...state.offset];
    s.scales = [...state.scale];
    return s;
  }

  private state(): SeriesScalerState {
    if (!this.offsets || !this.scales) throw new Error('SeriesScaler: call fit(trainSeries) first.');
    return { method: this.method, channels: this.channels, offset: [...this.offsets], scale: [...this.scales] };
  }

  private rowsOf(series: ArrayLike<number>, fn: string): number {
    if (series.length % this.channels !== 0) {
      throw new Error(`SeriesScaler.${fn}: ${series.length} values is not a multiple of channels = ${this.channels}.`);
    }
    return series.length / this.channels;
  }

  private apply(series: ArrayLike<number>, channel: number | undefined, inverse: boolean): Float32Array {
    const { offset, scale } = this.state();
    const out = new Float32Array(series.length);
    if (channel !== undefined) {
      if (!Number.isInteger(channel) || channel < 0 || channel >= this.channels) {
        throw new Error(`SeriesScaler: channel must be 0…${this.channels - 1}, got ${channel}.`);
      }
      const o = offset[channel];
      const s = scale[channel];
      for (let i = 0; i < series.length; i++) out[i] = inverse ? series[i] * s + o : (series[i] - o) / s;
      return out;
    }
    const c = this.channels;
    this.rowsOf(series, inverse ? 'inverseTransform' : 'transform');
    for (let i = 0; i < series.length; i++) {
      const o = offset[i % c];
      const s = scale[i % c];
      out[i] = inverse ? series[i] * s + o : (series[i] - o) / s;
    }
    return out;
  }
}

/**
 * Fits a {@link SeriesScaler} on `series` and returns the scaled values with
 * the scaler, to apply the same scaling to validation data and to undo it.
 *
 * @example
 * ```ts
 * const { values: trainN, scaler } = normalizeSeries(train, { method: 'minmax' });
 * const validN = scaler.transform(valid);
 * ```
 */
export function normalizeSeries(
  series: ArrayLike<number>,
  options: { method?: ScalerMethod; channels?: number } = {},
): { values: Float32Array; scaler: SeriesScaler } {
  const scaler = new SeriesScaler(options);
  return { values: scaler.fitTransform(series), scaler };
}
