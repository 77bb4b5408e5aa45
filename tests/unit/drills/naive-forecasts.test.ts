/**
 * Issue 18: each series statement says what the naive forecasts score, so that a
 * learner knows what a model has to beat. Those figures are recomputed here from the
 * shipped data, on the grader's own test windows (`gradeInputs`) and with the drill's
 * own thresholds: a figure or a mark that drifts from the data fails this test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SeriesSplit } from '../../../src/core/data';
import type { Drill } from '../../../src/core/drill';
import { pointsFor } from '../../../src/core/grading/points';
import { SeriesScaler } from '../../../src/core/helpers/series-scaler';
import { loadRegistry } from '../../../src/cli/exercises';
import { loadSplitsNode } from '../../../src/cli/node-runner';
import { monthlyChanges } from '../../../exercises/co2-forecast/drill';

/** One window's inputs `[window, channels]` (row-major) → its `horizon` forecasts. */
type Forecast = (x: Float32Array) => number[];

interface Naive {
  /** The words the statement uses for it, bold. */
  label: string;
  forecast: (train: SeriesSplit) => Forecast;
}

const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
const repeat = (v: number, n: number) => Array.from({ length: n }, () => v);

const NAIVE: Record<string, Naive[]> = {
  'co2-forecast': [
    {
      label: 'last month repeated',
      // A change of 0 ppm, on the scale of the training changes.
      forecast: (train) => {
        const s = new SeriesScaler({ method: 'minmax' }).fit(monthlyChanges(train.values));
        return () => [(0 - s.offset[0]) / s.scale[0]];
      },
    },
    { label: 'the mean change of the last 12 months', forecast: () => (x) => [mean(x.subarray(12))] },
    { label: 'the same change as 12 months before', forecast: () => (x) => [x[12]] },
    { label: "the mean of the same month's change one and two years before", forecast: () => (x) => [(x[0] + x[12]) / 2] },
  ],
  'new-york-temps': [
    { label: 'tomorrow = today', forecast: () => (x) => [x[29]] },
    { label: 'the mean of the last 7 days', forecast: () => (x) => [mean(x.subarray(23))] },
  ],
  'seattle-hourly-6h': [
    { label: 'the last hour repeated', forecast: () => (x) => repeat(x[23], 6) },
    { label: 'the mean of the last 24 hours', forecast: () => (x) => repeat(mean(x), 6) },
    { label: 'the same 6 hours of the day before', forecast: () => (x) => Array.from(x.subarray(0, 6)) },
  ],
  'seattle-weather-week': [
    // Channel 1 of 6 is temp_max.
    { label: "the last day's high repeated", forecast: () => (x) => repeat(x[29 * 6 + 1], 7) },
    { label: 'the mean high of the last 7 days', forecast: () => (x) => repeat(mean(Array.from({ length: 7 }, (_, d) => x[(23 + d) * 6 + 1])), 7) },
  ],
};

/** MAE of a forecast over the grader's test windows, as the grader computes it (all steps of all windows). */
function maeOf(drill: Drill, splits: { train: SeriesSplit; test: SeriesSplit }, naive: Naive): number {
  const g = drill.gradeInputs(splits.test, splits.train);
  const [n, window, channels] = g.xs.shape;
  const horizon = g.ys.shape[1];
  const f = naive.forecast(splits.train);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const out = f((g.xs.values as Float32Array).subarray(k * window * channels, (k + 1) * window * channels));
    for (let h = 0; h < horizon; h++) sum += Math.abs(out[h] - g.ys.values[k * horizon + h]);
  }
  return sum / (n * horizon);
}

describe('series statements quote the naive forecasts the data gives', async () => {
  const registry = await loadRegistry();
  const cases = Object.entries(NAIVE).flatMap(([id, list]) => list.map((naive) => [id, naive.label, naive] as const));

  it.each(cases)('%s: %s', async (id, _label, naive) => {
    const { drill } = registry.get(id);
    const splits = (await loadSplitsNode(drill)) as unknown as { train: SeriesSplit; test: SeriesSplit };
    const mae = maeOf(drill, splits, naive);
    const points = pointsFor(mae, drill.thresholds, drill.metric.higherIsBetter);
    const readme = readFileSync(`exercises/${id}/README.md`, 'utf8');
    const line = readme.split('\n').find((l) => l.includes(`**${naive.label}**`));
    expect(line, `README names "${naive.label}"`).toBeDefined();
    // "…: 0.0832 (0.43 ppm), 2/5 — why": the figure to 4 decimals and the mark it earns.
    expect(line).toContain(`${mae.toFixed(4)} (`);
    expect(line).toMatch(new RegExp(`\\), ${points}/5`));
    // No naive forecast passes.
    expect(points).toBeLessThan(5);
  });
});
