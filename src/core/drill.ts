/**
 * What a drill is: metadata, the model contract, the metric and its thresholds,
 * and the two pure functions that turn a dataset into learner splits and into
 * the grader's test inputs.
 *
 * A drill lives in `exercises/<id>/` and default-exports `defineDrill({...})` from
 * `drill.ts`; the registry discovers folders, so adding a drill changes nothing else.
 */
import type { AllSplits, DenseBlock, Split } from './data';
import type { LoadedDataset } from './datasets/types';

/** The five exam areas, in the exam's order of rising difficulty. */
export type Area = 1 | 2 | 3 | 4 | 5;

export const AREA_TITLES: Record<Area, string> = {
  1: 'Basic model / regression',
  2: 'Learning dataset (Fashion-MNIST, MNIST)',
  3: 'Real-world images (CNN, augmentation)',
  4: 'Natural language (text classification)',
  5: 'Time series forecasting',
};

/**
 * How far along a learner should be: 1 first steps (one idea, seconds to train),
 * 2 the area's core exam task, 3 a stretch that builds on a level-2 drill.
 * The board and `dojo list` order each area by it.
 */
export type Level = 1 | 2 | 3;

export const LEVEL_LABELS: Record<Level, string> = {
  1: 'First steps',
  2: 'Core',
  3: 'Stretch',
};

export type MetricName = 'accuracy' | 'mae' | 'mse' | 'rmse';

export interface MetricSpec {
  name: MetricName;
  /** Accuracy: higher is better. Errors: lower is better. */
  higherIsBetter: boolean;
  /** Human label, e.g. "test accuracy" or "MAE on normalised series". */
  label: string;
}

/**
 * The metric value needed for 1, 2, 3, 4 and 5 points, in that order.
 * For a higher-is-better metric the list rises; for an error it falls.
 */
export type Thresholds = readonly [number, number, number, number, number];

/** Points needed to pass one drill (the exam's tasks were marked out of 5). */
export const DEFAULT_PASS_POINTS = 5;

export type OutputActivation = 'softmax' | 'sigmoid' | 'linear';

/** What the submitted model must look like; checked before any metric is computed. */
export interface ModelContract {
  /** Input shape without the batch dimension, e.g. `[28, 28, 1]` or `[120]`. */
  inputShape: readonly number[];
  /** Units of the last layer, e.g. 10 for ten classes, 1 for a regression. */
  outputUnits: number;
  /** Activation of the last layer; undefined means "any". */
  outputActivation?: OutputActivation;
  /** Layer class names that are rejected (the exam rejected `Lambda`). */
  forbiddenLayers?: readonly string[];
  /** Upper bound on trainable + non-trainable parameters. */
  maxParams?: number;
  /** Layer class names the model must contain at least one of (e.g. `Conv2D`). */
  requiredLayers?: readonly string[];
}

/** Inputs the grader feeds the model, and the truth it compares against. */
export interface GradeInputs {
  xs: DenseBlock;
  /** Class ids (`int32`, one per example) or regression targets (`float32`). */
  ys: DenseBlock;
  /** Optional per-example display data for the report (texts quoted, images shown). */
  examples?: { texts?: string[]; images?: DenseBlock };
  /**
   * For series drills the grader reports MAE on the normalised scale; `scale`
   * turns a normalised error back into the original unit for display.
   */
  scale?: { factor: number; unit: string };
}

export interface DrillMeta {
  /** Folder name under `exercises/`, kebab-case; also used in links and the CLI. */
  id: string;
  area: Area;
  title: string;
  /** One line for the board. */
  summary: string;
  /** Name of a dataset under `public/datasets/`. */
  dataset: string;
  metric: MetricSpec;
  thresholds: Thresholds;
  contract: ModelContract;
  /** Class names for classifiers (report card labels). */
  classNames?: readonly string[];
  /** Every shipped drill has one (the registry checks); a custom drill takes its base's. */
  level?: Level;
  /** The one drill a newcomer is pointed to first. */
  startHere?: boolean;
  /** Id of the drill this one is a variant or a next step of (named on its card and page). */
  buildsOn?: string;
  /** Rough guide shown on the board, minutes. */
  minutes?: number;
  /** How the thresholds were set, shown under the statement. */
  calibration?: string;
  /** Only on a learner's custom drill: the shipped drill whose data, splits and grade inputs it uses. */
  base?: string;
  /** Pretrained bases under `public/models/` the run receives, for `lab.pretrained(name)`. */
  pretrained?: readonly string[];
}

export interface Drill<S extends Split = Split> extends DrillMeta {
  /**
   * Deterministic train / validation / test splits from the decoded dataset.
   * Pure: same dataset in, same splits out.
   */
  splits(dataset: LoadedDataset): AllSplits<S>;
  /**
   * Turn the held-out test split into exactly what the model is fed.
   * `train` is given so that preprocessing fitted on training data (a tokenizer's
   * vocabulary, a series' mean and scale) is rebuilt exactly as the learner was told.
   */
  gradeInputs(test: S, train: S): GradeInputs;
}

export function defineDrill<S extends Split>(drill: Drill<S>): Drill<S> {
  return drill;
}

/** Metadata that can be serialised (e.g. `dojo list --json`, share links). */
export function drillMeta(drill: Drill): DrillMeta {
  const { splits: _s, gradeInputs: _g, ...meta } = drill;
  void _s;
  void _g;
  return meta;
}
