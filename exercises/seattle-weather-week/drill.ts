import type { SeriesSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { multiSeriesGradeInputs, multiSeriesSplits, seriesChannels, withCycleChannels, type MultiSeriesSettings } from '../../src/core/drill-kit-extra';

/**
 * The statement's fixed channels, windowing and scaling; the grader rebuilds exactly this.
 * Channels: precipitation, temp_max, temp_min, wind, then sin and cos of the day of the year.
 */
export const SERIES: MultiSeriesSettings = { window: 30, horizon: 7, method: 'minmax', channels: 6, target: 1 };
const YEAR_MS = 365.2425 * 24 * 3600 * 1000;

export default defineDrill<SeriesSplit>({
  id: 'seattle-weather-week',
  area: 5,
  level: 3,
  buildsOn: 'seattle-hourly-6h',
  title: 'Seattle weather: next week’s highs from a month of weather',
  summary: 'Multivariate, multi-step forecasting: 30 days of rain, highs, lows, wind and season in, the next 7 daily highs out.',
  dataset: 'seattle-weather',
  metric: { name: 'mae', higherIsBetter: false, label: 'MAE of temp_max on the normalised scale' },
  // Calibrated with `dojo grade` runs (see README.md of the drill).
  thresholds: [0.09, 0.087, 0.084, 0.082, 0.08],
  contract: {
    inputShape: [SERIES.window, SERIES.channels],
    outputUnits: SERIES.horizon,
    outputActivation: 'linear',
    forbiddenLayers: ['Lambda'],
    maxParams: 100_000,
  },
  minutes: 30,
  calibration: 'Measured with `dojo grade` (wasm, 2-core CPU): the weak baseline scores 0.615 (0/5), repeating the last day 0.0925 (0/5), the best moving average (12 days) 0.0855 (2/5); the reference 0.0751–0.0756 over three runs of 5–7 s (5/5 with ≥ 0.0044 margin).',
  splits(dataset) {
    // The test part carries the last 30 validation days in front as history.
    return multiSeriesSplits(dataset, SERIES.window, (range) => withCycleChannels(seriesChannels(dataset, 'values', [0, 1, 2, 3], range), YEAR_MS));
  },
  gradeInputs(test, train) {
    return multiSeriesGradeInputs(test, train, SERIES, '°C');
  },
});
