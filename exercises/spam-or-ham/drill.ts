import type { TextSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { SPLIT_NAMES } from '../../src/core/drill-kit';
import { textGradeInputs, textSplit, type TextSettings } from '../../src/core/drill-kit-extra';

/** The statement's fixed preprocessing; the grader rebuilds exactly this from the training texts. */
export const TEXT: TextSettings = { numWords: 10_000, oovToken: '<OOV>', maxlen: 200, padding: 'post', truncating: 'post' };

export default defineDrill<TextSplit>({
  id: 'spam-or-ham',
  area: 4,
  level: 2,
  title: 'Spam or ham: classify e-mails',
  summary: 'Binary text classification of SpamAssassin e-mails with a tokenizer, padding and an Embedding layer.',
  dataset: 'spam-assassin',
  metric: { name: 'accuracy', higherIsBetter: true, label: 'test accuracy' },
  // How these were set: `calibration` below (shown under the statement).
  thresholds: [0.85, 0.88, 0.91, 0.93, 0.95],
  contract: { inputShape: [TEXT.maxlen], outputUnits: 1, outputActivation: 'sigmoid', forbiddenLayers: ['Lambda'], maxParams: 1_000_000 },
  classNames: ['ham', 'spam'],
  minutes: 25,
  calibration: "The thresholds were set with `dojo grade spam-or-ham` on this data (wasm backend, 2-core CPU): the weak baseline (a tiny embedding trained one epoch with plain SGD) calls every e-mail ham and scores 0.680 (0/5), the share of ham in the test split; the reference (Embedding 16 → GlobalAveragePooling1D → Dense 24 → Dense 1) scored 0.976, 0.974 and 0.976 over three runs, 10–20 s each (5/5 with ≥ 0.02 to spare).",
  splits(dataset) {
    const [train, validation, test] = SPLIT_NAMES.map((name) => textSplit(dataset, name));
    return { train, validation, test };
  },
  gradeInputs(test, train) {
    return textGradeInputs(test, train, TEXT);
  },
});
