import * as tf from '@tensorflow/tfjs';
import { imagesToTensor } from 'tensor-dojo';
import type { ImageLabData, Lab } from 'tensor-dojo';

// A weak baseline: one tiny convolution straight into the output, one epoch, no augmentation. It should not pass.
export default async function train(lab: Lab<ImageLabData>): Promise<tf.LayersModel> {
  const { train } = lab.data;
  const xs = imagesToTensor(train.images, [64, 64], { scale: 1 / 255 });
  const ys = tf.tensor2d(Float32Array.from(train.labels), [train.labels.length, 1]);
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [64, 64, 3], filters: 2, kernelSize: 3, strides: 4, activation: 'relu' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'binaryCrossentropy' });
  await model.fit(xs, ys, { epochs: 1, batchSize: 32 });
  tf.dispose([xs, ys]);
  return model;
}
