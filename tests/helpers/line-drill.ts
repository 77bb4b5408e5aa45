/** A one-feature drill (y = 2x − 1) with tiny splits, for tests that run the executor itself. */
import type { LearnerSplits, TensorSplit } from '../../src/core/data';
import type { DrillMeta } from '../../src/core/drill';

export const lineDrill: DrillMeta = {
  id: 'line',
  area: 1,
  title: 'Fit a line',
  summary: '',
  dataset: 'none',
  metric: { name: 'mae', higherIsBetter: false, label: 'MAE' },
  thresholds: [1, 0.5, 0.2, 0.1, 0.05],
  contract: { inputShape: [1], outputUnits: 1 },
};

export function lineSplit(xs: number[]): TensorSplit {
  return {
    kind: 'tensor',
    xs: { dtype: 'float32', shape: [xs.length, 1], values: Float32Array.from(xs) },
    ys: { dtype: 'float32', shape: [xs.length, 1], values: Float32Array.from(xs, (x) => 2 * x - 1) },
  };
}

export const lineSplits: LearnerSplits = { train: lineSplit([-1, 0, 1, 2, 3, 4]), validation: lineSplit([5, 6]) };
