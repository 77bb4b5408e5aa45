import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [8], units: 16, activation: 'relu' }),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
  // Class ids 0, 1, 2 as they come: sparse categorical cross-entropy takes them without one-hot.
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const h = await model.fit(train.xs, train.ys, { epochs: 60, batchSize: 16, validationData: [validation.xs, validation.ys], verbose: 0 });
  lab.log(`val_acc after ${h.epoch.length} epochs: ${(h.history.val_acc.at(-1) as number).toFixed(3)}`);
  return model;
}
