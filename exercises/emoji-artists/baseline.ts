import * as tf from '@tensorflow/tfjs';
import { imagesToTensor } from 'tensor-dojo';
import type { ImageLabData, Lab } from 'tensor-dojo';

// A weak baseline: one tiny strided convolution straight into the output, one epoch. It should not pass.
export default async function train(lab: Lab<ImageLabData>): Promise<tf.LayersModel> {
  const { train } = lab.data;
  const xs = imagesToTensor(train.images, [32, 32], { scale: 1 / 255 });
  const ys = tf.oneHot(tf.tensor1d(train.labels, 'int32'), 4);
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [32, 32, 3], filters: 2, kernelSize: 3, strides: 4, activation: 'relu' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 4, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'categoricalCrossentropy' });
  await model.fit(xs, ys, { epochs: 1, batchSize: 32 });
  tf.dispose([xs, ys]);
  return model;
}
