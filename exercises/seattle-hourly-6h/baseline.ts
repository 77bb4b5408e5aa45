import * as tf from '@tensorflow/tfjs';
import { SeriesScaler, windowTensors } from 'tensor-dojo';
import type { Lab, SeriesLabData } from 'tensor-dojo';

// A weak baseline: the right windows, but one linear layer trained for one epoch of plain SGD. It should not pass.
export default async function train(lab: Lab<SeriesLabData>): Promise<tf.LayersModel> {
  const scaler = new SeriesScaler({ method: 'minmax' }).fit(lab.data.train.values);
  const { xs, ys } = windowTensors(scaler.transform(lab.data.train.values), { windowSize: 24, horizon: 6 });
  const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [24, 1] }), tf.layers.dense({ units: 6 })] });
  model.compile({ optimizer: tf.train.sgd(0.001), loss: 'meanSquaredError' });
  await model.fit(xs, ys, { epochs: 1, batchSize: 64 });
  tf.dispose([xs, ys]);
  return model;
}
