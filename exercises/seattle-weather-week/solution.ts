import * as tf from '@tensorflow/tfjs';
import { SeriesScaler, windowedDataset } from 'tensor-dojo';
import type { Lab, SeriesLabData } from 'tensor-dojo';

const WINDOW = 30;
const HORIZON = 7;
const CHANNELS = 6;
const TEMP_MAX = 1;

export default async function train(lab: Lab<SeriesLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  // Per-channel statistics from the training days only, exactly as the grader scales the test days.
  const scaler = new SeriesScaler({ method: 'minmax', channels: CHANNELS }).fit(train.values);
  const trainN = scaler.transform(train.values);
  const validN = scaler.transform(validation.values);
  const windows = { windowSize: WINDOW, horizon: HORIZON, channels: CHANNELS, target: TEMP_MAX };
  // Validation days follow the training days directly: once the design is settled on
  // validation, training on both gives the model the most recent seasons before the test.
  const series = new Float32Array(trainN.length + validN.length);
  series.set(trainN);
  series.set(validN, trainN.length);
  const ds = windowedDataset(series, { ...windows, batchSize: 32, shuffleBuffer: 1000, seed: lab.seed });

  // Daily weather is noisy and there are only ~1,200 windows: one Dense layer on the flattened
  // window (seven weighted sums of the 180 inputs) beat the deeper networks we tried, which over-fit.
  const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [WINDOW, CHANNELS] }), tf.layers.dense({ units: HORIZON })] });
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError', metrics: ['mae'] });
  await model.fitDataset(ds, { epochs: 80 });
  // A gentler last phase lets the weights settle instead of jittering.
  model.compile({ optimizer: tf.train.adam(0.0003), loss: 'meanSquaredError', metrics: ['mae'] });
  await model.fitDataset(ds, { epochs: 20 });
  return model;
}
