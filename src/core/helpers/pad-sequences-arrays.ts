/**
 * `padSequencesArrays`, Keras' `pad_sequences` on plain typed arrays. Kept free of
 * tfjs so the app's main thread (drill splits) can use it without loading tfjs;
 * learners' `padSequences`, which returns a tensor as Keras returns an array that
 * `fit` takes, is in pad-sequences.ts.
 */
/** Where padding or truncation happens: at the start (`'pre'`) or the end (`'post'`). */
export type PadSide = 'pre' | 'post';

/** Options of {@link padSequencesArrays}; names and defaults as in Keras. */
export interface PadSequencesOptions {
  /** Output length. Default: the length of the longest sequence. */
  maxlen?: number | null;
  /** Pad at the start (`'pre'`, default, as Keras) or at the end (`'post'`). */
  padding?: PadSide;
  /** Cut long sequences at the start (`'pre'`, default, keeps the last `maxlen`) or the end (`'post'`). */
  truncating?: PadSide;
  /** The padding value. Default `0`. With `dtype: 'int32'` it is truncated toward zero, as numpy does. */
  value?: number;
  /** Element type of the result. Default `'int32'`, as Keras. */
  dtype?: 'int32' | 'float32';
}

/** Padded sequences as one row-major block: `values.length === shape[0] * shape[1]`. */
export interface PaddedSequences<V extends Int32Array | Float32Array = Int32Array> {
  values: V;
  /** `[numberOfSequences, maxlen]`. */
  shape: [number, number];
}

/**
 * Pads (and truncates) sequences to one common length, exactly like Keras'
 * `pad_sequences`: by default zeros go in front and long sequences lose their
 * first elements, so the most recent tokens are kept next to the model's end.
 *
 * Deviations from Keras, only where Keras fails: an empty list gives shape
 * `[0, maxlen ?? 0]` (numpy raises), and `maxlen: 0` gives empty rows
 * (Keras raises with `truncating: 'pre'`).
 *
 * @param sequences Lists of numbers (e.g. from `tokenizer.textsToSequences`); may differ in length.
 * @returns `{ values, shape: [n, maxlen] }`, `values` an `Int32Array` (or `Float32Array` with `dtype: 'float32'`).
 * @example
 * ```ts
 * padSequencesArrays([[1], [2, 3], [4, 5, 6]]);
 * // values [0,0,1, 0,2,3, 4,5,6], shape [3, 3]
 * padSequencesArrays([[1], [2, 3], [4, 5, 6]], { padding: 'post', maxlen: 2 });
 * // values [1,0, 2,3, 5,6], shape [3, 2]
 * ```
 */
export function padSequencesArrays(
  sequences: readonly ArrayLike<number>[],
  options?: PadSequencesOptions & { dtype?: 'int32' },
): PaddedSequences<Int32Array>;
export function padSequencesArrays(
  sequences: readonly ArrayLike<number>[],
  options: PadSequencesOptions & { dtype: 'float32' },
): PaddedSequences<Float32Array>;
export function padSequencesArrays(
  sequences: readonly ArrayLike<number>[],
  options: PadSequencesOptions = {},
): PaddedSequences<Int32Array> | PaddedSequences<Float32Array> {
  if (!Array.isArray(sequences)) throw new Error('padSequences expects an array of sequences (arrays of numbers).');
  const padding = options.padding ?? 'pre';
  const truncating = options.truncating ?? 'pre';
  if (padding !== 'pre' && padding !== 'post') {
    throw new Error(`padSequences: padding type "${String(padding)}" not understood (use 'pre' or 'post').`);
  }
  if (truncating !== 'pre' && truncating !== 'post') {
    throw new Error(`padSequences: truncating type "${String(truncating)}" not understood (use 'pre' or 'post').`);
  }
  sequences.forEach((s, i) => {
    if (s == null || typeof s !== 'object' || typeof s.length !== 'number') {
      throw new Error(`padSequences: sequence ${i} is not an array of numbers (got ${JSON.stringify(s)}).`);
    }
  });
  let maxlen = options.maxlen ?? null;
  if (maxlen === null) {
    maxlen = 0;
    for (const s of sequences) maxlen = Math.max(maxlen, s.length);
  } else if (!Number.isInteger(maxlen) || maxlen < 0) {
    throw new Error(`padSequences: maxlen must be a non-negative integer, got ${maxlen}.`);
  }
  const n = sequences.length;
  const values = options.dtype === 'float32' ? new Float32Array(n * maxlen) : new Int32Array(n * maxlen);
  values.fill(options.value ?? 0);
  for (let i = 0; i < n; i++) {
    const s = sequences[i];
    const kept = Math.min(s.length, maxlen);
    if (kept === 0) continue;
    const from = truncating === 'pre' ? s.length - kept : 0;
    const to = i * maxlen + (padding === 'pre' ? maxlen - kept : 0);
    for (let k = 0; k < kept; k++) values[to + k] = s[from + k];
  }
  return { values, shape: [n, maxlen] } as PaddedSequences<Int32Array> | PaddedSequences<Float32Array>;
}
