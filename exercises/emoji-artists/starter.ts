import * as tf from '@tensorflow/tfjs';
import { augmentBatch, imagesToTensor } from 'tensor-dojo';
import type { ImageLabData, Lab } from 'tensor-dojo';

/**
 * Who drew it — resize the images to 32×32, scale pixels to [0, 1], build a CNN
 * (input [32, 32, 3], 4 softmax outputs), train it and return it.
 * lab.data.train.labels: 0 = Noto (Google), 1 = Twemoji (Twitter), 2 = OpenMoji, 3 = Fluent (Microsoft).
 */
export default async function train(lab: Lab<ImageLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
