import type { TextSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { SPLIT_NAMES } from '../../src/core/drill-kit';
import { textGradeInputs, textSplit, type TextSettings } from '../../src/core/drill-kit-extra';

/** The statement's fixed preprocessing; the grader rebuilds exactly this from the training texts. */
export const TEXT: TextSettings = { numWords: 5_000, oovToken: '<OOV>', maxlen: 120, padding: 'pre', truncating: 'post' };

export default defineDrill<TextSplit>({
  id: 'spam-conv1d',
  area: 4,
  level: 3,
  buildsOn: 'spam-or-ham',
  title: 'Spam or ham with a 1-D convolution',
  summary: 'The spam task again with a smaller vocabulary and shorter, pre-padded sequences; the model must use Conv1D.',
  dataset: 'spam-assassin',
  metric: { name: 'accuracy', higherIsBetter: true, label: 'test accuracy' },
  // How these were set: `calibration` below (shown under the statement).
  thresholds: [0.85, 0.88, 0.91, 0.93, 0.95],
  contract: {
    inputShape: [TEXT.maxlen],
    outputUnits: 1,
    outputActivation: 'sigmoid',
    forbiddenLayers: ['Lambda'],
    requiredLayers: ['Conv1D'],
    maxParams: 500_000,
  },
  classNames: ['ham', 'spam'],
  minutes: 25,
  calibration: "The thresholds were set with `dojo grade spam-conv1d` (wasm backend, 2-core CPU): the weak baseline (a 2-filter Conv1D trained one epoch with plain SGD) calls every e-mail ham and scores 0.680 (0/5), the share of ham in the test split; the reference (Embedding 32 → Conv1D 32×5 relu → GlobalMaxPooling1D → Dense 24 → Dense 1) scored 0.973 and 0.965 over two runs of 25–45 s (5/5 with ≥ 0.015 to spare).",
  splits(dataset) {
    const [train, validation, test] = SPLIT_NAMES.map((name) => textSplit(dataset, name));
    return { train, validation, test };
  },
  gradeInputs(test, train) {
    return textGradeInputs(test, train, TEXT);
  },
});
