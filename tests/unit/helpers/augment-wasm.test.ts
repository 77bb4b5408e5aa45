/**
 * The augmentation helpers on the wasm backend, the one `dojo verify` and most
 * browsers without a GPU train on: same pixels as on cpu (one typed-array path
 * for both), Keras' reflect fill (the stock wasm Transform kernel gets it wrong),
 * and one pass over the batch, not a kernel per image.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransforms, augmentBatch, translationMatrix } from '../../../src/core/helpers/augment';
import { createRng } from '../../../src/core/helpers/random';

const pixels = (() => {
  const rng = createRng(5);
  return Float32Array.from({ length: 6 * 10 * 12 * 3 }, () => rng.int(256));
})();
const OPTIONS = { flip: 'horizontal_and_vertical', rotation: 0.15, zoom: [-0.3, 0.3], translation: 0.2, seed: 21 } as const;

async function augmentOn(backend: 'cpu' | 'wasm', fillMode: 'reflect' | 'nearest' | 'constant' | 'wrap'): Promise<number[]> {
  await tf.setBackend(backend);
  return tf.tidy(() => Array.from(augmentBatch(tf.tensor4d(pixels, [6, 10, 12, 3]), { ...OPTIONS, fillMode }).dataSync()));
}

let before = '';
beforeAll(async () => {
  before = tf.getBackend();
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  if (before) await tf.setBackend(before);
});

describe('augmentation on the wasm backend', () => {
  it('gives the same pixels as on cpu, for every fill mode', async () => {
    for (const fillMode of ['reflect', 'nearest', 'constant', 'wrap'] as const) {
      const wasm = await augmentOn('wasm', fillMode);
      const cpu = await augmentOn('cpu', fillMode);
      expect(wasm, fillMode).toEqual(cpu);
    }
    await tf.setBackend('wasm');
  });

  it("fills 'reflect' as Keras does (d c b a | a b c d)", () => {
    expect(tf.getBackend()).toBe('wasm');
    const out = tf.tidy(() => Array.from(applyTransforms(tf.tensor4d([1, 2, 3, 4, 5], [1, 1, 5, 1]), [translationMatrix(2, 0)], { fillMode: 'reflect' }).dataSync()));
    expect(out).toEqual([2, 1, 1, 2, 3]);
  });

  it('runs no kernel per image, and leaks no tensor', async () => {
    const x = tf.tensor4d(pixels, [6, 10, 12, 3]);
    const tensors = tf.memory().numTensors;
    const info = await tf.profile(() => augmentBatch(x, OPTIONS));
    expect(info.kernels.length).toBeLessThanOrEqual(2);
    tf.dispose([x, info.result as tf.Tensor]);
    expect(tf.memory().numTensors).toBe(tensors - 1);
  });
});
