import * as tf from '@tensorflow/tfjs';
import { Tokenizer, padSequences } from 'tensor-dojo';
import type { Lab, TextLabData } from 'tensor-dojo';

const VOCAB = 2_000;
const MAXLEN = 50;

export default async function train(lab: Lab<TextLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  // Fit on the training texts only: the grader rebuilds this tokenizer the same way.
  const tokenizer = new Tokenizer({ numWords: VOCAB, oovToken: '<OOV>' });
  tokenizer.fitOnTexts(train.texts);
  const encode = (texts: string[]) => {
    const padded = padSequences(tokenizer.textsToSequences(texts), { maxlen: MAXLEN, padding: 'pre', truncating: 'post' });
    return tf.tensor2d(padded.values, padded.shape, 'float32');
  };
  const xs = encode(train.texts);
  const ys = tf.tensor2d(Float32Array.from(train.labels), [train.labels.length, 1]);
  const valXs = encode(validation.texts);
  const valYs = tf.tensor2d(Float32Array.from(validation.labels), [validation.labels.length, 1]);

  const model = tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: VOCAB, outputDim: 32, inputLength: MAXLEN }),
      // Zeros are padded in front ('pre'), so the LSTM's last state comes right after the real words.
      tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 16 }) as tf.RNN, mergeMode: 'concat' }),
      tf.layers.dropout({ rate: 0.3 }),
      tf.layers.dense({ units: 16, activation: 'relu' }),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  await model.fit(xs, ys, {
    epochs: 6,
    batchSize: 64,
    shuffle: true,
    validationData: [valXs, valYs],
    callbacks: tf.callbacks.earlyStopping({ monitor: 'val_acc', patience: 2 }),
  });
  tf.dispose([xs, ys, valXs, valYs]);
  return model;
}
