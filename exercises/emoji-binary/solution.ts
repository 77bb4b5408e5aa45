import * as tf from '@tensorflow/tfjs';
import { augmentBatch, imagesToTensor } from 'tensor-dojo';
import type { ImageLabData, Lab } from 'tensor-dojo';

const SIZE = 64;
const EPOCHS = 15;
const CHUNK = 32;

/** A fresh random flip / rotation / zoom / shift of every image, a batch-sized chunk at a time. */
function augmented(xs: tf.Tensor4D, seed: number): tf.Tensor4D {
  const parts: tf.Tensor4D[] = [];
  for (let start = 0; start < xs.shape[0]; start += CHUNK) {
    const chunk = xs.slice(start, Math.min(CHUNK, xs.shape[0] - start));
    parts.push(augmentBatch(chunk, { flip: 'horizontal', rotation: 0.05, zoom: 0.15, translation: 0.1, fillMode: 'nearest', seed: seed + start }));
    chunk.dispose();
  }
  const out = tf.concat(parts, 0);
  tf.dispose(parts);
  return out;
}

export default async function train(lab: Lab<ImageLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  // Resize and scale exactly as the grader does: bilinear to 64×64, pixels / 255.
  const xs = imagesToTensor(train.images, [SIZE, SIZE], { scale: 1 / 255 });
  const ys = tf.tensor2d(Float32Array.from(train.labels), [train.labels.length, 1]);
  const valXs = imagesToTensor(validation.images, [SIZE, SIZE], { scale: 1 / 255 });
  const valYs = tf.tensor2d(Float32Array.from(validation.labels), [validation.labels.length, 1]);

  const model = tf.sequential({
    layers: [
      // A strided first convolution keeps training fast on a CPU without losing the 64×64 input.
      tf.layers.conv2d({ inputShape: [SIZE, SIZE, 3], filters: 16, kernelSize: 3, strides: 2, activation: 'relu', padding: 'same' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', padding: 'same' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', padding: 'same' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dropout({ rate: 0.4 }),
      tf.layers.dense({ units: 32, activation: 'relu' }),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  // Few drawings per class and unseen emoji at test time: new augmentations every epoch.
  // Validation accuracy swings by several points from one epoch to the next, so the
  // weights of the best epoch are kept (Keras: ModelCheckpoint(save_best_only=True)),
  // not the last epoch's.
  let bestAcc = -1;
  let bestWeights: tf.Tensor[] = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const batch = augmented(xs, lab.seed + 1000 * epoch);
    const h = await model.fit(batch, ys, { epochs: 1, batchSize: 32, shuffle: true, validationData: [valXs, valYs] });
    batch.dispose();
    const acc = h.history.val_acc[0] as number;
    if (acc >= bestAcc) {
      bestAcc = acc;
      tf.dispose(bestWeights);
      bestWeights = model.getWeights().map((w) => w.clone());
    }
    lab.log(`epoch ${epoch + 1}: val_acc ${acc.toFixed(3)}`);
  }
  model.setWeights(bestWeights);
  tf.dispose([...bestWeights, xs, ys, valXs, valYs]);
  return model;
}
