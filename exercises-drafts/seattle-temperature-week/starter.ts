import * as tf from '@tensorflow/tfjs';
import { SeriesScaler, windowedDataset, windowTensors } from 'tensor-dojo';
import type { Lab, SeriesLabData } from 'tensor-dojo';

/**
 * Seattle week — scale the daily maximum temperatures (min-max fitted on train),
 * window them (30 days in, the next 7 days out), then build, compile and train a
 * model with input [30, 1] and 7 linear outputs, and return it.
 * lab.data.train.values: daily maximum temperature in °C, in time order.
 */
export default async function train(lab: Lab<SeriesLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
