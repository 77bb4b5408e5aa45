import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

/**
 * Auto MPG — build, compile and train a model, then return it.
 * lab.data.train.xs: [rows, 9] standardised features; lab.data.train.ys: [rows, 1] mpg.
 */
export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
