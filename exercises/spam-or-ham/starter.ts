import * as tf from '@tensorflow/tfjs';
import { Tokenizer, padSequences } from 'tensor-dojo';
import type { Lab, TextLabData } from 'tensor-dojo';

/**
 * Spam or ham — tokenise and pad the texts as the statement says, then build,
 * compile and train a model and return it.
 * lab.data.train.texts: e-mails; lab.data.train.labels: 0 = ham, 1 = spam (train.ys: the same as a tensor fit takes).
 * padSequences returns a tensor fit takes, as Keras' pad_sequences.
 * Fixed settings: numWords 10000, oovToken '<OOV>', maxlen 200, padding and truncating 'post'.
 */
export default async function train(lab: Lab<TextLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
