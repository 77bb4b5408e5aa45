import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

// A weak baseline: one softmax layer, plain SGD with a tiny learning rate, two epochs. It should not pass.
export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train } = lab.data;
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [8], units: 3, activation: 'softmax' })] });
  model.compile({ optimizer: tf.train.sgd(0.005), loss: 'sparseCategoricalCrossentropy' });
  await model.fit(train.xs, train.ys, { epochs: 2, batchSize: 32 });
  return model;
}
