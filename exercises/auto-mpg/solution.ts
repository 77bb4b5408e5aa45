import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [9], units: 64, activation: 'relu' }),
      tf.layers.dense({ units: 64, activation: 'relu' }),
      tf.layers.dense({ units: 1 }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanAbsoluteError' });
  await model.fit(train.xs, train.ys, {
    epochs: 200,
    batchSize: 32,
    validationData: [validation.xs, validation.ys],
    callbacks: tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 15 }),
  });
  return model;
}
