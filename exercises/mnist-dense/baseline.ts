import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

// A weak baseline: no hidden layer (softmax regression), one epoch on a tenth of the data. It should not pass.
export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train } = lab.data;
  const model = tf.sequential({
    layers: [tf.layers.flatten({ inputShape: [28, 28] }), tf.layers.dense({ units: 10, activation: 'softmax' })],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  const n = 5000;
  const xs = train.xs.slice(0, n).div(255);
  const ys = tf.oneHot(train.ys.slice(0, n).toInt(), 10);
  await model.fit(xs, ys, { epochs: 1, batchSize: 32 });
  tf.dispose([xs, ys]);
  return model;
}
