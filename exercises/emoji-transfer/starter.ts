import * as tf from '@tensorflow/tfjs';
import { augmentBatch, imagesToTensor } from 'tensor-dojo';
import type { ImageLabData, Lab } from 'tensor-dojo';

/**
 * Transfer learning — load the pretrained base with `await lab.pretrained('emoji-base')`
 * (input [32, 32, 3], pixels in [0, 1]; output a 4×4×64 feature map), freeze it,
 * add a new head ending in 5 softmax units, train, fine-tune the top block, return the model.
 * lab.data.train.images: 60 RGB images of varied sizes (12 per class); lab.data.train.labels:
 * 0 = animal, 1 = person, 2 = face, 3 = food-drink, 4 = transport.
 */
export default async function train(lab: Lab<ImageLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
