import type { SeriesSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { seriesGradeInputs, seriesSplits, type SeriesSettings } from '../../src/core/drill-kit-extra';

/** The statement's fixed windowing and scaling; the grader rebuilds exactly this. */
export const SERIES: SeriesSettings = { window: 24, horizon: 6, method: 'minmax' };
const TEMPERATURE = 1;

export default defineDrill<SeriesSplit>({
  id: 'seattle-hourly-6h',
  area: 5,
  level: 3,
  buildsOn: 'co2-forecast',
  title: 'Seattle hourly temperature: the next 6 hours',
  summary: 'Multi-step forecasting: from 24 hours of temperature, predict the next 6 hours at once (input [24, 1], output 6).',
  dataset: 'seattle-hourly-normals',
  metric: { name: 'mae', higherIsBetter: false, label: 'MAE on the normalised series' },
  // How these were set: `calibration` below (shown under the statement).
  thresholds: [0.035, 0.025, 0.02, 0.006, 0.0044],
  contract: { inputShape: [SERIES.window, 1], outputUnits: SERIES.horizon, outputActivation: 'linear', forbiddenLayers: ['Lambda'], maxParams: 100_000 },
  minutes: 25,
  calibration:
    "The exam's `min(5, ceil(17 − 100·MAE))` gives 5/5 to almost anything on this smooth series, so the thresholds were calibrated with `dojo grade seattle-hourly-6h` and `dojo verify` (wasm backend, 2-core CPU shared with other jobs) on the same 1,309 test windows:\n- weak baseline (one linear layer, one epoch of SGD): 0.0786, 0.1346, 0.0868 (0/5);\n- the naive forecasts in the statement: the last hour 0.0380 (0/5), the mean of the last 24 hours 0.0396 (0/5), the same 6 hours of the day before 0.0045 ≈ 0.09 °C — normals repeat from one day to the next, so this one is strong. It used to earn 5/5; the 5-point threshold now sits just below it (0.0044), so a model has to beat the day before to pass;\n- least squares on the 24 hours (all training and validation windows): 0.0045 — the plain linear optimum is no better than the day before;\n- the course's recipe (min-max, windows of 24, Conv1D 32 'valid', LSTM 32, Dense 16 relu, Dense 6, Huber, Adam 0.001, 20 epochs on train + validation): 0.0146 in 397 s; with 30 epochs and 10 more at Adam 0.0003, 0.0151 in 834 s (both on a heavily loaded machine). It plateaus near 0.3 °C, so the 3-point threshold was moved from 0.01 to 0.02 (1 and 2 points to 0.035 and 0.025: the last hour and the 24-hour mean still score 0): the course's recipe now earns 3/5;\n- a linear + relu-branch network trained on the training hours only: 0.0083 (3/5 then and now); the same trained on training + validation hours: 0.0052 (4/5 with today's thresholds);\n- the reference (one Dense layer on the flattened window, trained on training + validation hours, Adam then a gentler phase): 0.0039–0.0041 over five runs ≈ 0.08 °C, 6–34 s each, the last two `dojo verify` (5/5 with ≥ 0.0003 to spare: the room between the day before and the best model is narrow on these smooth normals).",
  splits(dataset) {
    // Channel 1 is the temperature; the test part carries the last 24 validation hours in front as history.
    return seriesSplits(dataset, 'values', TEMPERATURE, SERIES.window);
  },
  gradeInputs(test, train) {
    return seriesGradeInputs(test, train, SERIES, '°C');
  },
});
