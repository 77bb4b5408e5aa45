import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [13], units: 64, activation: 'relu' }),
      tf.layers.dense({ units: 64, activation: 'relu' }),
      tf.layers.dense({ units: 1 }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'meanSquaredError', metrics: ['mae'] });
  await model.fit(train.xs, train.ys, {
    epochs: 400,
    batchSize: 16,
    validationData: [validation.xs, validation.ys],
    callbacks: tf.callbacks.earlyStopping({ monitor: 'val_mae', patience: 40 }),
  });
  return model;
}
