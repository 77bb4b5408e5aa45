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
  // Calibrated with `dojo grade` runs (see README.md of the drill).
  thresholds: [0.025, 0.015, 0.01, 0.0075, 0.006],
  contract: { inputShape: [SERIES.window, 1], outputUnits: SERIES.horizon, outputActivation: 'linear', forbiddenLayers: ['Lambda'], maxParams: 100_000 },
  minutes: 25,
  calibration: 'Measured with `dojo grade` (wasm, 2-core CPU): the weak baseline scores 0.0786 (0/5), repeating the last hour 0.0380 and the 24-hour moving average 0.0396 (0/5), repeating the day before 0.0045; the reference 0.0039–0.0041 over three runs of 6–13 s (5/5 with ≥ 0.0019 margin).',
  splits(dataset) {
    // Channel 1 is the temperature; the test part carries the last 24 validation hours in front as history.
    return seriesSplits(dataset, 'values', TEMPERATURE, SERIES.window);
  },
  gradeInputs(test, train) {
    return seriesGradeInputs(test, train, SERIES, '°C');
  },
});
