import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

// A weak baseline: one tiny strided convolution into the output, one epoch on 2,000 images. It should not pass.
export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train } = lab.data;
  const n = 2000;
  const xs = train.xs.slice(0, n).div(255);
  const ys = tf.oneHot(train.ys.slice(0, n).toInt(), 10);
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 4, kernelSize: 3, strides: 3, activation: 'relu' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(0.05), loss: 'categoricalCrossentropy' });
  await model.fit(xs, ys, { epochs: 1, batchSize: 32 });
  tf.dispose([xs, ys]);
  return model;
}
