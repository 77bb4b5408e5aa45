import type { ImageSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { SPLIT_NAMES } from '../../src/core/drill-kit';
import { imageGradeInputs, imageSplit } from '../../src/core/drill-kit-extra';

const SIZE = 64;
/** Dataset classes kept, in label order: 0 → animal, 1 → person. */
const KEEP = [0, 1] as const;

export default defineDrill<ImageSplit>({
  id: 'emoji-binary',
  area: 3,
  level: 2,
  title: 'Animal or person? Emoji from four artists',
  summary: 'A small CNN with augmentation tells animal from person emoji drawn by four design teams, at 64×64×3.',
  dataset: 'emoji-categories',
  metric: { name: 'accuracy', higherIsBetter: true, label: 'test accuracy' },
  // Calibrated with `dojo grade` runs (see README.md of the drill).
  thresholds: [0.72, 0.78, 0.83, 0.86, 0.88],
  contract: {
    inputShape: [SIZE, SIZE, 3],
    outputUnits: 1,
    outputActivation: 'sigmoid',
    forbiddenLayers: ['Lambda'],
    requiredLayers: ['Conv2D'],
    maxParams: 1_500_000,
  },
  classNames: ['animal', 'person'],
  minutes: 30,
  calibration: 'Measured with `dojo grade` (wasm, 2-core CPU): the weak baseline scores 0.545 (0/5), the reference CNN trained 3 epochs 0.769, the reference trained 15 epochs with augmentation 0.923 and 0.936 over two runs of 70–100 s (5/5 with ≥ 0.04 margin).',
  splits(dataset) {
    const [train, validation, test] = SPLIT_NAMES.map((name) => imageSplit(dataset, name, { keep: KEEP }));
    return { train, validation, test };
  },
  gradeInputs(test) {
    // Same bilinear resize the learner gets from `imagesToTensor`, pixels scaled to [0, 1].
    return imageGradeInputs(test, [SIZE, SIZE], 1 / 255);
  },
});
