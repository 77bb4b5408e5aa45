import * as tf from '@tensorflow/tfjs';
import { SeriesScaler, windowedDataset, windowTensors } from 'tensor-dojo';
import type { Lab, SeriesLabData } from 'tensor-dojo';

const WINDOW = 30;
const HORIZON = 7;

export default async function train(lab: Lab<SeriesLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  // Statistics from the training days only, exactly as the grader scales the test days.
  const scaler = new SeriesScaler({ method: 'minmax' }).fit(train.values);
  const trainN = scaler.transform(train.values);
  const validN = scaler.transform(validation.values);

  const ds = windowedDataset(trainN, { windowSize: WINDOW, horizon: HORIZON, batchSize: 32, shuffleBuffer: 1000, seed: lab.seed });
  const val = windowTensors(validN, { windowSize: WINDOW, horizon: HORIZON });

  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [WINDOW, 1] }),
      tf.layers.dense({ units: 64, activation: 'relu' }),
      tf.layers.dense({ units: HORIZON }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'meanAbsoluteError' });
  await model.fitDataset(ds, {
    epochs: 100,
    validationData: [val.xs, val.ys],
    callbacks: tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 15 }),
  });
  tf.dispose([val.xs, val.ys]);
  return model;
}
