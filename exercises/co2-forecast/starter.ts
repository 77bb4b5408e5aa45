import * as tf from '@tensorflow/tfjs';
import { SeriesScaler, windowedDataset, windowTensors } from 'tensor-dojo';
import type { Lab, SeriesLabData } from 'tensor-dojo';

/**
 * CO₂ forecast — scale the series (min-max fitted on train), window it
 * (24 months in, the next month out), then build, compile and train a model and return it.
 * lab.data.train.values: monthly CO₂ in ppm, in time order.
 */
export default async function train(lab: Lab<SeriesLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
