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
  // padSequences returns a tensor fit takes, as Keras' pad_sequences returns an array.
  const encode = (texts: string[]) => padSequences(tokenizer.textsToSequences(texts), { maxlen: MAXLEN, padding: 'pre', truncating: 'post' });
  const xs = encode(train.texts);
  const ys = train.ys; // class ids as a float32 tensor, as binaryCrossentropy takes them
  const valXs = encode(validation.texts);
  const valYs = validation.ys;

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
