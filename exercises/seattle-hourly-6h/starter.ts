import * as tf from '@tensorflow/tfjs';
import { SeriesScaler, windowedDataset, windowTensors } from 'tensor-dojo';
import type { Lab, SeriesLabData } from 'tensor-dojo';

/**
 * Seattle hourly temperature — scale the series (min-max fitted on train), window it
 * (24 hours in, the next 6 hours out), then build a model with input [24, 1] and a
 * 6-unit linear output, compile and train it, and return it.
 * lab.data.train.values: hourly temperature in °C, in time order.
 */
export default async function train(lab: Lab<SeriesLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
