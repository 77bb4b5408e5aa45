import type { TensorSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { arrayOf, columnStats, dense, rangeOf, rowsF32, rowsI32, SPLIT_NAMES, standardise, withOneHot } from '../../src/core/drill-kit';

const MEASURES = 4;
const ISLANDS = 3;
/** 4 standardised measures, island one-hot (3), sex (0 female, 1 male). */
const FEATURES = MEASURES + ISLANDS + 1;

export default defineDrill<TensorSplit>({
  id: 'penguins-species',
  area: 1,
  level: 1,
  buildsOn: 'mpg-one-neuron',
  title: 'Palmer penguins: three species',
  summary: 'A first multi-class classifier: a small dense network names the species of a penguin from its beak, flippers, weight, island and sex.',
  dataset: 'penguins',
  metric: { name: 'accuracy', higherIsBetter: true, label: 'test accuracy' },
  // How these were set: `calibration` below (shown under the statement).
  thresholds: [0.7, 0.8, 0.88, 0.93, 0.955],
  contract: { inputShape: [FEATURES], outputUnits: 3, outputActivation: 'softmax', forbiddenLayers: ['Lambda'], maxParams: 20_000 },
  classNames: ['Adelie', 'Chinstrap', 'Gentoo'],
  minutes: 10,
  calibration:
    "Three species that differ plainly in beak and flipper: a small network separates them almost perfectly, so the bar is high and the drill is about the multi-class mechanics (softmax, sparse cross-entropy, arg-max). Guessing the largest class (Adelie) scores about 0.44. The thresholds were set with `dojo grade penguins-species` (wasm backend):\n- weak baseline (one softmax layer, SGD 0.005, two epochs): 0.239 and 0.537 in two runs (0/5);\n- the reference (Dense 16 relu, Dense 3 softmax, Adam 0.01, 60 epochs of batch 16, sparse categorical cross-entropy): 1.000 in each of four runs of 2–3 s, the last one `dojo verify` (5/5 with 0.045 — three birds — to spare).",
  splits(dataset) {
    const measures = arrayOf(dataset, 'measures');
    const island = arrayOf(dataset, 'island');
    const sex = arrayOf(dataset, 'sex');
    const species = arrayOf(dataset, 'species');
    // Standardised with the training rows' statistics only, as in auto-mpg.
    const stats = columnStats(rowsF32(measures, rangeOf(dataset, 'train')).values, MEASURES);
    const [train, validation, test] = SPLIT_NAMES.map((name): TensorSplit => {
      const range = rangeOf(dataset, name);
      const rows = range[1] - range[0];
      const withIsland = withOneHot(standardise(rowsF32(measures, range).values, MEASURES, stats), MEASURES, rowsI32(island, range), ISLANDS);
      const sexes = rowsI32(sex, range);
      const x = new Float32Array(rows * FEATURES);
      for (let r = 0; r < rows; r++) {
        x.set(withIsland.subarray(r * (FEATURES - 1), (r + 1) * (FEATURES - 1)), r * FEATURES);
        x[r * FEATURES + FEATURES - 1] = sexes[r]!;
      }
      return { kind: 'tensor', xs: dense(x, [rows, FEATURES]), ys: dense(rowsI32(species, range), [rows]) };
    });
    return { train, validation, test };
  },
  gradeInputs(test) {
    return { xs: test.xs, ys: test.ys };
  },
});
