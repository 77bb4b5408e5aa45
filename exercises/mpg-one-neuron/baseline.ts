import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

// A weak baseline: the right neuron, but five epochs of slow SGD leave it far from the fit. It should not pass.
export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train } = lab.data;
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
  model.compile({ optimizer: tf.train.sgd(0.001), loss: 'meanSquaredError' });
  await model.fit(train.xs, train.ys, { epochs: 5, batchSize: 32 });
  return model;
}
