import * as tf from '@tensorflow/tfjs';
import { SeriesScaler, windowedDataset, windowTensors } from 'tensor-dojo';
import type { Lab, SeriesLabData } from 'tensor-dojo';

/**
 * CO₂ forecast — difference the series (month-to-month changes), scale the changes
 * (min-max fitted on the training changes), window them (24 changes in, the next
 * change out), then build, compile and train a model and return it.
 * lab.data.train.values: monthly CO₂ in ppm, in time order.
 */
export default async function train(lab: Lab<SeriesLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  const changes = (values: Float32Array) => values.slice(1).map((v, i) => v - values[i]);

}
