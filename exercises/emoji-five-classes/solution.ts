import * as tf from '@tensorflow/tfjs';
import { augmentBatch, imagesToTensor } from 'tensor-dojo';
import type { ImageLabData, Lab } from 'tensor-dojo';

const SIZE = 64;
const CLASSES = 5;
const EPOCHS = 20;

export default async function train(lab: Lab<ImageLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  // Resize and scale exactly as the grader does: bilinear to 64×64, pixels / 255.
  const xs = imagesToTensor(train.images, [SIZE, SIZE], { scale: 1 / 255 });
  const ys = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES);
  const valXs = imagesToTensor(validation.images, [SIZE, SIZE], { scale: 1 / 255 });
  const valYs = tf.oneHot(tf.tensor1d(validation.labels, 'int32'), CLASSES);

  const model = tf.sequential({
    layers: [
      // A strided first convolution keeps training fast on a CPU without losing the 64×64 input.
      tf.layers.conv2d({ inputShape: [SIZE, SIZE, 3], filters: 16, kernelSize: 3, strides: 2, activation: 'relu', padding: 'same' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', padding: 'same' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', padding: 'same' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dropout({ rate: 0.4 }),
      tf.layers.dense({ units: 64, activation: 'relu' }),
      tf.layers.dense({ units: CLASSES, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  // Few drawings per class and unseen emoji at test time: a new flip, zoom and shift of every
  // image each epoch, the whole training set in one call. Emoji are drawn upright and centred,
  // so the augmentation stays mild (rotations and 15 % zooms did no better in our runs).
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const batch = augmentBatch(xs, { flip: 'horizontal', zoom: 0.05, translation: 0.05, fillMode: 'nearest', seed: lab.seed + epoch });
    const h = await model.fit(batch, ys, { epochs: 1, batchSize: 32, shuffle: true, validationData: [valXs, valYs] });
    batch.dispose();
    lab.log(`epoch ${epoch + 1}: val_acc ${(h.history.val_acc[0] as number).toFixed(3)}`);
  }
  tf.dispose([xs, ys, valXs, valYs]);
  return model;
}
