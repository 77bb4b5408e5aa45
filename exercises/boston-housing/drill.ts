import type { TensorSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { arrayOf, columnStats, dense, rangeOf, rowsF32, SPLIT_NAMES, standardise } from '../../src/core/drill-kit';

const FEATURES = 13;

export default defineDrill<TensorSplit>({
  id: 'boston-housing',
  area: 1,
  level: 2,
  buildsOn: 'auto-mpg',
  title: 'Boston housing: predict home values',
  summary: 'Regression on 1970s Boston census tracts: predict the median home value in $1000s from 13 features.',
  dataset: 'boston-housing',
  metric: { name: 'mae', higherIsBetter: false, label: 'test MAE ($1000s)' },
  // How these were set: `calibration` below (shown under the statement).
  thresholds: [4.0, 3.5, 3.1, 2.9, 2.7],
  contract: { inputShape: [FEATURES], outputUnits: 1, outputActivation: 'linear', forbiddenLayers: ['Lambda'], maxParams: 100_000 },
  minutes: 15,
  calibration: "The thresholds were set with `dojo grade boston-housing` (wasm backend, 2-core CPU, ≈ 5–10 s per run): the weak baseline (one linear unit, 5 epochs of SGD) scores 22.5 (0/5), a well-trained linear model 3.05 (3/5), and the reference (two hidden layers of 64 relu, Adam 0.001, early stopping) 2.44–2.51 over four runs (5/5 with ≥ 0.19 to spare). A faster-learning version of the same network (Adam 0.005) spread from 2.29 to 2.89: on 76 test tracts a steady, patient training matters.",
  splits(dataset) {
    const features = arrayOf(dataset, 'features');
    const medv = arrayOf(dataset, 'medv');
    // Standardised with the training rows' statistics only, as Keras' boston_housing tutorials do.
    const stats = columnStats(rowsF32(features, rangeOf(dataset, 'train')).values, FEATURES);
    const [train, validation, test] = SPLIT_NAMES.map((name): TensorSplit => {
      const range = rangeOf(dataset, name);
      const rows = range[1] - range[0];
      return {
        kind: 'tensor',
        xs: dense(standardise(rowsF32(features, range).values, FEATURES, stats), [rows, FEATURES]),
        ys: dense(rowsF32(medv, range).values, [rows, 1]),
      };
    });
    return { train, validation, test };
  },
  gradeInputs(test) {
    return { xs: test.xs, ys: test.ys, scale: { factor: 1, unit: '$1000s' } };
  },
});
