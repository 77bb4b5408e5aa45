import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

/**
 * One neuron — build a model of a single Dense unit (input shape [1]), compile and
 * train it so that mpg ≈ w · weight + b, then return it.
 * lab.data.train.xs: [rows, 1] car weight in thousands of pounds; lab.data.train.ys: [rows, 1] mpg.
 */
export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
