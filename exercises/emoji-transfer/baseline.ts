import * as tf from '@tensorflow/tfjs';
import { augmentBatch, imagesToTensor } from 'tensor-dojo';
import type { ImageLabData, Lab } from 'tensor-dojo';

// The same head on the same three conv blocks, but trained from scratch (no pretrained
// base), with the reference's epochs and augmentation: 60 drawings are too few. It should not pass.
const SIZE = 32;
const CLASSES = 5;
const EPOCHS = 55;

export default async function train(lab: Lab<ImageLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  const xs = imagesToTensor(train.images, [SIZE, SIZE], { scale: 1 / 255 });
  const ys = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES);
  const valXs = imagesToTensor(validation.images, [SIZE, SIZE], { scale: 1 / 255 });
  const valYs = tf.oneHot(tf.tensor1d(validation.labels, 'int32'), CLASSES);
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [SIZE, SIZE, 3], filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 32, kernelSize: 3, padding: 'same', activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, padding: 'same', activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.globalAveragePooling2d({}),
      tf.layers.dropout({ rate: 0.3 }),
      tf.layers.dense({ units: CLASSES, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const batch = augmentBatch(xs, { flip: 'horizontal', translation: 0.05, fillMode: 'nearest', seed: lab.seed + epoch });
    const h = await model.fit(batch, ys, { epochs: 1, batchSize: 16, shuffle: true, validationData: [valXs, valYs] });
    batch.dispose();
    if ((epoch + 1) % 5 === 0) lab.log(`epoch ${epoch + 1}: val_acc ${(h.history.val_acc[0] as number).toFixed(3)}`);
  }
  tf.dispose([xs, ys, valXs, valYs]);
  return model;
}
