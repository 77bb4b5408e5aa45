import * as tf from '@tensorflow/tfjs';
import { augmentBatch, imagesToTensor } from 'tensor-dojo';
import type { ImageLabData, Lab } from 'tensor-dojo';

const SIZE = 32;
const CLASSES = 5;
const HEAD_EPOCHS = 40;
const FINE_TUNE_EPOCHS = 15;

export default async function train(lab: Lab<ImageLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  // The base was trained on 32×32 pixels in [0, 1]: feed it exactly that.
  const xs = imagesToTensor(train.images, [SIZE, SIZE], { scale: 1 / 255 });
  const ys = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES);
  const valXs = imagesToTensor(validation.images, [SIZE, SIZE], { scale: 1 / 255 });
  const valYs = tf.oneHot(tf.tensor1d(validation.labels, 'int32'), CLASSES);

  // 1. Feature extraction: the pretrained base, frozen, with a new head on its feature map.
  const base = await lab.pretrained('emoji-base');
  base.trainable = false;
  let x = tf.layers.globalAveragePooling2d({}).apply(base.outputs[0]) as tf.SymbolicTensor;
  x = tf.layers.dropout({ rate: 0.3 }).apply(x) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: CLASSES, activation: 'softmax' }).apply(x) as tf.SymbolicTensor;
  const model = tf.model({ inputs: base.inputs, outputs: out });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  await fitAugmented(model, xs, ys, valXs, valYs, HEAD_EPOCHS, lab, 0);

  // 2. Fine-tuning: unfreeze only the top block, recompile (trainable changes take effect
  // at compile) and go on with a small learning rate so the pretrained filters move little.
  model.getLayer('block3_conv').trainable = true;
  model.compile({ optimizer: tf.train.adam(0.0005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  await fitAugmented(model, xs, ys, valXs, valYs, FINE_TUNE_EPOCHS, lab, HEAD_EPOCHS);

  tf.dispose([xs, ys, valXs, valYs]);
  return model;
}

/** 60 drawings are few: a new flip and small shift of every image each epoch. */
async function fitAugmented(
  model: tf.LayersModel,
  xs: tf.Tensor4D,
  ys: tf.Tensor,
  valXs: tf.Tensor,
  valYs: tf.Tensor,
  epochs: number,
  lab: Lab<ImageLabData>,
  first: number,
): Promise<void> {
  for (let epoch = first; epoch < first + epochs; epoch++) {
    const batch = augmentBatch(xs, { flip: 'horizontal', translation: 0.05, fillMode: 'nearest', seed: lab.seed + epoch });
    const h = await model.fit(batch, ys, { epochs: 1, batchSize: 16, shuffle: true, validationData: [valXs, valYs] });
    batch.dispose();
    if ((epoch + 1) % 5 === 0) lab.log(`epoch ${epoch + 1}: val_acc ${(h.history.val_acc[0] as number).toFixed(3)}`);
  }
}
