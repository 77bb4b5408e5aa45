import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

// A weak baseline: one linear unit, barely trained. It should not pass.
export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [13], units: 1 })] });
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanAbsoluteError' });
  await model.fit(lab.data.train.xs, lab.data.train.ys, { epochs: 5, batchSize: 32 });
  return model;
}
