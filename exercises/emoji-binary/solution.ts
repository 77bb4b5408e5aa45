import * as tf from '@tensorflow/tfjs';
import { augmentBatch, imagesToTensor } from 'tensor-dojo';
import type { ImageLabData, Lab } from 'tensor-dojo';

const SIZE = 64;
const EPOCHS = 20;

export default async function train(lab: Lab<ImageLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  // Resize and scale exactly as the grader does: bilinear to 64×64, pixels / 255.
  const xs = imagesToTensor(train.images, [SIZE, SIZE], { scale: 1 / 255 });
  const ys = tf.tensor2d(Float32Array.from(train.labels), [train.labels.length, 1]);
  const valXs = imagesToTensor(validation.images, [SIZE, SIZE], { scale: 1 / 255 });
  const valYs = tf.tensor2d(Float32Array.from(validation.labels), [validation.labels.length, 1]);

  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [SIZE, SIZE, 3], filters: 16, kernelSize: 3, activation: 'relu', padding: 'same' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', padding: 'same' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', padding: 'same' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dropout({ rate: 0.4 }),
      tf.layers.dense({ units: 64, activation: 'relu' }),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  // Few drawings per class: a fresh random flip / rotation / zoom / shift of every image each epoch.
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const augmented = augmentBatch(xs, { flip: 'horizontal', rotation: 0.05, zoom: 0.15, translation: 0.1, fillMode: 'nearest', seed: lab.seed + epoch });
    const h = await model.fit(augmented, ys, { epochs: 1, batchSize: 32, shuffle: true, validationData: [valXs, valYs] });
    augmented.dispose();
    lab.log(`epoch ${epoch + 1}: val_acc ${(h.history.val_acc[0] as number).toFixed(3)}`);
  }
  tf.dispose([xs, ys, valXs, valYs]);
  return model;
}
