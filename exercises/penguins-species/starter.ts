import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

/**
 * Palmer penguins — build a model with input [8] and 3 softmax outputs, train it and return it.
 * lab.data.train.xs: [n, 8] features (4 standardised measures, island one-hot, sex);
 * lab.data.train.ys: species ids 0 = Adelie, 1 = Chinstrap, 2 = Gentoo.
 */
export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
