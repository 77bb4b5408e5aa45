import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { expect } from 'vitest';
import { registerDojoKernels, unregisterDojoKernels } from '../../../src/runner/kernels';

/** Our result must match stock cpu within |ours − stock| ≤ ABS_TOL + REL_TOL·|stock|. */
export const ABS_TOL = 1e-4;
export const REL_TOL = 1e-4;

export type Variant = 'cpu-stock' | 'cpu-ours' | 'wasm-ours';

export async function useVariant(variant: Variant): Promise<void> {
  if (variant === 'cpu-stock') {
    unregisterDojoKernels('cpu');
    await tf.setBackend('cpu');
  } else if (variant === 'cpu-ours') {
    registerDojoKernels('cpu');
    await tf.setBackend('cpu');
  } else {
    registerDojoKernels('wasm');
    await tf.setBackend('wasm');
  }
}

/** Deterministic pseudo-random values in [-1, 1) (mulberry32). */
export function seeded(n: number, seed: number): Float32Array {
  let a = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

export function randomTensor(shape: number[], seed: number): tf.Tensor {
  return tf.tensor(seeded(shape.reduce((a, b) => a * b, 1), seed), shape);
}

/** Runs `f` (which builds its own inputs) on stock cpu and on each of `variants`, returning plain arrays. */
export async function runEach(
  f: () => tf.Tensor | tf.Tensor[],
  variants: Variant[] = ['cpu-stock', 'cpu-ours', 'wasm-ours'],
): Promise<Record<Variant, { shape: number[]; values: Float32Array | Int32Array | Uint8Array }[]>> {
  const out = {} as Record<Variant, { shape: number[]; values: Float32Array | Int32Array | Uint8Array }[]>;
  for (const v of variants) {
    await useVariant(v);
    out[v] = tf.tidy(() => {
      const r = f();
      return (Array.isArray(r) ? r : [r]).map((t) => ({
        shape: t.shape,
        values: t.dataSync() as Float32Array | Int32Array | Uint8Array,
      }));
    });
  }
  return out;
}

export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  label: string,
  abs = ABS_TOL,
  rel = REL_TOL,
): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (Number.isNaN(e)) {
      expect(Number.isNaN(a), `${label}[${i}] should be NaN`).toBe(true);
      continue;
    }
    if (Math.abs(a - e) > abs + rel * Math.abs(e)) {
      throw new Error(`${label}[${i}]: got ${a}, stock cpu gives ${e}`);
    }
  }
}

/** Asserts every variant in `results` matches `cpu-stock` output by output. */
export function expectMatchesStock(results: Awaited<ReturnType<typeof runEach>>, label: string): void {
  const ref = results['cpu-stock'];
  for (const [variant, outs] of Object.entries(results)) {
    if (variant === 'cpu-stock') continue;
    expect(outs.length).toBe(ref.length);
    outs.forEach((o, i) => {
      expect(o.shape, `${label} ${variant} output ${i} shape`).toEqual(ref[i].shape);
      expectClose(o.values, ref[i].values, `${label} ${variant} output ${i}`);
    });
  }
}

/** dx and dW of one conv, each output weighted differently so every dy element matters. */
export function convGradients(c: { x: number[]; f: number[]; s: number | [number, number]; pad: Parameters<typeof tf.conv2d>[3] }): tf.Tensor[] {
  const x = randomTensor(c.x, 1);
  const w = randomTensor(c.f, 2);
  const loss = (xx: tf.Tensor, ww: tf.Tensor) => {
    const y = tf.conv2d(xx as tf.Tensor4D, ww as tf.Tensor4D, c.s, c.pad);
    return tf.sum(tf.mul(y, randomTensor(y.shape, 3)));
  };
  return tf.grads(loss)([x, w]);
}
