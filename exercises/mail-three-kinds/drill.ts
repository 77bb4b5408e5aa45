import type { TextSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { arrayOf, rangeOf, SPLIT_NAMES } from '../../src/core/drill-kit';
import { stringsOf, textGradeInputs, type TextSettings } from '../../src/core/drill-kit-extra';

/** The statement's fixed preprocessing; the grader rebuilds exactly this from the training texts. */
export const TEXT: TextSettings = { numWords: 10_000, oovToken: '<OOV>', maxlen: 200, padding: 'post', truncating: 'post' };

/** spam-assassin's groups (easy-ham-1, easy-ham-2, hard-ham-1, spam-1, spam-2) → this drill's classes. */
const CLASS_OF_GROUP = [0, 0, 1, 2, 2];

export default defineDrill<TextSplit>({
  id: 'mail-three-kinds',
  area: 4,
  level: 3,
  buildsOn: 'spam-or-ham',
  title: 'Easy ham, hard ham or spam: three kinds of e-mail',
  summary: 'Multi-class text classification: tell ordinary mail, wanted commercial mail that looks like spam, and spam apart (softmax over 3).',
  dataset: 'spam-assassin',
  metric: { name: 'accuracy', higherIsBetter: true, label: 'test accuracy' },
  // How these were set: `calibration` below (shown under the statement).
  thresholds: [0.85, 0.9, 0.93, 0.95, 0.96],
  contract: { inputShape: [TEXT.maxlen], outputUnits: 3, outputActivation: 'softmax', forbiddenLayers: ['Lambda'], maxParams: 1_000_000 },
  classNames: ['easy ham', 'hard ham', 'spam'],
  minutes: 25,
  calibration:
    "Three classes, one of them rare: answering \"easy ham\" every time scores 0.640, and a perfect spam filter that never says \"hard ham\" at most 0.959 — so 5/5 (0.96) needs some hard ham recognised. The thresholds were set with `dojo grade mail-three-kinds` (wasm backend, 2-core CPU shared with other jobs):\n- weak baseline (Embedding 4, pooling, softmax, one epoch of SGD 0.01): 0.640 in two runs (0/5 — everything is easy ham);\n- the reference (the `spam-or-ham` network with a 3-unit softmax: Embedding 16, global average pooling, Dense 24 relu, Adam 0.005, early stopping on val_acc with patience 3): 0.974, 0.973, 0.972 and 0.971 over four runs of 14–40 s, the last one `dojo verify` (5/5 with ≥ 0.010 — 9 e-mails — to spare).",
  splits(dataset) {
    const texts = stringsOf(dataset, 'texts');
    const groups = arrayOf(dataset, 'groups').values;
    const [train, validation, test] = SPLIT_NAMES.map((name): TextSplit => {
      const [start, end] = rangeOf(dataset, name);
      return { kind: 'text', texts: texts.slice(start, end), labels: Int32Array.from({ length: end - start }, (_, i) => CLASS_OF_GROUP[groups[start + i]!]!) };
    });
    return { train, validation, test };
  },
  gradeInputs(test, train) {
    return textGradeInputs(test, train, TEXT);
  },
});
