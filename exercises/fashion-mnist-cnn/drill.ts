import type { TensorSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { pixelGradeInputs, pixelSplits } from '../../src/core/drill-kit-extra';

const CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'] as const;

export default defineDrill<TensorSplit>({
  id: 'fashion-mnist-cnn',
  area: 2,
  level: 3,
  buildsOn: 'mnist-cnn',
  title: 'Fashion-MNIST with a CNN',
  summary: 'Classify 28×28×1 clothing images into 10 classes with a convolutional network: beat what dense layers can do.',
  dataset: 'fashion-mnist',
  metric: { name: 'accuracy', higherIsBetter: true, label: 'test accuracy' },
  // Calibrated with `dojo grade` runs (see README.md of the drill).
  thresholds: [0.85, 0.865, 0.875, 0.883, 0.89],
  contract: {
    inputShape: [28, 28, 1],
    outputUnits: 10,
    outputActivation: 'softmax',
    forbiddenLayers: ['Lambda'],
    requiredLayers: ['Conv2D'],
    maxParams: 500_000,
  },
  classNames: CLASSES,
  minutes: 25,
  calibration: 'Measured with `dojo grade` (wasm, 2-core CPU): the weak baseline scores 0.587 (0/5), the dense reference of fashion-mnist-dense 0.877–0.886 (3–4/5); the reference CNN 0.9036 and 0.9039 over two runs of 4–6.5 min on a loaded CPU (5/5 with ≥ 0.013 margin).',
  splits: (dataset) => pixelSplits(dataset, [28, 28, 1]),
  gradeInputs: pixelGradeInputs,
});
