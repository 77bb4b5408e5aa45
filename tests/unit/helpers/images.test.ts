import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RawImage } from '../../../src/core/data';
import { imagesToTensor, rescale, resizeImage, resizeImages } from '../../../src/core/helpers/images';
import { createRng } from '../../../src/core/helpers/random';

function randomImage(width: number, height: number, seed: number): RawImage {
  const rng = createRng(seed);
  return { width, height, pixels: Uint8Array.from({ length: width * height * 3 }, () => rng.int(256)) };
}

/** An image whose every channel holds the given row of values (height 1). */
function rowImage(values: number[]): RawImage {
  return { width: values.length, height: 1, pixels: Uint8Array.from(values.flatMap((v) => [v, v, v])) };
}

const channel0 = (a: Float32Array) => Array.from(a.filter((_, i) => i % 3 === 0));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterEach(() => {
  expect(tf.memory().numTensors).toBe(0);
});

describe('resizeImage', () => {
  it('gives the TF 2 tf.image.resize values by default (half-pixel centres)', () => {
    // tf.image.resize([[[0.], [10.]]], [1, 4]) -> [0, 2.5, 7.5, 10]
    expect(channel0(resizeImage(rowImage([0, 10]), [1, 4]))).toEqual([0, 2.5, 7.5, 10]);
    // tf.image.resize(row [0, 10, 20, 30], [1, 2]) (antialias=False) -> [5, 25]
    expect(channel0(resizeImage(rowImage([0, 10, 20, 30]), [1, 2]))).toEqual([5, 25]);
  });

  it('gives the TF 1 values with halfPixelCenters false, and align-corners values', () => {
    // tf.compat.v1.image.resize_bilinear(row [0, 10], [1, 4]) -> [0, 5, 10, 10]
    expect(channel0(resizeImage(rowImage([0, 10]), [1, 4], { halfPixelCenters: false }))).toEqual([0, 5, 10, 10]);
    // ... align_corners=True -> [0, 3.333, 6.667, 10]
    const aligned = channel0(resizeImage(rowImage([0, 10]), [1, 4], { alignCorners: true }));
    [0, 10 / 3, 20 / 3, 10].forEach((v, i) => expect(aligned[i]).toBeCloseTo(v, 4));
  });

  it('is the identity at the same size', () => {
    const im = randomImage(7, 5, 1);
    expect(Array.from(resizeImage(im, [5, 7]))).toEqual(Array.from(im.pixels));
  });

  it('equals tf.image.resizeBilinear on the CPU backend bit for bit', () => {
    const cases: [number, number, number, number][] = [
      [13, 9, 8, 8],
      [5, 17, 32, 24],
      [40, 31, 7, 11],
      [1, 1, 3, 4],
    ];
    for (const [w, h, oh, ow] of cases) {
      const im = randomImage(w, h, w * 100 + h);
      for (const opts of [{}, { halfPixelCenters: false }, { alignCorners: true, halfPixelCenters: false }]) {
        const ref = tf.tidy(() =>
          tf.image
            .resizeBilinear(tf.tensor3d(im.pixels, [h, w, 3], 'int32'), [oh, ow], opts.alignCorners ?? false, 'halfPixelCenters' in opts ? opts.halfPixelCenters : true)
            .dataSync(),
        );
        expect(resizeImage(im, [oh, ow], opts)).toEqual(ref);
      }
    }
  });

  it('explains bad input', () => {
    expect(() => resizeImage({ width: 2, height: 2, pixels: new Uint8Array(5) }, [4, 4])).toThrow(/expected 12/);
    expect(() => resizeImage(randomImage(2, 2, 0), [0, 4])).toThrow(/positive integers/);
    expect(() => resizeImage(randomImage(2, 2, 0), [2, 2], { alignCorners: true, halfPixelCenters: true })).toThrow(/both/);
  });
});

describe('resizeImages / imagesToTensor / rescale', () => {
  const images = [randomImage(20, 10, 1), randomImage(8, 30, 2), randomImage(16, 16, 3)];

  it('packs varied-size images into one [n, h, w, 3] block of the per-image resizes', () => {
    const { values, shape } = resizeImages(images, [12, 12]);
    expect(shape).toEqual([3, 12, 12, 3]);
    images.forEach((im, i) => expect(values.subarray(i * 432, (i + 1) * 432)).toEqual(resizeImage(im, [12, 12])));
  });

  it('imagesToTensor gives float32 [n, h, w, 3]; scale equals rescale() bit for bit', () => {
    const raw = imagesToTensor(images, [6, 9]);
    expect(raw.dtype).toBe('float32');
    expect(raw.shape).toEqual([3, 6, 9, 3]);
    const scaled = imagesToTensor(images, [6, 9], { scale: 1 / 255 });
    const viaRescale = rescale(raw);
    expect(scaled.dataSync()).toEqual(viaRescale.dataSync());
    const max = tf.tidy(() => scaled.max().dataSync()[0]);
    expect(max).toBeLessThanOrEqual(1);
    expect(max).toBeGreaterThan(0.9);
    tf.dispose([raw, scaled, viaRescale]);
  });

  it('rescale is Keras Rescaling: x * scale + offset, cast to float32', () => {
    const x = tf.tensor1d([0, 127.5, 255], 'float32');
    const a = rescale(x);
    const b = rescale(x, 1 / 127.5, -1);
    const ints = tf.tensor1d([255], 'int32');
    const c = rescale(ints);
    expect(Array.from(a.dataSync())).toEqual([0, Math.fround(127.5 * Math.fround(1 / 255)), 1]);
    expect(Array.from(b.dataSync())).toEqual([-1, 0, 1]);
    expect(c.dtype).toBe('float32');
    expect(Array.from(c.dataSync())).toEqual([1]);
    tf.dispose([x, a, b, c, ints]);
  });
});
