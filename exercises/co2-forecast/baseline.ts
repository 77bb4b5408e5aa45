import * as tf from '@tensorflow/tfjs';
import { SeriesScaler, windowTensors } from 'tensor-dojo';
import type { Lab, SeriesLabData } from 'tensor-dojo';

// A weak baseline: the right changes and windows, but one linear unit trained for two epochs. It should not pass.
export default async function train(lab: Lab<SeriesLabData>): Promise<tf.LayersModel> {
  const values = lab.data.train.values;
  const changes = values.slice(1).map((v, i) => v - values[i]);
  const scaler = new SeriesScaler({ method: 'minmax' }).fit(changes);
  const { xs, ys } = windowTensors(scaler.transform(changes), { windowSize: 24 });
  const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [24, 1] }), tf.layers.dense({ units: 1 })] });
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
  await model.fit(xs, ys, { epochs: 2, batchSize: 32 });
  tf.dispose([xs, ys]);
  return model;
}
