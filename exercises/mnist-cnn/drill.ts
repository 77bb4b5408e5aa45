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
  // How these were set: `calibration` below (shown under the statement).
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
  calibration: "The thresholds were set with `dojo grade mnist-cnn` (wasm backend, 2-core CPU shared with other jobs): the weak baseline (one strided 4-filter convolution, one epoch on 1,000 digits) scores 0.378 (0/5); a 16/32-filter CNN with a 64-unit head trained 6 epochs 0.964; the reference (Conv 16 → pool → Conv 32 → pool → dropout 0.25 → Dense 128 → Dense 10, 12 epochs) 0.968 and 0.979 over two runs, 80–90 s each (5/5 with ≥ 0.013 to spare).",
  splits: (dataset) => pixelSplits(dataset, [28, 28, 1]),
  gradeInputs: pixelGradeInputs,
});
