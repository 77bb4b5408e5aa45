/**
 * Small pure pieces drills share when cutting datasets into splits: row ranges of
 * decoded arrays, standardisation fitted on the training rows only, dense blocks.
 */
import type { DenseBlock } from './data';
import type { DecodedArray, LoadedDataset } from './datasets/types';
import { splitRanges } from './datasets/manifest';

export type SplitName = 'train' | 'validation' | 'test';
export const SPLIT_NAMES: readonly SplitName[] = ['train', 'validation', 'test'];

export function arrayOf(dataset: LoadedDataset, name: string): DecodedArray {
  const a = dataset.arrays[name];
  if (!a) throw new Error(`Dataset "${dataset.manifest.name}" has no array "${name}".`);
  return a;
}

/** The manifest's `[start, end)` row range for a split. */
export function rangeOf(dataset: LoadedDataset, split: SplitName): [number, number] {
  const r = splitRanges(dataset.manifest)[split];
  if (!r) throw new Error(`Dataset "${dataset.manifest.name}" has no "${split}" split.`);
  return r;
}

/** Rows `[start, end)` of an array whose first dimension is the example axis, as float32. */
export function rowsF32(a: DecodedArray, [start, end]: [number, number]): { values: Float32Array; shape: number[] } {
  const per = a.shape.slice(1).reduce((x, y) => x * y, 1);
  return { values: Float32Array.from(a.values.subarray(start * per, end * per)), shape: [end - start, ...a.shape.slice(1)] };
}

export function rowsI32(a: DecodedArray, [start, end]: [number, number]): Int32Array {
  const per = a.shape.slice(1).reduce((x, y) => x * y, 1);
  return Int32Array.from(a.values.subarray(start * per, end * per));
}

export function rowsU8(a: DecodedArray, [start, end]: [number, number]): Uint8Array {
  const per = a.shape.slice(1).reduce((x, y) => x * y, 1);
  return Uint8Array.from(a.values.subarray(start * per, end * per));
}

export function dense(values: Float32Array | Int32Array | Uint8Array, shape: number[]): DenseBlock {
  const dtype = values instanceof Float32Array ? 'float32' : values instanceof Int32Array ? 'int32' : 'uint8';
  return { dtype, shape, values };
}

/** Per-column mean and standard deviation of a `[rows, cols]` matrix (population std, as Keras' Normalization). */
export function columnStats(values: Float32Array, cols: number): { mean: Float64Array; std: Float64Array } {
  const rows = values.length / cols;
  const mean = new Float64Array(cols);
  const std = new Float64Array(cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) mean[c] += values[r * cols + c] / rows;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) std[c] += (values[r * cols + c] - mean[c]) ** 2 / rows;
  for (let c = 0; c < cols; c++) std[c] = Math.sqrt(std[c]) || 1;
  return { mean, std };
}

export function standardise(values: Float32Array, cols: number, stats: { mean: Float64Array; std: Float64Array }): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - stats.mean[i % cols]) / stats.std[i % cols];
  return out;
}

/** Appends one-hot columns for a category id to a `[rows, cols]` matrix. */
export function withOneHot(values: Float32Array, cols: number, ids: Int32Array, classes: number): Float32Array {
  const rows = values.length / cols;
  const out = new Float32Array(rows * (cols + classes));
  for (let r = 0; r < rows; r++) {
    out.set(values.subarray(r * cols, (r + 1) * cols), r * (cols + classes));
    out[r * (cols + classes) + cols + ids[r]] = 1;
  }
  return out;
}
