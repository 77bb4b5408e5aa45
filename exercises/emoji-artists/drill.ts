import type { ImageSplit } from '../../src/core/data';
import { defineDrill } from '../../src/core/drill';
import { arrayOf, rangeOf, SPLIT_NAMES } from '../../src/core/drill-kit';
import { imageGradeInputs, imagesOf } from '../../src/core/drill-kit-extra';

const SIZE = 32;

export default defineDrill<ImageSplit>({
  id: 'emoji-artists',
  area: 3,
  level: 2,
  buildsOn: 'emoji-binary',
  title: 'Who drew it? Four emoji design teams',
  summary: 'A CNN recognises a drawing style, not a subject: which of Noto, Twemoji, OpenMoji and Fluent drew an emoji it has never seen, at 32×32×3.',
  dataset: 'emoji-categories',
  metric: { name: 'accuracy', higherIsBetter: true, label: 'test accuracy' },
  // How these were set: `calibration` below (shown under the statement).
  thresholds: [0.45, 0.55, 0.62, 0.67, 0.7],
  contract: {
    inputShape: [SIZE, SIZE, 3],
    outputUnits: 4,
    outputActivation: 'softmax',
    forbiddenLayers: ['Lambda'],
    requiredLayers: ['Conv2D'],
    maxParams: 500_000,
  },
  classNames: ['Noto (Google)', 'Twemoji (Twitter)', 'OpenMoji', 'Fluent (Microsoft)'],
  minutes: 20,
  calibration:
    "Four styles, balanced (Fluent has a few fewer people): guessing scores about 0.26. OpenMoji's black outlines and Fluent's shaded 3D look are easy; Noto and Twemoji, both flat and bright, are where most mistakes are, and 32×32 pixels blur what tells them apart. The thresholds were set with `dojo grade emoji-artists` (wasm backend, 2-core CPU shared with other jobs):\n- weak baseline (one strided 2-filter convolution, one epoch of SGD): 0.264 and 0.287 in two runs (0/5);\n- the reference network at Adam 0.002 throughout, 12 epochs: 0.684 in one run — validation accuracy jumped by ±0.1 between epochs, and the last epoch is what is graded;\n- the reference (three conv + pool blocks with 16/32/64 filters, dropout 0.4, Dense 64, a new flip and 5 % shift each epoch, 12 epochs at Adam 0.002 then 6 at 0.0003): 0.777, 0.742, 0.742 and 0.791 over four runs of 80–105 s, the last one `dojo verify` (5/5 with ≥ 0.042 to spare).",
  splits(dataset) {
    const images = imagesOf(dataset, 'images');
    const artists = arrayOf(dataset, 'artists').values;
    const [train, validation, test] = SPLIT_NAMES.map((name): ImageSplit => {
      // The dataset's split by emoji: a test emoji was never seen in training, in any style.
      const [start, end] = rangeOf(dataset, name);
      return { kind: 'images', images: images.slice(start, end), labels: Int32Array.from({ length: end - start }, (_, i) => artists[start + i]!) };
    });
    return { train, validation, test };
  },
  gradeInputs(test) {
    // Same bilinear resize the learner gets from `imagesToTensor`, pixels scaled to [0, 1].
    return imageGradeInputs(test, [SIZE, SIZE], 1 / 255);
  },
});
