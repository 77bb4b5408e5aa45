import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

/**
 * Boston housing — build, compile and train a regression model, then return it.
 * lab.data.train.xs: [rows, 13] standardised features; lab.data.train.ys: [rows, 1] median value in $1000s.
 */
export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
