import * as tf from '@tensorflow/tfjs';
import { Tokenizer, padSequences } from 'tensor-dojo';
import type { Lab, TextLabData } from 'tensor-dojo';

// A weak baseline: the right preprocessing, but a model trained for a single epoch
// at a tiny learning rate, so it barely leaves "everything is ham". It should not pass.
export default async function train(lab: Lab<TextLabData>): Promise<tf.LayersModel> {
  const { train } = lab.data;
  const tokenizer = new Tokenizer({ numWords: 10_000, oovToken: '<OOV>' });
  tokenizer.fitOnTexts(train.texts);
  const xs = padSequences(tokenizer.textsToSequences(train.texts), { maxlen: 200, padding: 'post', truncating: 'post' });
  const ys = train.ys;
  const model = tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: 10_000, outputDim: 4, inputLength: 200 }),
      tf.layers.globalAveragePooling1d(),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'sparseCategoricalCrossentropy' });
  await model.fit(xs, ys, { epochs: 1, batchSize: 64 });
  tf.dispose([xs, ys]);
  return model;
}
