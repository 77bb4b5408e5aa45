/**
 * `emoji-base`: the small image base the transfer-learning drill starts from, trained
 * here, deterministically, on emoji the drill never uses.
 *
 * It learns the five emoji kinds of `emoji-categories` from two artists only — Noto
 * (Google) and Twemoji (Twitter), train and validation rows — while the drill
 * (`emoji-transfer`) trains and is tested on the other two artists, OpenMoji and
 * Fluent, and its test emoji are test-split emoji, which the base never saw in any
 * style. That is the ImageNet situation of the course in small: a network trained on
 * other pictures of related things, reused with a new head on a few new pictures.
 *
 * Determinism: seeded initialisers, our own seeded batch order (`fit` shuffles with
 * Math.random), a seeded flip, no dropout, the wasm backend on one thread. Two builds
 * give the same bytes (the manifest's sha256).
 */
import type * as tfType from '@tensorflow/tfjs';
import type { LoadedDataset } from '../../core/datasets/types';
import { arrayOf, rangeOf } from '../../core/drill-kit';
import { imagesOf } from '../../core/drill-kit-extra';
import { augmentBatch, resizeImages } from '../../core/helpers';
import { permutation } from '../datasets/prng';

/** Filters per conv block; the last is the depth of the feature map a learner builds on. */
const FILTERS = [24, 48, 96];

export const EMOJI_BASE = {
  name: 'emoji-base',
  dataset: 'emoji-categories',
  /** Artist ids in emoji-categories' `artists` array: 0 Noto (Google), 1 Twemoji (Twitter). */
  artists: [0, 1] as readonly number[],
  size: 32,
  classes: 5,
  epochs: 36,
  batchSize: 32,
  seed: 20_261_206,
  features: FILTERS[FILTERS.length - 1]!,
};

/** The base's rows: Noto and Twemoji drawings of train and validation emoji. */
export function emojiBaseRows(dataset: LoadedDataset): number[] {
  const artists = arrayOf(dataset, 'artists').values;
  const [start] = rangeOf(dataset, 'train');
  const [, end] = rangeOf(dataset, 'validation');
  const rows: number[] = [];
  for (let i = start; i < end; i++) if (EMOJI_BASE.artists.includes(artists[i]!)) rows.push(i);
  return rows;
}

/**
 * The base: three conv + pool blocks, 32×32×3 in, a 4×4×96 feature map out (Keras'
 * `include_top=False`). Layer names say where to cut or unfreeze: `block3_conv` is the
 * top block a learner fine-tunes.
 */
export function emojiBaseLayers(tf: typeof tfType): { input: tfType.SymbolicTensor; features: tfType.SymbolicTensor } {
  const { size, seed } = EMOJI_BASE;
  const input = tf.input({ shape: [size, size, 3], name: 'image' });
  let x: tfType.SymbolicTensor = input;
  FILTERS.forEach((filters, k) => {
    const conv = tf.layers.conv2d({
      name: `block${k + 1}_conv`,
      filters,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: tf.initializers.heNormal({ seed: seed + k }),
    });
    x = conv.apply(x) as tfType.SymbolicTensor;
    x = tf.layers.maxPooling2d({ name: `block${k + 1}_pool`, poolSize: 2 }).apply(x) as tfType.SymbolicTensor;
  });
  return { input, features: x };
}

export interface TrainedBase {
  base: tfType.LayersModel;
  trainAccuracy: number;
  count: number;
}

export async function trainEmojiBase(tf: typeof tfType, dataset: LoadedDataset, log: (line: string) => void): Promise<TrainedBase> {
  const { size, classes, epochs, batchSize, seed } = EMOJI_BASE;
  const rows = emojiBaseRows(dataset);
  const images = imagesOf(dataset, 'images');
  const labels = arrayOf(dataset, 'labels').values;
  const { values, shape } = resizeImages(
    rows.map((r) => images[r]!),
    [size, size],
    { scale: 1 / 255 },
  );
  const xs = tf.tensor4d(values, shape);
  const ys = tf.oneHot(tf.tensor1d(Int32Array.from(rows, (r) => labels[r]!), 'int32'), classes);

  const { input, features } = emojiBaseLayers(tf);
  // The training head is thrown away: the base is saved without it, as Keras' bases are.
  const pooled = tf.layers.globalAveragePooling2d({ name: 'head_pool' }).apply(features) as tfType.SymbolicTensor;
  const out = tf.layers
    .dense({ name: 'head_out', units: classes, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 9 }) })
    .apply(pooled) as tfType.SymbolicTensor;
  const trainer = tf.model({ inputs: input, outputs: out });
  trainer.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  let trainAccuracy = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = tf.tensor1d(permutation(rows.length, seed + 100 + epoch), 'int32');
    const shuffledX = tf.gather(xs, order);
    const batchX = augmentBatch(shuffledX as tfType.Tensor4D, { flip: 'horizontal', translation: 0.05, fillMode: 'nearest', seed: seed + 200 + epoch });
    const batchY = tf.gather(ys, order);
    const h = await trainer.fit(batchX, batchY, { epochs: 1, batchSize, shuffle: false, verbose: 0 });
    tf.dispose([order, shuffledX, batchX, batchY]);
    trainAccuracy = h.history.acc[0] as number;
    log(`epoch ${epoch + 1}/${epochs}: loss ${(h.history.loss[0] as number).toFixed(4)}, acc ${trainAccuracy.toFixed(3)}`);
  }
  tf.dispose([xs, ys]);
  const base = tf.model({ inputs: input, outputs: features, name: EMOJI_BASE.name });
  return { base, trainAccuracy, count: rows.length };
}
