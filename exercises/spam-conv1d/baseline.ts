import * as tf from '@tensorflow/tfjs';
import { Tokenizer, padSequences } from 'tensor-dojo';
import type { Lab, TextLabData } from 'tensor-dojo';

// A weak baseline: the right preprocessing and a Conv1D, but one epoch of plain SGD. It should not pass.
export default async function train(lab: Lab<TextLabData>): Promise<tf.LayersModel> {
  const { train } = lab.data;
  const tokenizer = new Tokenizer({ numWords: 5_000, oovToken: '<OOV>' });
  tokenizer.fitOnTexts(train.texts);
  const xs = padSequences(tokenizer.textsToSequences(train.texts), { maxlen: 120, padding: 'pre', truncating: 'post' });
  const ys = train.ys;
  const model = tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: 5_000, outputDim: 4, inputLength: 120 }),
      tf.layers.conv1d({ filters: 2, kernelSize: 3 }),
      tf.layers.globalAveragePooling1d(),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'binaryCrossentropy' });
  await model.fit(xs, ys, { epochs: 1, batchSize: 64 });
  tf.dispose([xs, ys]);
  return model;
}
