import type { SeriesSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { dense } from '../../src/core/drill-kit';
import { seriesSplits } from '../../src/core/drill-kit-extra';
import { SeriesScaler } from '../../src/core/helpers/series-scaler';
import { makeWindows } from '../../src/core/helpers/series-windows';

/** The statement's fixed differencing, scaling and windowing; the grader rebuilds exactly this. */
export const SERIES = { window: 24, horizon: 1, method: 'minmax' } as const;

/** Month-to-month changes: `changes[i] = values[i + 1] − values[i]`, one fewer than the values. */
export function monthlyChanges(values: ArrayLike<number>): Float32Array {
  const out = new Float32Array(Math.max(0, values.length - 1));
  for (let i = 0; i < out.length; i++) out[i] = values[i + 1] - values[i];
  return out;
}

export default defineDrill<SeriesSplit>({
  id: 'co2-forecast',
  area: 5,
  level: 2,
  title: 'Mauna Loa CO₂: forecast next month',
  summary: 'Univariate forecasting with a trend: difference the monthly CO₂ series, window the changes and predict next month’s change.',
  dataset: 'co2',
  metric: { name: 'mae', higherIsBetter: false, label: 'MAE of the change on the normalised scale' },
  // How these were set: `calibration` below (shown under the statement).
  thresholds: [0.2, 0.12, 0.08, 0.069, 0.065],
  contract: { inputShape: [SERIES.window, 1], outputUnits: SERIES.horizon, outputActivation: 'linear', forbiddenLayers: ['Lambda'], maxParams: 200_000 },
  minutes: 25,
  calibration:
    "The drill used to take the levels, and then the series' trend put every test month above the training range: the course's Conv1D + LSTM with Huber scored 0/5 (MAE 0.063 on the level scale, worse than repeating last month), and the same-month-last-year change — never measured then — would have scored 5/5. So the drill now works on month-to-month changes, as the course's differencing does, and the marks sit between the naive forecasts in the statement (the best, the mean of the same month's change one and two years before, 0.0692, gets 3/5) and least squares on the 24 changes over all training and validation months (0.0642). Measured with `dojo grade co2-forecast` and `dojo verify` (wasm backend, 2-core CPU shared with other jobs, load 8–15):\n- weak baseline (one linear unit, two epochs of SGD on the training changes): 0.2326, 0.1857 (0/5, 1/5);\n- the course's recipe on the changes (min-max, windows of 24, Conv1D 32 'valid', LSTM 32 ×2, Dense 16 relu, Dense 1, Huber, Adam 0.001, 60 epochs on train + validation): 0.0642, 0.0666 and 0.0671 in three runs (5/5, 4/5, 4/5) of 5–20 min on the loaded machine, like least squares on the window;\n- a linear path plus a relu branch (Huber, then a full-batch phase) on all changes: 0.0652 and 0.0720 (5/5, 3/5) — it varies from run to run;\n- the reference (one Dense unit on the flattened window, the last 30 years of train + validation, Adam then 1,000 full-batch epochs): 0.0602, 0.0603, 0.0600 and 0.0599 over four runs of 34–70 s, two of them `dojo verify` (5/5 with ≥ 0.0047 to spare), ≈ 0.31 ppm against 0.36 ppm for the best naive forecast.",
  splits(dataset) {
    // Channel 0 is the raw monthly mean. The test part carries window + 1 months of
    // validation in front: window changes of history before the first test month.
    return seriesSplits(dataset, 'values', 0, SERIES.window + 1);
  },
  gradeInputs(test, train) {
    const scaler = new SeriesScaler({ method: SERIES.method }).fit(monthlyChanges(train.values));
    const w = makeWindows(scaler.transform(monthlyChanges(test.values)), SERIES.window, SERIES.horizon, 1);
    // An error in the forecast change is the same error in the forecast level (last month + change).
    return { xs: dense(w.xs, w.xsShape), ys: dense(w.ys, [w.count, SERIES.horizon]), scale: { factor: scaler.scale[0], unit: 'ppm' } };
  },
});
