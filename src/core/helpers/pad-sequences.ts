/**
 * `padSequences`, a port of Keras' `pad_sequences`
 * (`tf.keras.preprocessing.sequence.pad_sequences` / `keras.utils.pad_sequences`).
 *
 * Keras returns a numpy array that `model.fit` takes as it is; here the same call
 * returns a `tf.Tensor2D`, which is what tfjs' `fit` takes. The plain-arrays form
 * is `padSequencesArrays`.
 */
import * as tf from '@tensorflow/tfjs';
import { noticeOldApi } from './deprecation';
import { padSequencesArrays, type PadSequencesOptions } from './pad-sequences-arrays';

export { padSequencesArrays, type PadSequencesOptions, type PaddedSequences, type PadSide } from './pad-sequences-arrays';

/**
 * The padded tensor. Before the lab followed Keras here, `padSequences` returned
 * `{ values, shape }`; drafts and share links written then read `.values` (and
 * `.shape`, which a tensor has too), so `.values` still answers, with a notice.
 */
export type PaddedTensor<V extends Int32Array | Float32Array = Int32Array> = tf.Tensor2D & {
  /** @deprecated `padSequences` returns a tensor now: pass it to `fit` as it is, or use `padSequencesArrays` for `{ values, shape }`. */
  readonly values: V;
};

const VALUES_NOTICE =
  "padSequences now returns a tensor, as Keras' pad_sequences returns an array fit takes: pass it to fit as it is " +
  '(`.values` still works for older code; padSequencesArrays gives { values, shape }).';

/**
 * Pads (and truncates) sequences to one common length exactly like Keras'
 * `pad_sequences` (zeros in front and long sequences cut at the front by
 * default), into a `tf.Tensor2D` of shape `[n, maxlen]`, `'int32'` by default as
 * Keras, ready for an `embedding` layer and for `model.fit`.
 *
 * @example
 * ```ts
 * const xs = padSequences(tokenizer.textsToSequences(texts), { maxlen: 120, truncating: 'post' });
 * xs.shape; // [texts.length, 120]
 * await model.fit(xs, ys, { epochs: 10 });
 * ```
 */
export function padSequences(sequences: readonly ArrayLike<number>[], options?: PadSequencesOptions & { dtype?: 'int32' }): PaddedTensor<Int32Array>;
export function padSequences(sequences: readonly ArrayLike<number>[], options: PadSequencesOptions & { dtype: 'float32' }): PaddedTensor<Float32Array>;
export function padSequences(sequences: readonly ArrayLike<number>[], options: PadSequencesOptions = {}): PaddedTensor<Int32Array> | PaddedTensor<Float32Array> {
  const { values, shape } =
    options.dtype === 'float32'
      ? padSequencesArrays(sequences, { ...options, dtype: 'float32' })
      : padSequencesArrays(sequences, { ...options, dtype: 'int32' });
  const tensor = tf.tensor2d(values, shape, options.dtype === 'float32' ? 'float32' : 'int32');
  // On this instance only, not on tf.Tensor: old code's `tf.tensor2d(p.values, p.shape)` keeps running.
  Object.defineProperty(tensor, 'values', {
    get() {
      noticeOldApi(VALUES_NOTICE);
      return values;
    },
    enumerable: false,
  });
  return tensor as PaddedTensor<Int32Array> | PaddedTensor<Float32Array>;
}

/** The same as {@link padSequences}; the name from before `padSequences` returned a tensor. */
export const padSequencesTensor = padSequences;
