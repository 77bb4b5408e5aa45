import type { TensorSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { pixelGradeInputs, pixelSplits } from '../../src/core/drill-kit-extra';

export default defineDrill<TensorSplit>({
  id: 'mnist-cnn',
  area: 2,
  level: 2,
  buildsOn: 'fashion-mnist-dense',
  title: 'MNIST digits with a CNN',
  summary: 'Recognise hand-written digits 0–9 with a small convolutional network on [28, 28, 1] inputs.',
  dataset: 'mnist',
  metric: { name: 'accuracy', higherIsBetter: true, label: 'test accuracy' },
  // Calibrated with `dojo grade` runs (see README.md of the drill).
  thresholds: [0.88, 0.91, 0.93, 0.945, 0.955],
  contract: {
    inputShape: [28, 28, 1],
    outputUnits: 10,
    outputActivation: 'softmax',
    forbiddenLayers: ['Lambda'],
    requiredLayers: ['Conv2D'],
    maxParams: 500_000,
  },
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  minutes: 20,
  calibration: 'Measured with `dojo grade` (wasm, 2-core CPU): the weak baseline scores 0.378 (0/5), a shorter-trained small CNN 0.964, the reference CNN 0.968 and 0.979 over two runs of 80–90 s (5/5 with ≥ 0.013 margin).',
  splits: (dataset) => pixelSplits(dataset, [28, 28, 1]),
  gradeInputs: pixelGradeInputs,
});
