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
  // How these were set: `calibration` below (shown under the statement).
  thresholds: [5.5, 4.8, 4.3, 4, 3.9],
  // Two parameters: exactly one neuron, y = w·x + b.
  contract: { inputShape: [1], outputUnits: 1, outputActivation: 'linear', forbiddenLayers: ['Lambda'], maxParams: 2 },
  minutes: 10,
  calibration: "The thresholds were calibrated with `dojo grade mpg-one-neuron` (wasm backend, 2-core CPU): always answering the training mean scores 7.05 (0/5); the weak baseline (the right neuron after five epochs of slow SGD, still near its initial weights) 13.5 (0/5); the least-squares line through the training cars 3.71 (5/5); the reference (Adam at 0.5 for 150 epochs, then 0.01 for 100, on the mean absolute error) 3.641–3.653 over four runs of 3–8 s, landing on the least-absolute-error line mpg ≈ −7.1 · weight + 44 (test MAE 3.645) (5/5 with ≥ 0.24 to spare). A straight line cannot follow the curve of mpg against weight, so no single neuron gets much below 3.6.",
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
