import * as tf from '@tensorflow/tfjs';
import { Tokenizer, padSequences } from 'tensor-dojo';
import type { Lab, TextLabData } from 'tensor-dojo';

/**
 * Three kinds of e-mail — tokenise and pad the texts as the statement says, then build,
 * compile and train a model with 3 softmax outputs and return it.
 * lab.data.train.texts: e-mails; lab.data.train.labels: 0 = easy ham, 1 = hard ham, 2 = spam
 * (train.ys: the same as a tensor fit takes).
 * Fixed settings: numWords 10000, oovToken '<OOV>', maxlen 200, padding and truncating 'post'.
 */
export default async function train(lab: Lab<TextLabData>): Promise<tf.LayersModel> {
  const { train, validation } = lab.data;

}
