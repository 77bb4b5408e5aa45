import type { SeriesSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { seriesGradeInputs, seriesSplits, type SeriesSettings } from '../../src/core/drill-kit-extra';

/** The statement's fixed windowing and scaling; the grader rebuilds exactly this. */
export const SERIES: SeriesSettings = { window: 24, horizon: 1, method: 'minmax' };

export default defineDrill<SeriesSplit>({
  id: 'co2-forecast',
  area: 5,
  level: 2,
  title: 'Mauna Loa CO₂: forecast next month',
  summary: 'Univariate forecasting: window the monthly CO₂ series and predict the next month.',
  dataset: 'co2',
  metric: { name: 'mae', higherIsBetter: false, label: 'MAE on the normalised series' },
  // Calibrated with `dojo grade` runs (see README.md of the drill).
  thresholds: [0.03, 0.022, 0.017, 0.0135, 0.0115],
  contract: { inputShape: [SERIES.window, 1], outputUnits: SERIES.horizon, outputActivation: 'linear', forbiddenLayers: ['Lambda'], maxParams: 200_000 },
  minutes: 25,
  calibration: 'Measured with `dojo grade` (wasm, 2-core CPU): the weak baseline scores 0.051 (0/5), repeating the last month 0.0204 (2/5), the reference 0.0059–0.0092 over eight runs of ≈ 6 s (5/5 with ≥ 0.002 margin).',
  splits(dataset) {
    // Channel 0 is the raw monthly mean (with its seasonal cycle); the test part carries
    // the last `window` months of validation in front as history.
    return seriesSplits(dataset, 'values', 0, SERIES.window);
  },
  gradeInputs(test, train) {
    return seriesGradeInputs(test, train, SERIES, 'ppm');
  },
});
