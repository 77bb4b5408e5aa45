/**
 * `padSequences`, a port of Keras' `pad_sequences`
 * (`tf.keras.preprocessing.sequence.pad_sequences` / `keras.utils.pad_sequences`).
 */
import * as tf from '@tensorflow/tfjs';
import { padSequences, type PadSequencesOptions } from './pad-sequences-arrays';

export * from './pad-sequences-arrays';

/**
 * {@link padSequences} straight into a `tf.Tensor2D` of shape `[n, maxlen]`
 * (dtype `'int32'` by default), ready for an `embedding` layer.
 *
 * @example
 * ```ts
 * const xs = padSequencesTensor(tokenizer.textsToSequences(texts), { maxlen: 120, truncating: 'post' });
 * xs.shape; // [texts.length, 120]
 * ```
 */
export function padSequencesTensor(sequences: readonly ArrayLike<number>[], options: PadSequencesOptions = {}): tf.Tensor2D {
  if (options.dtype === 'float32') {
    const { values, shape } = padSequences(sequences, { ...options, dtype: 'float32' });
    return tf.tensor2d(values, shape, 'float32');
  }
  const { values, shape } = padSequences(sequences, { ...options, dtype: 'int32' });
  return tf.tensor2d(values, shape, 'int32');
}
