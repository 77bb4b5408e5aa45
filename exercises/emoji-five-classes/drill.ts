import type { ImageSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { SPLIT_NAMES } from '../../src/core/drill-kit';
import { imageGradeInputs, imageSplit } from '../../src/core/drill-kit-extra';

const SIZE = 64;

export default defineDrill<ImageSplit>({
  id: 'emoji-five-classes',
  area: 3,
  level: 3,
  buildsOn: 'emoji-binary',
  title: 'Five kinds of emoji from four artists',
  summary: 'A CNN with augmentation sorts emoji drawings into animal, person, face, food & drink and transport, at 64×64×3.',
  dataset: 'emoji-categories',
  metric: { name: 'accuracy', higherIsBetter: true, label: 'test accuracy' },
  // Calibrated with `dojo grade` runs (see README.md of the drill).
  thresholds: [0.45, 0.54, 0.61, 0.66, 0.71],
  contract: {
    inputShape: [SIZE, SIZE, 3],
    outputUnits: 5,
    outputActivation: 'softmax',
    forbiddenLayers: ['Lambda'],
    requiredLayers: ['Conv2D'],
    maxParams: 1_500_000,
  },
  classNames: ['animal', 'person', 'face', 'food-drink', 'transport'],
  minutes: 35,
  calibration: 'Measured with `dojo grade` (wasm, 2-core CPU): the weak baseline scores 0.293 (0/5); the reference CNN trained 20 epochs with mild augmentation 0.754, 0.791 and 0.754 over three runs of 100–120 s (5/5 with ≥ 0.044 margin).',
  splits(dataset) {
    const [train, validation, test] = SPLIT_NAMES.map((name) => imageSplit(dataset, name));
    return { train, validation, test };
  },
  gradeInputs(test) {
    // Same bilinear resize the learner gets from `imagesToTensor`, pixels scaled to [0, 1].
    return imageGradeInputs(test, [SIZE, SIZE], 1 / 255);
  },
});
