import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

/**
 * MNIST digits — build, compile and train a dense network, then return it.
 * lab.data.train.xs: [rows, 28, 28] pixels 0–255; lab.data.train.ys: [rows] class ids 0–9.
 * The grader feeds pixels scaled to [0, 1].
 */
export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
