/**
 * Pieces image, text and series drills share on top of `drill-kit.ts`: cutting
 * string and image lists by split range, and rebuilding the learner's fixed
 * preprocessing (tokenise + pad, scale + window, resize + rescale) for the grader,
 * with the very helpers learner code imports from 'tensor-dojo'.
 */
import type { AllSplits, DenseBlock, ImageSplit, RawImage, SeriesSplit, TensorSplit, TextSplit } from './data';
import type { GradeInputs } from './drill';
import type { LoadedDataset } from './datasets/types';
import { arrayOf, dense, rangeOf, rowsI32, rowsU8, SPLIT_NAMES, type SplitName } from './drill-kit';
// The tfjs-free halves of the helpers: drills are imported by the app's main
// thread, which must not pull in tfjs to show the board.
import { padSequencesArrays, type PadSide } from './helpers/pad-sequences-arrays';
import { resizeImages } from './helpers/resize-images';
import { SeriesScaler, type ScalerMethod } from './helpers/series-scaler';
import { Tokenizer } from './helpers/tokenizer';
import { makeWindows } from './helpers/series-windows';

export function stringsOf(dataset: LoadedDataset, name: string): string[] {
  const s = dataset.strings[name];
  if (!s) throw new Error(`Dataset "${dataset.manifest.name}" has no strings "${name}".`);
  return s;
}

export function imagesOf(dataset: LoadedDataset, name: string): RawImage[] {
  const s = dataset.images[name];
  if (!s) throw new Error(`Dataset "${dataset.manifest.name}" has no images "${name}".`);
  return s;
}

/** Pixels as float32 times `factor` (e.g. `1 / 255`), same shape. */
export function scaled(block: DenseBlock, factor: number): DenseBlock {
  const out = new Float32Array(block.values.length);
  for (let i = 0; i < out.length; i++) out[i] = block.values[i] * factor;
  return { dtype: 'float32', shape: [...block.shape], values: out };
}

/** The same block with a different shape (e.g. `[n, 28, 28]` → `[n, 28, 28, 1]`); sizes must agree. */
export function reshaped(block: DenseBlock, shape: number[]): DenseBlock {
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== block.values.length) throw new Error(`Cannot reshape ${block.values.length} values to [${shape.join(', ')}].`);
  return { ...block, shape };
}

/** Texts and labels of one split. */
export function textSplit(dataset: LoadedDataset, split: SplitName, texts = 'texts', labels = 'labels'): TextSplit {
  const range = rangeOf(dataset, split);
  return { kind: 'text', texts: stringsOf(dataset, texts).slice(range[0], range[1]), labels: rowsI32(arrayOf(dataset, labels), range) };
}

/**
 * Images and labels of one split; with `keep`, only the rows whose label is listed,
 * relabelled by their position in `keep` (e.g. classes [0, 1] of five → a binary task).
 */
export function imageSplit(
  dataset: LoadedDataset,
  split: SplitName,
  options: { images?: string; labels?: string; keep?: readonly number[] } = {},
): ImageSplit {
  const range = rangeOf(dataset, split);
  const all = imagesOf(dataset, options.images ?? 'images').slice(range[0], range[1]);
  const labels = rowsI32(arrayOf(dataset, options.labels ?? 'labels'), range);
  if (!options.keep) return { kind: 'images', images: all, labels };
  const keep = options.keep;
  const images: RawImage[] = [];
  const kept: number[] = [];
  labels.forEach((l, i) => {
    const k = keep.indexOf(l);
    if (k >= 0) {
      images.push(all[i]);
      kept.push(k);
    }
  });
  return { kind: 'images', images, labels: Int32Array.from(kept) };
}

/** Images resized to `[h, w, 3]`, times `scale`, with their labels: what image graders feed. */
export function imageGradeInputs(test: ImageSplit, size: readonly [number, number], scale: number): GradeInputs {
  const { values, shape } = resizeImages(test.images, size, { scale });
  const xs = dense(values, shape);
  return { xs, ys: dense(Int32Array.from(test.labels), [test.labels.length]), examples: { images: xs } };
}

/**
 * One channel of a `[rows, channels]` series, rows `[start, end)`; time stamps
 * when the dataset has a `time` array.
 */
export function seriesChannel(dataset: LoadedDataset, values: string, channel: number, [start, end]: [number, number]): SeriesSplit {
  const a = arrayOf(dataset, values);
  const channels = a.shape[1] ?? 1;
  if (channel < 0 || channel >= channels) throw new Error(`Series "${values}" has no channel ${channel}.`);
  const out = new Float32Array(end - start);
  for (let r = start; r < end; r++) out[r - start] = a.values[r * channels + channel];
  const t = dataset.arrays.time;
  return { kind: 'series', values: out, channels: 1, ...(t ? { time: Float64Array.from(t.values.subarray(start, end)) } : {}) };
}

/**
 * Train / validation / test of one channel, the test part prefixed by the
 * `history` rows before it (the end of validation) so that the grader's first
 * window predicts the first test step from real history, as a forecast would.
 */
export function seriesSplits(dataset: LoadedDataset, values: string, channel: number, history: number): { train: SeriesSplit; validation: SeriesSplit; test: SeriesSplit } {
  const [ts, te] = rangeOf(dataset, 'test');
  if (history > ts) throw new Error(`Cannot prefix ${history} rows of history before row ${ts}.`);
  return {
    train: seriesChannel(dataset, values, channel, rangeOf(dataset, 'train')),
    validation: seriesChannel(dataset, values, channel, rangeOf(dataset, 'validation')),
    test: seriesChannel(dataset, values, channel, [ts - history, te]),
  };
}

/** Settings of a series drill's windows and scaling (stated in its README). */
export interface SeriesSettings {
  window: number;
  horizon: number;
  method: ScalerMethod;
}

/**
 * Every window of the (history-prefixed) test series, scaled with statistics
 * fitted on the training series: inputs `[n, window, 1]`, targets `[n, horizon]`.
 * `scale` turns a normalised error back into the series' unit.
 */
export function seriesGradeInputs(test: SeriesSplit, train: SeriesSplit, settings: SeriesSettings, unit: string): GradeInputs {
  const scaler = new SeriesScaler({ method: settings.method }).fit(train.values);
  const w = makeWindows(scaler.transform(test.values), settings.window, settings.horizon, 1);
  return {
    xs: dense(w.xs, w.xsShape),
    ys: dense(w.ys, [w.count, settings.horizon]),
    scale: { factor: scaler.scale[0], unit },
  };
}

/** A text drill's fixed tokenizer and padding settings (stated in its README). */
export interface TextSettings {
  numWords: number;
  oovToken: string;
  maxlen: number;
  padding: PadSide;
  truncating: PadSide;
}

/** Tokenizer fitted on the training texts, then the given texts as padded ids `[n, maxlen]` (int32). */
export function tokenizeAndPad(trainTexts: readonly string[], texts: readonly string[], s: TextSettings): DenseBlock {
  const tokenizer = new Tokenizer({ numWords: s.numWords, oovToken: s.oovToken }).fitOnTexts(trainTexts);
  const padded = padSequencesArrays(tokenizer.textsToSequences(texts), { maxlen: s.maxlen, padding: s.padding, truncating: s.truncating });
  return dense(padded.values, padded.shape);
}

/** Grade inputs for a text classifier: padded ids, class ids, and the texts quoted in the report. */
export function textGradeInputs(test: TextSplit, train: TextSplit, s: TextSettings): GradeInputs {
  return {
    xs: tokenizeAndPad(train.texts, test.texts, s),
    ys: dense(Int32Array.from(test.labels), [test.labels.length]),
    examples: { texts: test.texts },
  };
}

/**
 * Several channels of a `[rows, channels]` series, rows `[start, end)`, as one
 * multivariate split in the order given; time stamps when the dataset has them.
 */
export function seriesChannels(dataset: LoadedDataset, values: string, channels: readonly number[], [start, end]: [number, number]): SeriesSplit {
  const a = arrayOf(dataset, values);
  const width = a.shape[1] ?? 1;
  for (const c of channels) if (!Number.isInteger(c) || c < 0 || c >= width) throw new Error(`Series "${values}" has no channel ${c}.`);
  const k = channels.length;
  const out = new Float32Array((end - start) * k);
  for (let r = start; r < end; r++) for (let j = 0; j < k; j++) out[(r - start) * k + j] = a.values[r * width + channels[j]];
  const t = dataset.arrays.time;
  return { kind: 'series', values: out, channels: k, ...(t ? { time: Float64Array.from(t.values.subarray(start, end)) } : {}) };
}

/**
 * The split with two channels appended: sine and cosine of where each time
 * stamp falls in a cycle of `periodMs` (e.g. a year), so a model can tell the
 * season from the window alone. Needs time stamps.
 */
export function withCycleChannels(split: SeriesSplit, periodMs: number): SeriesSplit {
  if (!split.time) throw new Error('withCycleChannels needs a series with time stamps.');
  if (!(periodMs > 0)) throw new Error(`withCycleChannels: the period must be positive, got ${periodMs}.`);
  const c = split.channels;
  const rows = split.time.length;
  const out = new Float32Array(rows * (c + 2));
  for (let r = 0; r < rows; r++) {
    out.set(split.values.subarray(r * c, (r + 1) * c), r * (c + 2));
    const phase = (2 * Math.PI * (((split.time[r] % periodMs) + periodMs) % periodMs)) / periodMs;
    out[r * (c + 2) + c] = Math.sin(phase);
    out[r * (c + 2) + c + 1] = Math.cos(phase);
  }
  return { ...split, values: out, channels: c + 2 };
}

/** Settings of a multivariate series drill: all channels in, one channel's next `horizon` steps out. */
export interface MultiSeriesSettings extends SeriesSettings {
  channels: number;
  /** The channel to forecast. */
  target: number;
}

/**
 * Train / validation / test of a multivariate series built by `cut` from a row
 * range, the test part prefixed by the `history` rows before it (the end of
 * validation), as {@link seriesSplits} does for one channel.
 */
export function multiSeriesSplits(
  dataset: LoadedDataset,
  history: number,
  cut: (range: [number, number]) => SeriesSplit,
): { train: SeriesSplit; validation: SeriesSplit; test: SeriesSplit } {
  const [ts, te] = rangeOf(dataset, 'test');
  if (history > ts) throw new Error(`Cannot prefix ${history} rows of history before row ${ts}.`);
  return { train: cut(rangeOf(dataset, 'train')), validation: cut(rangeOf(dataset, 'validation')), test: cut([ts - history, te]) };
}

/**
 * Every window of the (history-prefixed) multivariate test series, each channel
 * scaled with statistics fitted on the training series: inputs
 * `[n, window, channels]`, targets `[n, horizon]` of the target channel.
 * `scale` turns a normalised error back into the target's unit.
 */
export function multiSeriesGradeInputs(test: SeriesSplit, train: SeriesSplit, s: MultiSeriesSettings, unit: string): GradeInputs {
  if (test.channels !== s.channels || train.channels !== s.channels) {
    throw new Error(`Expected ${s.channels} channels, got ${train.channels} (train) and ${test.channels} (test).`);
  }
  const scaler = new SeriesScaler({ method: s.method, channels: s.channels }).fit(train.values);
  const w = makeWindows(scaler.transform(test.values), s.window, s.horizon, 1, { channels: s.channels, target: s.target });
  return {
    xs: dense(w.xs, w.xsShape),
    ys: dense(w.ys, [w.count, s.horizon]),
    scale: { factor: scaler.scale[s.target], unit },
  };
}

/**
 * Splits of a fixed-size grey image dataset (MNIST, Fashion-MNIST): raw 0–255 pixels in
 * `shape` per example, as `keras.datasets.*.load_data()` gave them — scaling is the learner's job.
 */
export function pixelSplits(dataset: LoadedDataset, shape: readonly number[]): AllSplits<TensorSplit> {
  const images = arrayOf(dataset, 'images');
  const labels = arrayOf(dataset, 'labels');
  const [train, validation, test] = SPLIT_NAMES.map((name): TensorSplit => {
    const range = rangeOf(dataset, name);
    const rows = range[1] - range[0];
    return { kind: 'tensor', xs: dense(rowsU8(images, range), [rows, ...shape]), ys: dense(rowsI32(labels, range), [rows]) };
  });
  return { train, validation, test };
}

/** The grader feeds pixels scaled to [0, 1]; the same block doubles as the report's thumbnails. */
export function pixelGradeInputs(test: TensorSplit): GradeInputs {
  const xs = scaled(test.xs, 1 / 255);
  return { xs, ys: test.ys, examples: { images: xs } };
}
