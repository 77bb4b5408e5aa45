import type { SeriesSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { seriesGradeInputs, seriesSplits, type SeriesSettings } from '../../src/core/drill-kit-extra';

/** The statement's fixed windowing and scaling; the grader rebuilds exactly this. */
export const SERIES: SeriesSettings = { window: 30, horizon: 7, method: 'minmax' };
/** Column of `values` to forecast: daily maximum temperature. */
const TEMP_MAX = 1;

export default defineDrill<SeriesSplit>({
  id: 'seattle-temperature-week',
  area: 5,
  title: 'Seattle: forecast a week of maximum temperatures',
  summary: 'Multi-step forecasting: from 30 days of daily maxima, predict the next 7 days at once.',
  dataset: 'seattle-weather',
  metric: { name: 'mae', higherIsBetter: false, label: 'MAE on the normalised series' },
  // Calibrated with `dojo grade` runs (see README.md of the drill).
  thresholds: [0.1, 0.09, 0.085, 0.08, 0.075],
  contract: { inputShape: [SERIES.window, 1], outputUnits: SERIES.horizon, outputActivation: 'linear', forbiddenLayers: ['Lambda'], maxParams: 200_000 },
  minutes: 30,
  calibration: 'CALIBRATION',
  splits(dataset) {
    // The test part carries the last `window` validation days in front as history.
    return seriesSplits(dataset, 'values', TEMP_MAX, SERIES.window);
  },
  gradeInputs(test, train) {
    return seriesGradeInputs(test, train, SERIES, '°C');
  },
});
