import * as tf from '@tensorflow/tfjs';
import { SeriesScaler, windowTensors } from 'tensor-dojo';
import type { Lab, SeriesLabData } from 'tensor-dojo';

// A weak baseline: the right windows, but one linear layer trained for two epochs. It should not pass.
export default async function train(lab: Lab<SeriesLabData>): Promise<tf.LayersModel> {
  const scaler = new SeriesScaler({ method: 'minmax' }).fit(lab.data.train.values);
  const { xs, ys } = windowTensors(scaler.transform(lab.data.train.values), { windowSize: 30, horizon: 7 });
  const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [30, 1] }), tf.layers.dense({ units: 7 })] });
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
  await model.fit(xs, ys, { epochs: 2, batchSize: 32 });
  tf.dispose([xs, ys]);
  return model;
}
