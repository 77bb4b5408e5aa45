import * as tf from '@tensorflow/tfjs';
import { SeriesScaler, windowedDataset, windowTensors } from 'tensor-dojo';
import type { Lab, SeriesLabData } from 'tensor-dojo';

/**
 * Seattle weather — scale all 6 channels (min-max per channel, fitted on train), window
 * them (30 days in, the next 7 days of temp_max out), then build a model with input
 * [30, 6] and a 7-unit linear output, compile and train it, and return it.
 * lab.data.train.values: [days, 6] row-major — precipitation, temp_max, temp_min, wind,
 * sin and cos of the day of the year.
 */
export default async function train(lab: Lab<SeriesLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
