import * as tf from '@tensorflow/tfjs';
import { SeriesScaler, windowedDataset } from 'tensor-dojo';
import type { Lab, SeriesLabData } from 'tensor-dojo';

// A weak baseline: one neuron on the window, three epochs of SGD. It should not pass.
export default async function train(lab: Lab<SeriesLabData>): Promise<tf.LayersModel> {
  const scaler = new SeriesScaler({ method: 'minmax' }).fit(lab.data.train.values);
  const ds = windowedDataset(scaler.transform(lab.data.train.values), { windowSize: 30, batchSize: 32 });
  const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [30, 1] }), tf.layers.dense({ units: 1 })] });
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
  await model.fitDataset(ds, { epochs: 3 });
  return model;
}
