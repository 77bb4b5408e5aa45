/**
 * What Keras' `fit` / `evaluate` take and tfjs' refuse, made into what tfjs takes.
 *
 * Keras takes numpy arrays and integer class ids for any loss; tfjs takes only
 * tensors ("No data provided for …" otherwise) and its sparse cross-entropy floors
 * the labels, which fails on int32 ("floor must be float32 tensor, but got int32").
 * Keras itself casts `y_true` to the prediction's dtype inside every loss, so
 * casting integer targets to float32 changes no result. The executor applies this
 * to every `fit`/`evaluate` call in learner code; what we make, we dispose.
 */
import type * as tfType from '@tensorflow/tfjs';

/** Inputs and targets as tfjs takes them, and the tensors made for that (the caller disposes them). */
export interface KerasInputs {
  x: unknown;
  y: unknown;
  made: tfType.Tensor[];
}

export function kerasFitInputs(tf: typeof tfType, x: unknown, y: unknown): KerasInputs {
  const made: tfType.Tensor[] = [];
  return { x: asTensor(tf, x, 'input', made), y: asTensor(tf, y, 'target', made), made };
}

/** `validationData: [x, y]` (or `[x, y, weights]`), converted like fit's own arguments. */
export function kerasValidationData(tf: typeof tfType, data: unknown, made: tfType.Tensor[]): unknown {
  if (!Array.isArray(data) || data.length < 2) return data;
  const [x, y, ...rest] = data;
  return [asTensor(tf, x, 'input', made), asTensor(tf, y, 'target', made), ...rest];
}

function asTensor(tf: typeof tfType, value: unknown, role: 'input' | 'target', made: tfType.Tensor[]): unknown {
  const keep = (t: tfType.Tensor) => (made.push(t), t);
  if (value instanceof tf.Tensor) {
    // Integer or boolean targets: float32, as Keras' losses cast y_true.
    if (role === 'target' && (value.dtype === 'int32' || value.dtype === 'bool')) return keep(tf.cast(value, 'float32'));
    return value;
  }
  if (Array.isArray(value)) {
    // Several inputs or outputs: each one on its own.
    if (value.some((v) => v instanceof tf.Tensor)) return value.map((v) => asTensor(tf, v, role, made));
    return isNumberArray(value) ? keep(tf.tensor(value as number[], undefined, 'float32')) : value;
  }
  if (isTypedArray(value)) {
    const dtype = role === 'input' && value instanceof Int32Array ? 'int32' : 'float32';
    return keep(tf.tensor(dtype === 'float32' ? Float32Array.from(value) : value, undefined, dtype));
  }
  // `{ values, shape }`: padSequences' result before it returned a tensor (old drafts and links).
  if (isValuesAndShape(value)) {
    const dtype = role === 'input' && value.values instanceof Int32Array ? 'int32' : 'float32';
    const values = dtype === 'float32' ? Float32Array.from(value.values) : value.values;
    return keep(tf.tensor(values, value.shape, dtype));
  }
  return value;
}

type NumericArray = Int32Array | Float32Array | Float64Array | Uint8Array | Int16Array | Uint16Array | Int8Array | Uint32Array | Uint8ClampedArray;

function isTypedArray(v: unknown): v is NumericArray {
  return ArrayBuffer.isView(v) && !(v instanceof DataView) && typeof (v as { length?: unknown }).length === 'number';
}

/** Numbers, or equally nested arrays of numbers (what `tf.tensor` infers a shape from). */
function isNumberArray(v: unknown[]): boolean {
  const first = v[0];
  if (v.length === 0) return false;
  if (typeof first === 'number') return v.every((e) => typeof e === 'number');
  if (Array.isArray(first) || isTypedArray(first)) return v.every((e) => (Array.isArray(e) && isNumberArray(e)) || isTypedArray(e));
  return false;
}

function isValuesAndShape(v: unknown): v is { values: NumericArray; shape: number[] } {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as { values?: unknown; shape?: unknown };
  return isTypedArray(o.values) && Array.isArray(o.shape) && o.shape.every((d) => Number.isInteger(d) && d >= 0);
}

/**
 * Says what is wrong when fit still gets something that is not a tensor after
 * the conversions above (tfjs would fail with "Cannot read properties of null"
 * or "No data provided for …", naming neither the argument nor the fix).
 */
export function nonTensorArgument(tf: typeof tfType, x: unknown, y: unknown, method: 'fit' | 'evaluate'): string | undefined {
  const ok = (v: unknown): boolean =>
    v instanceof tf.Tensor ||
    (Array.isArray(v) && v.length > 0 && v.every((e) => e instanceof tf.Tensor)) ||
    (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 && Object.values(v).every((e) => e instanceof tf.Tensor));
  for (const [name, value] of [['inputs (x)', x], ['targets (y)', y]] as const) {
    if (!ok(value)) {
      return `model.${method} got ${describeValue(value)} as its ${name}, not a tensor: pass tensors, e.g. padSequences(…) for texts and lab.data.train.ys for class ids.`;
    }
  }
  return undefined;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length === 0 ? 'an empty array' : `an array of ${typeof v[0] === 'object' ? (v[0]?.constructor?.name ?? 'objects') : `${typeof v[0]}s`}`;
  if (typeof v === 'object') return `an object (${(v as object).constructor?.name ?? 'Object'})`;
  return `a ${typeof v}`;
}
