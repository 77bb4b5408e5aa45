import * as tf from '@tensorflow/tfjs';
import { SeriesScaler, windowedDataset } from 'tensor-dojo';
import type { Lab, SeriesLabData } from 'tensor-dojo';

/**
 * New York daily highs — scale with min-max fitted on train, window 30 days → the next day,
 * build a model with input [30, 1] and 1 linear output, train it and return it.
 * lab.data.train.values: daily maximum temperatures in °C, in time order.
 */
export default async function train(lab: Lab<SeriesLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
