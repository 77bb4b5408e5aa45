import type { ImageSplit, RawImage } from '../../src/core/data';
import type { LoadedDataset } from '../../src/core/datasets/types';
import { defineDrill } from '../../src/core/drill';
import { arrayOf, rangeOf, SPLIT_NAMES, type SplitName } from '../../src/core/drill-kit';
import { imageGradeInputs, imagesOf } from '../../src/core/drill-kit-extra';

const SIZE = 32;
const CLASSES = 5;
/** emoji-categories' artist ids this drill uses: 2 OpenMoji, 3 Fluent. The base (emoji-base) saw only 0 and 1. */
const ARTISTS = [2, 3];
/** Training drawings kept per class: few on purpose, the situation transfer learning is for. */
const TRAIN_PER_CLASS = 12;

/** OpenMoji and Fluent drawings of one split, in the dataset's (shuffled) order; train keeps the first few of each class. */
function artistSplit(dataset: LoadedDataset, split: SplitName): ImageSplit {
  const [start, end] = rangeOf(dataset, split);
  const artists = arrayOf(dataset, 'artists').values;
  const labels = arrayOf(dataset, 'labels').values;
  const all = imagesOf(dataset, 'images');
  const perClass = new Array<number>(CLASSES).fill(0);
  const images: RawImage[] = [];
  const kept: number[] = [];
  for (let i = start; i < end; i++) {
    const label = labels[i]!;
    if (!ARTISTS.includes(artists[i]!)) continue;
    if (split === 'train' && perClass[label]! >= TRAIN_PER_CLASS) continue;
    perClass[label]!++;
    images.push(all[i]!);
    kept.push(label);
  }
  return { kind: 'images', images, labels: Int32Array.from(kept) };
}

export default defineDrill<ImageSplit>({
  id: 'emoji-transfer',
  area: 3,
  level: 3,
  buildsOn: 'emoji-five-classes',
  title: 'Transfer learning: five kinds of emoji from 60 drawings',
  summary: 'Freeze a shipped pretrained base (lab.pretrained), add a new head, and learn two new artists from 12 drawings per class.',
  dataset: 'emoji-categories',
  pretrained: ['emoji-base'],
  metric: { name: 'accuracy', higherIsBetter: true, label: 'test accuracy' },
  // How these were set: `calibration` below (shown under the statement).
  thresholds: [0.4, 0.46, 0.52, 0.56, 0.59],
  contract: {
    inputShape: [SIZE, SIZE, 3],
    outputUnits: CLASSES,
    outputActivation: 'softmax',
    forbiddenLayers: ['Lambda'],
    requiredLayers: ['Conv2D'],
    maxParams: 500_000,
  },
  classNames: ['animal', 'person', 'face', 'food-drink', 'transport'],
  minutes: 25,
  calibration:
    "Sixty drawings are too few to learn filters from: the same three conv blocks trained from scratch stay near 0.5, while the shipped base, trained on 1,000 Noto and Twemoji drawings, already sees emoji. Guessing the largest class scores 0.23. The thresholds were set with `dojo grade emoji-transfer` (wasm backend, 2-core CPU shared with other jobs), base `emoji-base` as committed (sha256 in its manifest):\n- baseline — the reference's network (three conv + pool blocks with 16/32/64 filters, global average pooling, dropout, softmax) from scratch, with the reference's augmentation, 55 epochs (15 s, a little longer than the reference): 0.433, 0.491, 0.515 and 0.503 over four runs (at most 2/5);\n- a Flatten head instead of global average pooling on the frozen base: 0.608 and 0.643 in two runs (the spatial map adds 1,500 head weights to learn from 60 images);\n- the reference — frozen base, global average pooling, dropout 0.3, Dense(5) trained 40 epochs (Adam 0.01), then `block3_conv` unfrozen and 15 more epochs at Adam 0.0005, a new flip and 5 % shift each epoch: 0.661, 0.684, 0.661, 0.614 and 0.649 over five runs of about 13 s, the last one `dojo verify emoji-transfer` (5/5 with ≥ 0.024 to spare). A test set of 171 images moves by one image per 0.006, and runs differ by ±0.03: compare ideas over several runs.",
  splits(dataset) {
    const [train, validation, test] = SPLIT_NAMES.map((name) => artistSplit(dataset, name));
    return { train, validation, test };
  },
  gradeInputs(test) {
    // Same bilinear resize the learner gets from `imagesToTensor`, pixels scaled to [0, 1].
    return imageGradeInputs(test, [SIZE, SIZE], 1 / 255);
  },
});
