import * as tf from '@tensorflow/tfjs';
import { augmentBatch, imagesToTensor } from 'tensor-dojo';
import type { ImageLabData, Lab } from 'tensor-dojo';

/**
 * Five kinds of emoji — resize the images to 64×64, scale pixels to [0, 1], build a CNN
 * (input [64, 64, 3], 5 softmax outputs), train it with augmentation and return it.
 * lab.data.train.images: RGB images of varied sizes; lab.data.train.labels:
 * 0 = animal, 1 = person, 2 = face, 3 = food-drink, 4 = transport.
 */
export default async function train(lab: Lab<ImageLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
