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
  // How these were set: `calibration` below (shown under the statement).
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
  calibration: "Telling five kinds apart on emoji never seen in training is much harder than two: animals and food are both colourful blobs, and most mistakes are between those two. Guessing the largest class scores 0.23. The thresholds were set with `dojo grade emoji-five-classes` (wasm backend, 2-core CPU shared with other jobs):\n- weak baseline (one strided 2-filter convolution, one epoch, no augmentation): 0.293 (0/5);\n- the same network with the stronger augmentation of `emoji-binary` (rotation 0.05, zoom 0.15, shift 0.1), 15 epochs: 0.751, 0.722 and 0.704 over three runs; wider (32/64/64 filters, Dense 128, 25 epochs): 0.733 in about 4 min;\n- the reference network trained 15 epochs without augmentation: 0.774 in one run — on upright, centred drawings augmentation helps less than on photos, and run-to-run spread (±0.03) hides most differences;\n- the reference (three conv + pool blocks with 16/32/64 filters, dropout, Dense 64, 20 epochs with a new random flip, 5 % zoom and 5 % shift of the whole training set each epoch): 0.754, 0.791 and 0.754 over three runs of 100–120 s (5/5 with ≥ 0.044 to spare).",
  splits(dataset) {
    const [train, validation, test] = SPLIT_NAMES.map((name) => imageSplit(dataset, name));
    return { train, validation, test };
  },
  gradeInputs(test) {
    // Same bilinear resize the learner gets from `imagesToTensor`, pixels scaled to [0, 1].
    return imageGradeInputs(test, [SIZE, SIZE], 1 / 255);
  },
});
