/**
 * Predict on a dense block batch by batch, reading each batch's outputs back and
 * disposing every tensor before the next one, so grading 10 000 large images never
 * holds more than one batch of inputs on the backend.
 */
import * as tf from '@tensorflow/tfjs';
import { blockSize, type DenseBlock } from '../data';
import type { Predictions } from './metrics';

export interface PredictOptions {
  /** Examples per batch; by default as many as fit in ~4M input values (max 256). */
  batchSize?: number;
  /** Dtype of the tensor fed to the model (the model input's dtype). */
  dtype?: 'float32' | 'int32';
}

const MAX_VALUES_PER_BATCH = 4_000_000;

export function defaultBatchSize(xs: DenseBlock): number {
  const perExample = Math.max(1, blockSize(xs.shape.slice(1)));
  return Math.max(1, Math.min(256, Math.floor(MAX_VALUES_PER_BATCH / perExample)));
}

/**
 * Outputs of a single-output model as `[rows, cols]`; an output of higher rank is
 * flattened per example. Throws if the model returns several outputs.
 */
export async function predictInBatches(
  model: tf.LayersModel,
  xs: DenseBlock,
  opts: PredictOptions = {},
): Promise<Predictions> {
  const rows = xs.shape[0] ?? 0;
  const exampleShape = xs.shape.slice(1);
  const perExample = blockSize(exampleShape);
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? defaultBatchSize(xs)));
  const dtype = opts.dtype ?? 'float32';
  let values: Float32Array | null = null;
  let cols = 0;
  for (let start = 0; start < rows; start += batchSize) {
    const end = Math.min(rows, start + batchSize);
    const slice = xs.values.subarray(start * perExample, end * perExample);
    // tfjs keeps a Uint8Array as-is only for int32/bool; copy so the model sees its own dtype.
    const data = dtype === 'int32' ? Int32Array.from(slice) : slice instanceof Float32Array ? slice : Float32Array.from(slice);
    const out = tf.tidy(() => {
      const x = tf.tensor(data, [end - start, ...exampleShape], dtype);
      const y = model.predict(x);
      if (Array.isArray(y)) throw new Error(`The model returned ${y.length} outputs; the grader needs exactly one.`);
      return (y as tf.Tensor).cast('float32');
    });
    try {
      const batchCols = out.shape.length <= 1 ? 1 : blockSize(out.shape.slice(1));
      if (values === null) {
        cols = batchCols;
        values = new Float32Array(rows * cols);
      } else if (batchCols !== cols) {
        throw new Error(`The model's output size changed between batches (${cols} then ${batchCols}).`);
      }
      values.set((await out.data()) as Float32Array, start * cols);
    } finally {
      out.dispose();
    }
  }
  return { values: values ?? new Float32Array(0), rows, cols };
}
