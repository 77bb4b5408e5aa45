/**
 * The one trusted grader, shared by the app and the `dojo` CLI: contract first,
 * then the metric on the held-out test inputs, then points, pass, reasons and the
 * report card's details. It never runs learner code; it only calls `predict`.
 *
 * Pass rule: a drill is passed at DEFAULT_PASS_POINTS (5/5), as the exam's tasks
 * were marked out of 5 and candidates aimed for full marks on each; the points
 * still show partial progress.
 */
import type { DenseBlock } from '../data';
import { DEFAULT_PASS_POINTS, type DrillMeta, type GradeInputs } from '../drill';
import { checkContract } from './contract';
import {
  classesFromOutputs,
  confusionMatrix,
  errorMetrics,
  labelsFromBlock,
  accuracy,
  nonFiniteRows,
  perClassAccuracy,
  worstMisclassified,
  type Predictions,
} from './metrics';
import { MAX_POINTS, pointsFor } from './points';
import { predictInBatches } from './predict';
import type { ClassifierDetails, ContractCheck, GradeReport, RegressionDetails } from './report';
import { ModelFileError } from './model-io';
import type * as tf from '@tensorflow/tfjs';

export interface GradeOptions {
  /** Examples per prediction batch (default: bounded by input size, max 256). */
  batchSize?: number;
  /** Misclassified examples kept for the report card (default 8). */
  worstCount?: number;
  /** Predicted-vs-actual points kept for regression and series (default 500). */
  samplePoints?: number;
  /** Largest thumbnail side in pixels for example images (default 64). */
  thumbnailSize?: number;
  /** Clock for `gradedAt` (tests pass a fixed one). */
  now?: () => Date;
}

/**
 * Grade `model` for `drill` on `inputs` (the drill's `gradeInputs(test, train)`).
 * Resolves with a report for every model, good or bad; rejects only when the
 * drill's own inputs are inconsistent (a bug in the drill, not the learner's fault)
 * or the model throws while predicting (ModelFileError).
 */
export async function gradeModel(
  drill: DrillMeta,
  model: tf.LayersModel,
  inputs: GradeInputs,
  opts: GradeOptions = {},
): Promise<GradeReport> {
  const started = performance.now();
  const n = inputs.xs.shape[0] ?? 0;
  checkDrillInputs(drill, inputs);
  const base = {
    drill: drill.id,
    metric: drill.metric,
    thresholds: drill.thresholds,
    maxPoints: MAX_POINTS as 5,
    testExamples: n,
    gradedAt: (opts.now ?? (() => new Date()))().toISOString(),
  };
  const zero = (checks: ContractCheck[], reasons: string[]): GradeReport => ({
    ...base,
    value: null,
    points: 0,
    passed: false,
    checks,
    reasons,
    ms: performance.now() - started,
  });

  const checks = checkContract(model, drill.contract);
  const isClassifier = drill.metric.name === 'accuracy';
  if (checks.every((c) => c.passed)) checks.push(checkOutputFitsTruth(model, inputs, isClassifier));
  const failed = checks.filter((c) => !c.passed);
  if (failed.length > 0) {
    return zero(checks, [...failed.map((c) => c.message), 'A model that does not meet the contract earns 0 points.']);
  }

  let preds: Predictions;
  try {
    preds = await predictInBatches(model, inputs.xs, {
      batchSize: opts.batchSize,
      dtype: model.inputs[0].dtype === 'int32' ? 'int32' : 'float32',
    });
  } catch (e) {
    throw new ModelFileError(`The model failed while predicting on the test data: ${(e as Error).message}`);
  }

  const bad = nonFiniteRows(preds);
  if (bad.length > 0) {
    return zero(checks, [
      `The model predicted NaN or Infinity for ${bad.length} of ${n} test examples (first at #${bad[0]}), so it earns 0 points. ` +
        'Training probably diverged: try a lower learning rate or normalise the inputs.',
    ]);
  }

  let value: number;
  let details: ClassifierDetails | RegressionDetails;
  if (isClassifier) {
    const labels = labelsFromBlock(inputs.ys);
    const classes = classesFromOutputs(preds);
    value = accuracy(classes.predicted, labels);
    const confusion = confusionMatrix(classes.predicted, labels, classes.classes);
    details = {
      kind: 'classifier',
      classNames: classNamesFor(drill, classes.classes),
      confusion,
      perClassAccuracy: perClassAccuracy(confusion),
      worst: worstMisclassified(classes, labels, opts.worstCount ?? 8).map((w) => ({
        ...w,
        ...(inputs.examples?.texts?.[w.index] !== undefined ? { text: inputs.examples.texts[w.index] } : {}),
        ...(inputs.examples?.images && w.index < (inputs.examples.images.shape[0] ?? 0)
          ? { image: thumbnail(inputs.examples.images, w.index, opts.thumbnailSize ?? 64) }
          : {}),
      })),
    };
  } else {
    const actual = inputs.ys.values;
    const errors = errorMetrics(preds.values, actual);
    value = errors[drill.metric.name as 'mae' | 'mse' | 'rmse'];
    details = regressionDetails(preds, actual, opts.samplePoints ?? 500);
  }

  const { higherIsBetter } = drill.metric;
  const points = pointsFor(value, drill.thresholds, higherIsBetter);
  const passed = points >= DEFAULT_PASS_POINTS;
  const valueInUnit = unitValue(drill, value, inputs);
  const reasons = [pointsReason(drill, value, points, valueInUnit)];
  reasons.push(
    passed
      ? `Passed: this drill needs ${DEFAULT_PASS_POINTS}/${MAX_POINTS}.`
      : `Not passed yet: this drill needs ${DEFAULT_PASS_POINTS}/${MAX_POINTS}.`,
  );
  return {
    ...base,
    value,
    ...(valueInUnit ? { valueInUnit } : {}),
    points,
    passed,
    checks,
    reasons,
    details,
    ms: performance.now() - started,
  };
}

/** The drill's inputs must match its own contract; anything else is a bug in the drill. */
function checkDrillInputs(drill: DrillMeta, inputs: GradeInputs): void {
  const { xs, ys } = inputs;
  const n = xs.shape[0] ?? 0;
  const want = [n, ...drill.contract.inputShape];
  if (xs.shape.length !== want.length || xs.shape.some((d, i) => d !== want[i])) {
    throw new Error(`Drill '${drill.id}': grade inputs have shape [${xs.shape.join(', ')}] but its contract says [${want.join(', ')}].`);
  }
  if (xs.values.length !== want.reduce((a, b) => a * b, 1)) {
    throw new Error(`Drill '${drill.id}': grade inputs hold ${xs.values.length} values, not what shape [${xs.shape.join(', ')}] needs.`);
  }
  if ((ys.shape[0] ?? 0) !== n) {
    throw new Error(`Drill '${drill.id}': ${n} test inputs but ${ys.shape[0] ?? 0} test targets.`);
  }
  if (n === 0) throw new Error(`Drill '${drill.id}': the test split is empty.`);
}

/** Does the model's output line up with the test targets (class count, values per example)? */
function checkOutputFitsTruth(model: tf.LayersModel, inputs: GradeInputs, isClassifier: boolean): ContractCheck {
  const id = 'output-matches-labels';
  const cols = (model.outputs[0].shape.slice(1) as number[]).reduce((a, b) => a * b, 1);
  const n = inputs.ys.shape[0] ?? 0;
  const perRow = inputs.ys.values.length / n;
  if (isClassifier) {
    const classes = cols === 1 ? 2 : cols;
    const what = cols === 1 ? '1 sigmoid unit (2 classes)' : `${cols} class scores`;
    if (perRow > 1 && perRow !== classes) {
      return { id, passed: false, message: `The model outputs ${what} but the test labels are one-hot rows of ${perRow} classes.` };
    }
    let labels: Int32Array;
    try {
      labels = labelsFromBlock(inputs.ys);
    } catch (e) {
      return { id, passed: false, message: (e as Error).message };
    }
    let max = 0;
    let min = 0;
    for (const l of labels) {
      if (l > max) max = l;
      if (l < min) min = l;
    }
    if (min < 0 || max >= classes) {
      return {
        id,
        passed: false,
        message: `The model outputs ${what} but the test labels go from ${min} to ${max}, which needs ${max + 1} classes.`,
      };
    }
    return { id, passed: true, message: `The model's ${what} match the ${classes} classes of the test labels.` };
  }
  if (perRow !== cols) {
    return {
      id,
      passed: false,
      message: `The model predicts ${cols} value${cols === 1 ? '' : 's'} per example but each test target has ${perRow}.`,
    };
  }
  return { id, passed: true, message: `The model predicts ${cols} value${cols === 1 ? '' : 's'} per example, as the test targets have.` };
}

function classNamesFor(drill: DrillMeta, classes: number): string[] {
  if (drill.classNames && drill.classNames.length === classes) return [...drill.classNames];
  return Array.from({ length: classes }, (_, i) => String(i));
}

function regressionDetails(preds: Predictions, actual: DenseBlock['values'], max: number): RegressionDetails {
  // Column 0 of each row: for a multi-step forecast that is the one-step-ahead line, which reads as a series.
  const rows = Math.min(preds.rows, Math.max(0, max));
  const predicted: number[] = [];
  const truth: number[] = [];
  for (let r = 0; r < rows; r++) {
    predicted.push(preds.values[r * preds.cols]);
    truth.push(actual[r * preds.cols]);
  }
  return { kind: 'regression', predicted, actual: truth };
}

function unitValue(drill: DrillMeta, value: number, inputs: GradeInputs): { value: number; unit: string } | undefined {
  const s = inputs.scale;
  if (!s) return undefined;
  // MAE and RMSE scale linearly with the data; MSE scales with its square.
  const name = drill.metric.name;
  if (name === 'mae' || name === 'rmse') return { value: value * s.factor, unit: s.unit };
  if (name === 'mse') return { value: value * s.factor * s.factor, unit: `${s.unit}²` };
  return undefined;
}

function pointsReason(
  drill: DrillMeta,
  value: number,
  points: number,
  inUnit: { value: number; unit: string } | undefined,
): string {
  const { label, higherIsBetter } = drill.metric;
  const t = drill.thresholds;
  const cmp = higherIsBetter ? '≥' : '≤';
  const name = label.charAt(0).toUpperCase() + label.slice(1);
  const fmt = (x: number): string => formatAgainst(x, t);
  const v = `${name} ${fmt(value)}${inUnit ? ` (≈ ${round(inUnit.value)} ${inUnit.unit})` : ''}`;
  if (points === MAX_POINTS) return `${v} ${cmp} ${fmt(t[MAX_POINTS - 1])} needed for ${MAX_POINTS}/${MAX_POINTS}.`;
  if (points === 0) return `${v} is ${higherIsBetter ? 'below' : 'above'} the ${fmt(t[0])} needed for 1/${MAX_POINTS}.`;
  return `${v} ${cmp} ${fmt(t[points - 1])} earns ${points}/${MAX_POINTS}; ${points + 1}/${MAX_POINTS} needs ${cmp} ${fmt(t[points])}.`;
}

/**
 * Enough decimals that a value just short of a threshold never prints as the
 * threshold itself (0.89996 must not read "0.900 ≥ 0.900").
 */
export function formatAgainst(value: number, thresholds: readonly number[]): string {
  const decimalsOf = (x: number): number => {
    const s = String(x);
    const i = s.indexOf('.');
    return i < 0 ? 0 : s.length - i - 1;
  };
  let d = Math.max(3, ...thresholds.map(decimalsOf));
  while (d < 10 && thresholds.some((t) => t !== value && value.toFixed(d) === t.toFixed(d))) d++;
  return value.toFixed(d);
}

function round(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

function thumbnail(images: DenseBlock, index: number, maxSide: number): ClassifierDetails['worst'][number]['image'] {
  const [, h = 1, w = 1, c = 1] = images.shape;
  const size = h * w * c;
  const src = images.values.subarray(index * size, (index + 1) * size);
  let min = Infinity;
  let max = -Infinity;
  for (const v of src) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // Images may be bytes (0–255), floats in [0, 1], or centred floats; map each to 0–255 for display.
  const toByte =
    images.dtype === 'uint8' || (min >= 0 && max > 1 && max <= 255)
      ? (v: number) => v
      : min >= 0 && max <= 1
        ? (v: number) => v * 255
        : (v: number) => (max > min ? ((v - min) / (max - min)) * 255 : 0);
  const step = Math.max(1, Math.ceil(Math.max(h, w) / maxSide));
  const th = Math.ceil(h / step);
  const tw = Math.ceil(w / step);
  const pixels: number[] = [];
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      for (let k = 0; k < c; k++) {
        const v = toByte(src[(y * step * w + x * step) * c + k]);
        pixels.push(Math.max(0, Math.min(255, Math.round(v))));
      }
    }
  }
  return { width: tw, height: th, channels: c, pixels };
}
