import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { setOldApiSink } from '../../../src/core/helpers/deprecation';
import { padSequences, padSequencesArrays, padSequencesTensor } from '../../../src/core/helpers/pad-sequences';
import { createRng } from '../../../src/core/helpers/random';

/** Rows of a padded block, for readable comparisons with numpy output. */
function rows(p: { values: ArrayLike<number>; shape: [number, number] }): number[][] {
  const [n, m] = p.shape;
  return Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => p.values[i * m + j]));
}

// The Keras docstring example: sequence = [[1], [2, 3], [4, 5, 6]]
const DOC = [[1], [2, 3], [4, 5, 6]];
// The course example: sequences of FOUR sentences from the tokenizer test.
const COURSE = [
  [5, 3, 2, 4],
  [5, 3, 2, 7],
  [6, 3, 2, 4],
  [8, 6, 9, 2, 4, 10, 11],
];

describe('padSequencesArrays (keras pad_sequences on arrays)', () => {
  it('pads at the front to the longest sequence by default', () => {
    // pad_sequences(sequence) -> [[0, 0, 1], [0, 2, 3], [4, 5, 6]], dtype int32
    const p = padSequencesArrays(DOC);
    expect(p.values).toBeInstanceOf(Int32Array);
    expect(p.shape).toEqual([3, 3]);
    expect(rows(p)).toEqual([
      [0, 0, 1],
      [0, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('uses the padding value', () => {
    // pad_sequences(sequence, value=-1) -> [[-1, -1, 1], [-1, 2, 3], [4, 5, 6]]
    expect(rows(padSequencesArrays(DOC, { value: -1 }))).toEqual([
      [-1, -1, 1],
      [-1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it("pads at the end with padding: 'post'", () => {
    // pad_sequences(sequence, padding='post') -> [[1, 0, 0], [2, 3, 0], [4, 5, 6]]
    expect(rows(padSequencesArrays(DOC, { padding: 'post' }))).toEqual([
      [1, 0, 0],
      [2, 3, 0],
      [4, 5, 6],
    ]);
  });

  it('truncates at the front by default when maxlen is shorter', () => {
    // pad_sequences(sequence, maxlen=2) -> [[0, 1], [2, 3], [5, 6]]
    expect(rows(padSequencesArrays(DOC, { maxlen: 2 }))).toEqual([
      [0, 1],
      [2, 3],
      [5, 6],
    ]);
  });

  it('reproduces the course outputs (pre/post, maxlen 5, truncating post)', () => {
    // pad_sequences(sequences) ->
    //   [[0 0 0 5 3 2 4] [0 0 0 5 3 2 7] [0 0 0 6 3 2 4] [8 6 9 2 4 10 11]]
    expect(rows(padSequencesArrays(COURSE))).toEqual([
      [0, 0, 0, 5, 3, 2, 4],
      [0, 0, 0, 5, 3, 2, 7],
      [0, 0, 0, 6, 3, 2, 4],
      [8, 6, 9, 2, 4, 10, 11],
    ]);
    // pad_sequences(sequences, padding='post', maxlen=5) -> [[5 3 2 4 0] [5 3 2 7 0] [6 3 2 4 0] [9 2 4 10 11]]
    expect(rows(padSequencesArrays(COURSE, { padding: 'post', maxlen: 5 }))).toEqual([
      [5, 3, 2, 4, 0],
      [5, 3, 2, 7, 0],
      [6, 3, 2, 4, 0],
      [9, 2, 4, 10, 11],
    ]);
    // pad_sequences(sequences, padding='post', truncating='post', maxlen=5) -> last row [8 6 9 2 4]
    expect(rows(padSequencesArrays(COURSE, { padding: 'post', truncating: 'post', maxlen: 5 }))[3]).toEqual([8, 6, 9, 2, 4]);
  });

  it('maxlen 0 gives empty rows, as pad_sequences(DOC, maxlen=0) has shape (3, 0)', () => {
    const p = padSequencesArrays(DOC, { maxlen: 0 });
    expect(p.shape).toEqual([3, 0]);
    expect(p.values).toHaveLength(0);
  });

  it('leaves empty sequences as pure padding and pads beyond the longest when maxlen is larger', () => {
    expect(rows(padSequencesArrays([[], [7]], { maxlen: 3, value: 9 }))).toEqual([
      [9, 9, 9],
      [9, 9, 7],
    ]);
  });

  it('truncates float values toward zero in int32, keeps them in float32', () => {
    // numpy: np.asarray([1.7, -2.5], dtype='int32') -> [1, -2]
    expect(Array.from(padSequencesArrays([[1.7, -2.5]]).values)).toEqual([1, -2]);
    const f = padSequencesArrays([[0.5], [1.25, 2]], { dtype: 'float32', value: -1 });
    expect(f.values).toBeInstanceOf(Float32Array);
    expect(rows(f)).toEqual([
      [-1, 0.5],
      [1.25, 2],
    ]);
  });

  it('accepts typed arrays and returns no rows for no sequences', () => {
    expect(rows(padSequencesArrays([Int32Array.of(1, 2), Int32Array.of(3)]))).toEqual([
      [1, 2],
      [0, 3],
    ]);
    expect(padSequencesArrays([]).shape).toEqual([0, 0]);
  });

  it('rejects bad options with a clear message', () => {
    expect(() => padSequencesArrays(DOC, { padding: 'middle' as 'pre' })).toThrow(/padding type "middle"/);
    expect(() => padSequencesArrays(DOC, { truncating: 'both' as 'pre' })).toThrow(/truncating type "both"/);
    expect(() => padSequencesArrays(DOC, { maxlen: 2.5 })).toThrow(/maxlen/);
    expect(() => padSequencesArrays([[1], 3 as unknown as number[]])).toThrow(/sequence 1/);
  });

  it('property: every row keeps the tail (pre) or head (post) of its sequence, in order', () => {
    const rng = createRng(1);
    const rand = (n: number) => rng.int(n);
    for (let trial = 0; trial < 50; trial++) {
      const seqs = Array.from({ length: 1 + rand(5) }, () => Array.from({ length: rand(8) }, () => 1 + rand(50)));
      const maxlen = 1 + rand(8);
      for (const padding of ['pre', 'post'] as const) {
        for (const truncating of ['pre', 'post'] as const) {
          const r = rows(padSequencesArrays(seqs, { maxlen, padding, truncating }));
          seqs.forEach((s, i) => {
            const kept = truncating === 'pre' ? s.slice(Math.max(0, s.length - maxlen)) : s.slice(0, maxlen);
            const pad = new Array(maxlen - kept.length).fill(0);
            expect(r[i]).toEqual(padding === 'pre' ? [...pad, ...kept] : [...kept, ...pad]);
          });
        }
      }
    }
  });
});

describe('padSequences (a tensor, as Keras returns an array fit takes)', () => {
  it('makes an int32 Tensor2D with the values of the arrays form', () => {
    const t = padSequences(COURSE, { maxlen: 5 });
    expect(t).toBeInstanceOf(tf.Tensor);
    expect(t.dtype).toBe('int32');
    expect(t.shape).toEqual([4, 5]);
    expect(Array.from(t.dataSync())).toEqual(Array.from(padSequencesArrays(COURSE, { maxlen: 5 }).values));
    t.dispose();
    const f = padSequences([[0.5]], { maxlen: 2, dtype: 'float32' });
    expect(f.dtype).toBe('float32');
    expect(Array.from(f.dataSync())).toEqual([0, 0.5]);
    f.dispose();
    expect(padSequencesTensor).toBe(padSequences);
    expect(tf.memory().numTensors).toBe(0);
  });

  it('is taken by fit as it is', async () => {
    const xs = padSequences([[1, 2], [3], [4, 5, 6], [2]], { maxlen: 3 });
    const ys = tf.tensor2d([[0], [1], [0], [1]]);
    const model = tf.sequential({
      layers: [tf.layers.embedding({ inputDim: 8, outputDim: 2, inputLength: 3 }), tf.layers.flatten(), tf.layers.dense({ units: 1, activation: 'sigmoid' })],
    });
    model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy' });
    const h = await model.fit(xs, ys, { epochs: 1, verbose: 0 });
    expect(Number.isFinite(h.history.loss[0] as number)).toBe(true);
    tf.dispose([xs, ys]);
    model.dispose();
  });

  it("keeps old code's `{ values, shape }` reads working and says once what changed", () => {
    const said: string[] = [];
    const undo = setOldApiSink((m) => said.push(m));
    try {
      const p = padSequences(DOC);
      // The pre-tensor way: tf.tensor2d(padded.values, padded.shape, 'float32').
      const old = tf.tensor2d(p.values, p.shape, 'float32');
      expect(Array.from(old.dataSync())).toEqual([0, 0, 1, 0, 2, 3, 4, 5, 6]);
      expect(p.values).toBeInstanceOf(Int32Array);
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(/padSequences now returns a tensor.*padSequencesArrays/);
      tf.dispose([p, old]);
    } finally {
      undo();
    }
  });
});
