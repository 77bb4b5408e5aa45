import type { TensorSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { pixelGradeInputs, pixelSplits } from '../../src/core/drill-kit-extra';

const CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'] as const;

export default defineDrill<TensorSplit>({
  id: 'fashion-mnist-dense',
  area: 2,
  level: 1,
  title: 'Fashion-MNIST with a dense network',
  summary: 'Classify 28×28 clothing images into 10 classes with Flatten + Dense layers.',
  dataset: 'fashion-mnist',
  metric: { name: 'accuracy', higherIsBetter: true, label: 'test accuracy' },
  // In the exam's band (≈ 0.83–0.89); calibrated with `dojo grade` runs (see README.md of the drill).
  thresholds: [0.8, 0.82, 0.84, 0.855, 0.865],
  contract: { inputShape: [28, 28], outputUnits: 10, outputActivation: 'softmax', forbiddenLayers: ['Lambda'], maxParams: 500_000 },
  classNames: CLASSES,
  minutes: 20,
  calibration: "The thresholds sit in the exam's band (≈ 0.83–0.89) and were checked with `dojo grade fashion-mnist-dense` (wasm backend, 2-core CPU shared with other jobs): the weak baseline (softmax regression, one epoch on 5,000 images) scores 0.755 (0/5); the reference (Flatten → Dense 256 relu → Dense 10 softmax, up to 10 epochs, Adam) scored 0.886, 0.877 and 0.885 over three runs, 2.5–3.5 min each (5/5 with ≥ 0.012 to spare). Training on unscaled pixels while the grader feeds [0, 1] costs most of the marks: a single-layer model trained that way scored 0.099.",
  splits: (dataset) => pixelSplits(dataset, [28, 28]),
  gradeInputs: pixelGradeInputs,
});
