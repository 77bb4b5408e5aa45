import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  applyTransforms,
  augmentBatch,
  createAugmenter,
  flipPixels,
  randomFlip,
  randomRotation,
  randomTranslation,
  randomZoom,
  rotationMatrix,
  translationMatrix,
  warpPixels,
  warpWithOps,
  zoomMatrix,
  type TransformRow,
} from '../../../src/core/helpers/augment';
import { createRng } from '../../../src/core/helpers/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

let tensorsBefore = 0;
beforeEach(() => {
  tensorsBefore = tf.memory().numTensors;
});
afterEach(() => {
  expect(tf.memory().numTensors - tensorsBefore).toBe(0);
});

function randomBatch(n: number, h: number, w: number, c = 3, seed = 1): tf.Tensor4D {
  const rng = createRng(seed);
  return tf.tensor4d(Float32Array.from({ length: n * h * w * c }, () => rng.int(256)), [n, h, w, c]);
}

/** A one-image, one-channel batch holding a single row. */
const row = (values: number[]) => tf.tensor4d(values, [1, 1, values.length, 1]);

function allClose(a: tf.Tensor, b: tf.Tensor, tol = 1e-3): void {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
  expect(d).toBeLessThan(tol);
}

function expectEqual(a: tf.Tensor, b: tf.Tensor): void {
  expect(a.shape).toEqual(b.shape);
  expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
}

describe('Keras transform matrices', () => {
  it('rotation matrix equals keras get_rotation_matrix', () => {
    // get_rotation_matrix([pi/2], image_height=3, image_width=5) -> [[0, -1, 3, 1, 0, -1, 0, 0]]
    const m = rotationMatrix(Math.PI / 2, 3, 5);
    [0, -1, 3, 1, 0, -1, 0, 0].forEach((v, i) => expect(m[i]).toBeCloseTo(v, 12));
  });

  it('zoom and translation matrices equal keras get_zoom_matrix / get_translation_matrix', () => {
    // get_zoom_matrix([[2., 0.5]], image_height=5, image_width=9) -> [[2, 0, -4, 0, 0.5, 1, 0, 0]]
    expect(zoomMatrix(2, 0.5, 5, 9)).toEqual([2, 0, -4, 0, 0.5, 1, 0, 0]);
    // get_translation_matrix([[3., -2.]]) -> [[1, 0, -3, 0, 1, 2, 0, 0]]
    expect(translationMatrix(3, -2)).toEqual([1, 0, -3, 0, 1, 2, 0, 0]);
  });
});

describe('applyTransforms', () => {
  it('warps every image of a batch (works around the tfjs CPU kernel that only warps the first)', () => {
    const x = randomBatch(3, 6, 7);
    const rows = [translationMatrix(1, 0), translationMatrix(0, 2), rotationMatrix(0.3, 6, 7)];
    const out = applyTransforms(x, rows, { fillMode: 'constant' });
    for (let i = 0; i < 3; i++) {
      const one = tf.slice(x, [i, 0, 0, 0], [1, 6, 7, 3]);
      const alone = applyTransforms(one, [rows[i]], { fillMode: 'constant' });
      const part = tf.slice(out, [i, 0, 0, 0], [1, 6, 7, 3]);
      expectEqual(part, alone);
      expect(tf.tidy(() => part.sum().arraySync())).toBeGreaterThan(0);
      tf.dispose([one, alone, part]);
    }
    tf.dispose([x, out]);
  });

  it("fills like Keras: reflect (d c b a | a b c d), nearest, constant, wrap", () => {
    const x = row([1, 2, 3, 4, 5]);
    const shifted = (fillMode: 'reflect' | 'nearest' | 'constant' | 'wrap', dx: number) => {
      const t = applyTransforms(x, [translationMatrix(dx, 0)], { fillMode });
      const v = Array.from(t.dataSync());
      t.dispose();
      return v;
    };
    expect(shifted('reflect', 2)).toEqual([2, 1, 1, 2, 3]);
    expect(shifted('nearest', 2)).toEqual([1, 1, 1, 2, 3]);
    expect(shifted('constant', 2)).toEqual([0, 0, 1, 2, 3]);
    expect(shifted('wrap', 1)).toEqual([5, 1, 2, 3, 4]);
    expect(shifted('reflect', -1)).toEqual([2, 3, 4, 5, 5]);
    x.dispose();
  });
});

describe('warpPixels and flipPixels (the typed-array path on cpu and wasm)', () => {
  /** Random projective rows: rotation-like, zoom, shift and a small perspective part. */
  function randomRows(n: number, seed: number): TransformRow[] {
    const rng = createRng(seed);
    return Array.from({ length: n }, (): TransformRow => [
      rng.uniform(0.6, 1.4), rng.uniform(-0.5, 0.5), rng.uniform(-8, 8),
      rng.uniform(-0.5, 0.5), rng.uniform(0.6, 1.4), rng.uniform(-8, 8),
      rng.uniform(-0.02, 0.02), rng.uniform(-0.02, 0.02),
    ]);
  }

  it('gives exactly what tf.image.transform gives image by image, for every fill mode and interpolation', () => {
    const [n, h, w, c] = [5, 9, 11, 3];
    const x = randomBatch(n, h, w, c, 4);
    const rows = randomRows(n, 8);
    // Two degenerate rows: a zero projection (all fill) and the identity.
    rows[3] = [1, 0, 0, 0, 1, 0, -1 / 4, 0];
    rows[4] = [1, 0, 0, 0, 1, 0, 0, 0];
    const pixels = x.dataSync();
    for (const fillMode of ['reflect', 'nearest', 'constant', 'wrap'] as const) {
      for (const interpolation of ['bilinear', 'nearest'] as const) {
        const options = { fillMode, interpolation, fillValue: 7 };
        const ours = warpPixels(pixels, [n, h, w, c], rows, options);
        const theirs = warpWithOps(x, rows, options);
        expect(Array.from(ours), `${fillMode}/${interpolation}`).toEqual(Array.from(theirs.dataSync()));
        theirs.dispose();
      }
    }
    expect(Array.from(warpPixels(pixels, [n, h, w, c], [rows[4]]))).toEqual(Array.from(pixels));
    x.dispose();
  });

  it('flips exactly the chosen images, as tf.reverse', () => {
    const x = randomBatch(4, 3, 5, 2, 6);
    const lr = [true, false, true, false];
    const ud = [false, false, true, true];
    const out = flipPixels(x.dataSync(), [4, 3, 5, 2], lr, ud);
    const expected = tf.tidy(() =>
      tf.concat(
        lr.map((l, i) => {
          let im = x.slice([i], [1]);
          if (l) im = tf.reverse(im, 2);
          if (ud[i]) im = tf.reverse(im, 1);
          return im;
        }),
      ),
    );
    expect(Array.from(out)).toEqual(Array.from(expected.dataSync()));
    tf.dispose([x, expected]);
  });

  it('rejects arrays that do not fit the shape', () => {
    expect(() => warpPixels(new Float32Array(10), [1, 2, 2, 3], [translationMatrix(0, 0)])).toThrow(/shape/);
    expect(() => warpPixels(new Float32Array(12), [2, 2, 1, 3], [translationMatrix(0, 0), translationMatrix(0, 0), translationMatrix(0, 0)])).toThrow(/3 transforms for 2 images/);
    expect(() => flipPixels(new Float32Array(12), [1, 2, 2, 3], null, null, new Float32Array(11))).toThrow(/shape/);
  });

  it('augments a whole batch with a fixed number of kernels, however many images (linear cost)', async () => {
    const opts = { flip: 'horizontal' as const, rotation: 0.1, zoom: 0.2, translation: 0.1, seed: 3 };
    const kernels = async (n: number) => {
      const x = randomBatch(n, 8, 8, 3);
      const info = await tf.profile(() => augmentBatch(x, opts));
      x.dispose();
      tf.dispose(info.result as tf.Tensor);
      return info.kernels.length;
    };
    const few = await kernels(2);
    expect(few).toBeLessThanOrEqual(2);
    expect(await kernels(40)).toBe(few);
  });
});

describe('randomFlip', () => {
  it('flipping twice with the same seed is the identity', () => {
    const x = randomBatch(16, 5, 6);
    for (const mode of ['horizontal', 'vertical', 'horizontal_and_vertical'] as const) {
      const once = randomFlip(x, mode, { seed: 9 });
      const twice = randomFlip(once, mode, { seed: 9 });
      expectEqual(twice, x);
      tf.dispose([once, twice]);
    }
    x.dispose();
  });

  it("'horizontal' mirrors some images left-right and leaves the others unchanged", () => {
    const x = randomBatch(32, 4, 5);
    const out = randomFlip(x, 'horizontal', { seed: 3 });
    const mirrored = tf.reverse(x, 2);
    let flipped = 0;
    for (let i = 0; i < 32; i++) {
      const o = Array.from(tf.tidy(() => out.slice([i], [1]).dataSync()));
      const orig = Array.from(tf.tidy(() => x.slice([i], [1]).dataSync()));
      const mir = Array.from(tf.tidy(() => mirrored.slice([i], [1]).dataSync()));
      if (o.join() === mir.join()) flipped++;
      else expect(o).toEqual(orig);
    }
    expect(flipped).toBeGreaterThan(4);
    expect(flipped).toBeLessThan(28);
    tf.dispose([x, out, mirrored]);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const x = randomBatch(32, 3, 3);
    const a = randomFlip(x, 'horizontal', { seed: 1 });
    const b = randomFlip(x, 'horizontal', { seed: 1 });
    const c = randomFlip(x, 'horizontal', { seed: 2 });
    expectEqual(a, b);
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(c.dataSync()));
    tf.dispose([x, a, b, c]);
  });
});

describe('randomRotation', () => {
  it('a zero factor is the identity', () => {
    const x = randomBatch(4, 7, 9);
    const out = randomRotation(x, 0, { seed: 5 });
    expectEqual(out, x);
    tf.dispose([x, out]);
  });

  it('factor [0.5, 0.5] (half a turn) equals flipping both axes', () => {
    const x = randomBatch(2, 6, 8);
    const out = randomRotation(x, [0.5, 0.5]);
    const both = tf.reverse(x, [1, 2]);
    allClose(out, both);
    tf.dispose([x, out, both]);
  });

  it('factor [0.25, 0.25] on a square image: out[y][x] = in[x][w-1-y]', () => {
    const x = randomBatch(1, 5, 5, 1);
    const out = tf.tidy(() => randomRotation(x, [0.25, 0.25]).arraySync()[0]);
    const inp = x.arraySync()[0];
    for (let y = 0; y < 5; y++) for (let xx = 0; xx < 5; xx++) expect(out[y][xx][0]).toBeCloseTo(inp[xx][4 - y][0], 3);
    x.dispose();
  });

  it('rejects a reversed range', () => {
    const x = randomBatch(1, 2, 2);
    expect(() => randomRotation(x, [0.2, -0.2])).toThrow(/upper bound/);
    x.dispose();
  });
});

describe('randomZoom and randomTranslation', () => {
  it('a zero zoom factor is the identity', () => {
    const x = randomBatch(3, 6, 6);
    const out = randomZoom(x, 0, null, { seed: 1 });
    expectEqual(out, x);
    tf.dispose([x, out]);
  });

  it('zooming in by half samples the centre of a ramp (Keras sign: negative = zoom in)', () => {
    // zoom 0.5 about the centre of width 5: output x samples input 0.5 x + 1
    const x = row([0, 1, 2, 3, 4]);
    const out = randomZoom(x, [0, 0], [-0.5, -0.5]);
    expect(Array.from(out.dataSync())).toEqual([1, 1.5, 2, 2.5, 3]);
    tf.dispose([x, out]);
  });

  it('translating by a fraction of the width moves content right (reflect fill)', () => {
    const x = row([1, 2, 3, 4, 5]);
    const out = randomTranslation(x, 0, [0.2, 0.2]); // 0.2 · 5 = 1 pixel right
    expect(Array.from(out.dataSync())).toEqual([1, 1, 2, 3, 4]);
    tf.dispose([x, out]);
  });

  it('rejects factors outside [-1, 1]', () => {
    const x = randomBatch(1, 2, 2);
    expect(() => randomZoom(x, 1.5)).toThrow(/\[-1, 1\]/);
    expect(() => randomTranslation(x, 0.1, 2)).toThrow(/\[-1, 1\]/);
    x.dispose();
  });
});

describe('augmentBatch and createAugmenter', () => {
  const opts = { flip: 'horizontal' as const, rotation: 0.1, zoom: 0.2, translation: 0.1 };

  it('keeps the shape, returns float32, same seed → same batch, other seed → other batch', () => {
    const x = tf.tidy(() => tf.cast(randomBatch(4, 8, 8), 'int32') as tf.Tensor4D);
    const a = augmentBatch(x, { ...opts, seed: 1 });
    const b = augmentBatch(x, { ...opts, seed: 1 });
    const c = augmentBatch(x, { ...opts, seed: 2 });
    expect(a.shape).toEqual([4, 8, 8, 3]);
    expect(a.dtype).toBe('float32');
    expectEqual(a, b);
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(c.dataSync()));
    tf.dispose([x, a, b, c]);
  });

  it('with nothing to do, returns a copy equal to the input', () => {
    const x = randomBatch(2, 3, 3);
    const out = augmentBatch(x, {});
    expect(out).not.toBe(x);
    expectEqual(out, x);
    tf.dispose([x, out]);
  });

  it('an augmenter draws fresh parameters per call, reproducibly from its seed', () => {
    const x = randomBatch(2, 8, 8);
    const f = createAugmenter({ ...opts, seed: 42 });
    const g = createAugmenter({ ...opts, seed: 42 });
    const f1 = f(x);
    const f2 = f(x);
    const g1 = g(x);
    const g2 = g(x);
    expectEqual(f1, g1);
    expectEqual(f2, g2);
    expect(Array.from(f1.dataSync())).not.toEqual(Array.from(f2.dataSync()));
    tf.dispose([x, f1, f2, g1, g2]);
  });
});
