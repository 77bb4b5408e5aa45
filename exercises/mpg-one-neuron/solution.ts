import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
  // The answer is far from the initial weights (b ≈ 45 mpg): a brisk learning rate first…
  model.compile({ optimizer: tf.train.adam(0.5), loss: 'meanAbsoluteError' });
  await model.fit(train.xs, train.ys, { epochs: 150, batchSize: 32, shuffle: true, validationData: [validation.xs, validation.ys] });
  // …then a small one so w and b settle instead of jittering around the best fit.
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanAbsoluteError' });
  const h = await model.fit(train.xs, train.ys, { epochs: 100, batchSize: 32, shuffle: true, validationData: [validation.xs, validation.ys] });
  const [w, b] = model.getWeights().map((t) => t.dataSync()[0]);
  lab.log(`mpg ≈ ${w.toFixed(2)} · weight + ${b.toFixed(2)}; val MAE ${(h.history.val_loss.at(-1) as number).toFixed(2)}`);
  return model;
}
