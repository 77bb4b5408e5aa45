import * as tf from '@tensorflow/tfjs';
import { Tokenizer, padSequences } from 'tensor-dojo';
import type { Lab, TextLabData } from 'tensor-dojo';

const VOCAB = 10_000;
const MAXLEN = 200;

export default async function train(lab: Lab<TextLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;
  // Fit on the training texts only: the grader rebuilds this tokenizer the same way.
  const tokenizer = new Tokenizer({ numWords: VOCAB, oovToken: '<OOV>' });
  tokenizer.fitOnTexts(train.texts);
  // padSequences returns a tensor fit takes, as Keras' pad_sequences returns an array.
  const encode = (texts: string[]) => padSequences(tokenizer.textsToSequences(texts), { maxlen: MAXLEN, padding: 'post', truncating: 'post' });
  const xs = encode(train.texts);
  const ys = train.ys; // class ids 0, 1, 2 as a float32 tensor, as sparseCategoricalCrossentropy takes them
  const valXs = encode(validation.texts);
  const valYs = validation.ys;

  const model = tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: VOCAB, outputDim: 16, inputLength: MAXLEN }),
      tf.layers.globalAveragePooling1d(),
      tf.layers.dense({ units: 24, activation: 'relu' }),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  await model.fit(xs, ys, {
    epochs: 20,
    batchSize: 32,
    shuffle: true,
    validationData: [valXs, valYs],
    callbacks: tf.callbacks.earlyStopping({ monitor: 'val_acc', patience: 3 }),
  });
  tf.dispose([xs, ys, valXs, valYs]);
  return model;
}
