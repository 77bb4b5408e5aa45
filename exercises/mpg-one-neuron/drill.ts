import type { TensorSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { arrayOf, dense, rangeOf, rowsF32, SPLIT_NAMES } from '../../src/core/drill-kit';

const WEIGHT = 3;
const FEATURES = 6;

export default defineDrill<TensorSplit>({
  id: 'mpg-one-neuron',
  area: 1,
  level: 1,
  startHere: true,
  title: 'One neuron: fuel economy from a car’s weight',
  summary: 'The smallest model there is — one Dense unit, two parameters — fitted to real cars: mpg from weight.',
  dataset: 'auto-mpg',
  metric: { name: 'mae', higherIsBetter: false, label: 'test MAE (mpg)' },
  // Calibrated with `dojo grade` runs (see README.md of the drill).
  thresholds: [5.5, 4.8, 4.3, 4, 3.9],
  // Two parameters: exactly one neuron, y = w·x + b.
  contract: { inputShape: [1], outputUnits: 1, outputActivation: 'linear', forbiddenLayers: ['Lambda'], maxParams: 2 },
  minutes: 10,
  calibration: 'Measured with `dojo grade` (wasm, 2-core CPU): the weak baseline scores MAE 13.5 mpg (0/5), always answering the training mean 7.05 (0/5), the least-squares line 3.71; the reference neuron 3.641–3.653 over four runs of 3–8 s (5/5 with ≥ 0.24 mpg margin).',
  splits(dataset) {
    const features = arrayOf(dataset, 'features');
    const mpg = arrayOf(dataset, 'mpg');
    const [train, validation, test] = SPLIT_NAMES.map((name): TensorSplit => {
      const range = rangeOf(dataset, name);
      const rows = range[1] - range[0];
      const all = rowsF32(features, range).values;
      // The weight in thousands of pounds (1.6–5.1): small numbers, so plain gradient descent works.
      const x = new Float32Array(rows);
      for (let r = 0; r < rows; r++) x[r] = all[r * FEATURES + WEIGHT] / 1000;
      return { kind: 'tensor', xs: dense(x, [rows, 1]), ys: dense(rowsF32(mpg, range).values, [rows, 1]) };
    });
    return { train, validation, test };
  },
  gradeInputs(test) {
    return { xs: test.xs, ys: test.ys, scale: { factor: 1, unit: 'mpg' } };
  },
});
