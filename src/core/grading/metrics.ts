/**
 * Metrics on model outputs that have already been read back from the backend.
 *
 * The grader predicts batch by batch (predict.ts) and keeps only the small output
 * matrix `[n, cols]`, so everything here is plain arithmetic on typed arrays: exact,
 * deterministic (fixed summation order, float64 accumulators) and free of tensors.
 */
import type { DenseBlock } from '../data';

/** Model outputs read back as a row-major `[rows, cols]` matrix. */
export interface Predictions {
  values: Float32Array;
  rows: number;
  cols: number;
}

/** Predicted class and the model's probability for it, per example. */
export interface ClassPredictions {
  predicted: Int32Array;
  confidence: Float32Array;
  /** Number of classes the outputs can express (2 for a single sigmoid unit). */
  classes: number;
}

/**
 * Class ids from outputs. `[n, k]` with k > 1: argmax (ties go to the lower index,
 * as `tf.argMax` does). `[n, 1]`: a sigmoid probability of class 1, thresholded the
 * way Keras' `binary_accuracy` does it: class 1 only when p > 0.5.
 */
export function classesFromOutputs(p: Predictions): ClassPredictions {
  const { values, rows, cols } = p;
  const predicted = new Int32Array(rows);
  const confidence = new Float32Array(rows);
  if (cols === 1) {
    for (let r = 0; r < rows; r++) {
      const prob = values[r];
      const cls = prob > 0.5 ? 1 : 0;
      predicted[r] = cls;
      confidence[r] = cls === 1 ? prob : 1 - prob;
    }
    return { predicted, confidence, classes: 2 };
  }
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let best = 0;
    let bestValue = values[base];
    for (let c = 1; c < cols; c++) {
      const v = values[base + c];
      if (v > bestValue) {
        bestValue = v;
        best = c;
      }
    }
    predicted[r] = best;
    confidence[r] = bestValue;
  }
  return { predicted, confidence, classes: cols };
}

/**
 * Integer labels from a label block: class ids `[n]` or `[n, 1]`, or one-hot rows
 * `[n, k]` (argmax). Throws when a class id is not a whole number.
 */
export function labelsFromBlock(ys: DenseBlock): Int32Array {
  const n = ys.shape[0] ?? 0;
  const per = n === 0 ? 0 : ys.values.length / n;
  const labels = new Int32Array(n);
  if (per <= 1) {
    for (let i = 0; i < n; i++) {
      const v = ys.values[i];
      if (!Number.isInteger(v)) throw new Error(`Test label #${i} is ${v}, not a class id.`);
      labels[i] = v;
    }
    return labels;
  }
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < per; c++) if (ys.values[i * per + c] > ys.values[i * per + best]) best = c;
    labels[i] = best;
  }
  return labels;
}

/** Share of examples whose predicted class equals the label. */
export function accuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  sameLength(predicted, labels);
  if (labels.length === 0) return NaN;
  let hits = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) hits++;
  return hits / labels.length;
}

export interface ErrorMetrics {
  mae: number;
  mse: number;
  rmse: number;
}

/** MAE, MSE and RMSE over all values, element by element (a `[n, k]` target counts n·k errors). */
export function errorMetrics(predicted: ArrayLike<number>, actual: ArrayLike<number>): ErrorMetrics {
  sameLength(predicted, actual);
  if (actual.length === 0) return { mae: NaN, mse: NaN, rmse: NaN };
  let abs = 0;
  let sq = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = predicted[i] - actual[i];
    abs += Math.abs(d);
    sq += d * d;
  }
  const mse = sq / actual.length;
  return { mae: abs / actual.length, mse, rmse: Math.sqrt(mse) };
}

export const mae = (p: ArrayLike<number>, a: ArrayLike<number>): number => errorMetrics(p, a).mae;
export const mse = (p: ArrayLike<number>, a: ArrayLike<number>): number => errorMetrics(p, a).mse;
export const rmse = (p: ArrayLike<number>, a: ArrayLike<number>): number => errorMetrics(p, a).rmse;

/** `confusion[actual][predicted]` counts over `classes` classes; out-of-range ids are ignored. */
export function confusionMatrix(predicted: ArrayLike<number>, labels: ArrayLike<number>, classes: number): number[][] {
  sameLength(predicted, labels);
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i];
    const p = predicted[i];
    if (a >= 0 && a < classes && p >= 0 && p < classes) m[a][p]++;
  }
  return m;
}

/** Recall per class from a confusion matrix; NaN for a class with no test examples. */
export function perClassAccuracy(confusion: number[][]): number[] {
  return confusion.map((row, c) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? NaN : row[c] / total;
  });
}

export interface Misclassified {
  index: number;
  actual: number;
  predicted: number;
  confidence: number;
}

/**
 * The `count` most confidently wrong examples, worst first; equal confidence keeps
 * the lower index first so the selection is the same on every run.
 */
export function worstMisclassified(
  classes: ClassPredictions,
  labels: ArrayLike<number>,
  count: number,
): Misclassified[] {
  sameLength(classes.predicted, labels);
  const wrong: Misclassified[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (classes.predicted[i] !== labels[i]) {
      wrong.push({ index: i, actual: labels[i], predicted: classes.predicted[i], confidence: classes.confidence[i] });
    }
  }
  wrong.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  return wrong.slice(0, Math.max(0, count));
}

/** Indices of values that are NaN or ±Infinity. */
export function nonFiniteRows(p: Predictions): number[] {
  const rows: number[] = [];
  for (let r = 0; r < p.rows; r++) {
    for (let c = 0; c < p.cols; c++) {
      if (!Number.isFinite(p.values[r * p.cols + c])) {
        rows.push(r);
        break;
      }
    }
  }
  return rows;
}

function sameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`Predictions (${a.length}) and truth (${b.length}) differ in length.`);
}
