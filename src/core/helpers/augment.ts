/**
 * Image augmentation equivalent to Keras' preprocessing layers RandomFlip,
 * RandomRotation, RandomZoom and RandomTranslation, applied to a batch tensor
 * `[n, height, width, channels]` with a seeded generator.
 *
 * Each image draws its own parameters from the same distributions as Keras and
 * is warped with the same projective matrices (Keras' `get_rotation_matrix`,
 * `get_zoom_matrix`, `get_translation_matrix`) through `tf.image.transform`,
 * with Keras' defaults: bilinear interpolation, `'reflect'` fill
 * (`d c b a | a b c d | d c b a`). The random numbers themselves differ from
 * TensorFlow's, so augmented images match Keras in kind, not pixel for pixel.
 *
 * Unlike Keras layers these are plain functions: call them on training batches
 * only (Keras layers are no-ops at inference). tfjs 4.22 ships no RandomFlip,
 * RandomRotation, RandomZoom or RandomTranslation layers; of its image
 * preprocessing layers only `tf.layers.rescaling` works inside a trained model
 * (`resizing`, `centerCrop` and `randomWidth` fail when the model is built or
 * fitted), so augmentation happens on batches, outside the model.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, toRng, type Rng } from './random';

/** How pixels outside the image are filled (Keras `fill_mode`). Default `'reflect'`. */
export type FillMode = 'reflect' | 'nearest' | 'constant' | 'wrap';
/** Sampling between pixels (Keras `interpolation`). Default `'bilinear'`. */
export type Interpolation = 'bilinear' | 'nearest';
/** Keras `RandomFlip` modes. */
export type FlipMode = 'horizontal' | 'vertical' | 'horizontal_and_vertical';
/** A Keras factor: `f` means the range `[-f, f]`; a pair is `[lower, upper]`. */
export type Factor = number | readonly [number, number];

/** Options shared by the geometric augmentations. */
export interface WarpOptions {
  fillMode?: FillMode;
  interpolation?: Interpolation;
  /** Value outside the image with `fillMode: 'constant'`. Default 0. */
  fillValue?: number;
  /**
   * A seed (same seed → same result) or a generator from `createRng` (advanced
   * by each call). Omitted: a shared generator, reseeded by {@link setAugmentationSeed}.
   */
  seed?: number | Rng;
}

let sharedRng: Rng = createRng(0);

/** Reseeds the generator used when an augmentation is called without `seed`. */
export function setAugmentationSeed(seed: number): void {
  sharedRng = createRng(seed);
}

function rngOf(seed: number | Rng | undefined): Rng {
  return seed === undefined ? sharedRng : toRng(seed);
}

function range(factor: Factor, name: string): [number, number] {
  const [lo, hi] = typeof factor === 'number' ? [-factor, factor] : [factor[0], factor[1]];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new Error(`${name} must be finite numbers.`);
  if (hi < lo) throw new Error(`${name}: the upper bound ${hi} is below the lower bound ${lo}.`);
  return [lo, hi];
}

function check4d(x: tf.Tensor, fn: string): asserts x is tf.Tensor4D {
  if (x.rank !== 4) {
    throw new Error(`${fn} expects a batch of images [n, height, width, channels], got shape [${x.shape.join(', ')}].`);
  }
}

/** A projective transform row `[a0, a1, a2, b0, b1, b2, c0, c1]` mapping output (x, y) to input points. */
export type TransformRow = [number, number, number, number, number, number, number, number];

/** Keras' `get_rotation_matrix(angle, height, width)`: rotation about the image centre. */
export function rotationMatrix(angle: number, height: number, width: number): TransformRow {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const xOffset = (width - 1 - (cos * (width - 1) - sin * (height - 1))) / 2;
  const yOffset = (height - 1 - (sin * (width - 1) + cos * (height - 1))) / 2;
  return [cos, -sin, xOffset, sin, cos, yOffset, 0, 0];
}

/** Keras' `get_zoom_matrix`: zoom factors > 1 sample a larger area (zoom out), about the centre. */
export function zoomMatrix(zoomX: number, zoomY: number, height: number, width: number): TransformRow {
  const xOffset = ((width - 1) / 2) * (1 - zoomX);
  const yOffset = ((height - 1) / 2) * (1 - zoomY);
  return [zoomX, 0, xOffset, 0, zoomY, yOffset, 0, 0];
}

/** Keras' `get_translation_matrix`: content moves right by `dx` and down by `dy` pixels. */
export function translationMatrix(dx: number, dy: number): TransformRow {
  return [1, 0, -dx, 0, 1, -dy, 0, 0];
}

/**
 * Warps each image of a batch by its own projective transform, as
 * `tf.image.transform`. Images are warped one at a time because tfjs 4.22's
 * CPU `Transform` kernel returns after the first image of a batch, leaving the
 * rest filled with `fillValue`.
 *
 * @param transforms One row per image, or a single row for all.
 */
export function applyTransforms(x: tf.Tensor4D, transforms: readonly TransformRow[], options: Omit<WarpOptions, 'seed'> = {}): tf.Tensor4D {
  check4d(x, 'applyTransforms');
  const n = x.shape[0];
  if (transforms.length !== n && transforms.length !== 1) {
    throw new Error(`applyTransforms: ${transforms.length} transforms for ${n} images.`);
  }
  const interpolation = options.interpolation ?? 'bilinear';
  const fillMode = options.fillMode ?? 'reflect';
  const fillValue = options.fillValue ?? 0;
  return tf.tidy(() => {
    // The kernel keeps the input dtype; int pixels would truncate the interpolation.
    const xf = x.dtype === 'float32' ? x : tf.cast(x, 'float32');
    if (n === 0) return xf.clone();
    const [, h, w, c] = xf.shape;
    const parts: tf.Tensor4D[] = [];
    for (let i = 0; i < n; i++) {
      const row = transforms.length === 1 ? transforms[0] : transforms[i];
      const image = tf.slice(xf, [i, 0, 0, 0], [1, h, w, c]);
      parts.push(tf.image.transform(image, tf.tensor2d([...row], [1, 8], 'float32'), interpolation, fillMode, fillValue));
    }
    return n === 1 ? parts[0] : tf.concat(parts, 0);
  });
}

/**
 * Keras `RandomFlip(mode)`: each image is flipped left–right and/or up–down,
 * each with probability ½. Exact (no resampling).
 *
 * @param mode Default `'horizontal_and_vertical'`, Keras' default; photos usually want `'horizontal'`.
 * @example
 * ```ts
 * const flipped = randomFlip(batch, 'horizontal', { seed: 1 });
 * ```
 */
export function randomFlip(
  x: tf.Tensor4D,
  mode: FlipMode = 'horizontal_and_vertical',
  options: Pick<WarpOptions, 'seed'> = {},
): tf.Tensor4D {
  check4d(x, 'randomFlip');
  if (mode !== 'horizontal' && mode !== 'vertical' && mode !== 'horizontal_and_vertical') {
    throw new Error(`randomFlip: mode must be 'horizontal', 'vertical' or 'horizontal_and_vertical', got '${String(mode)}'.`);
  }
  const rng = rngOf(options.seed);
  const n = x.shape[0];
  const drawMask = (): boolean[] => Array.from({ length: n }, () => rng.next() < 0.5);
  const lr = mode === 'vertical' ? null : drawMask();
  const ud = mode === 'horizontal' ? null : drawMask();
  return tf.tidy(() => {
    let out: tf.Tensor4D = x.dtype === 'float32' ? x.clone() : tf.cast(x, 'float32');
    if (n === 0) return out;
    for (const [mask, axis] of [
      [lr, 2],
      [ud, 1],
    ] as const) {
      if (!mask || !mask.some(Boolean)) continue;
      // tf.where broadcasts its condition, so give the per-image mask image axes of size 1.
      out = tf.where(tf.tensor4d(mask, [n, 1, 1, 1], 'bool'), tf.reverse(out, axis), out);
    }
    return out;
  });
}

/**
 * Keras `RandomRotation(factor)`: each image turns by a random angle drawn
 * uniformly from `[lower, upper] · 2π` (a scalar `f` means `[-f, f]`, so
 * `0.1` is up to ±36°), about its centre.
 *
 * @example
 * ```ts
 * const rotated = randomRotation(batch, 0.1, { seed: 1 }); // fill 'reflect', bilinear
 * ```
 */
export function randomRotation(x: tf.Tensor4D, factor: Factor, options: WarpOptions = {}): tf.Tensor4D {
  check4d(x, 'randomRotation');
  const [lo, hi] = range(factor, 'randomRotation factor');
  const rng = rngOf(options.seed);
  const [n, h, w] = x.shape;
  const rows = Array.from({ length: n }, () => rotationMatrix(rng.uniform(lo * 2 * Math.PI, hi * 2 * Math.PI), h, w));
  return applyTransforms(x, rows, options);
}

/**
 * Keras `RandomZoom(heightFactor, widthFactor)`: each image is scaled about its
 * centre by `1 + u`, `u` uniform in the factor's range. As in Keras a
 * positive value zooms **out** (content shrinks) and a negative one zooms in;
 * `0.2` means between 20 % in and 20 % out. Without `widthFactor` the same
 * zoom is used for both axes (aspect ratio kept).
 *
 * @example
 * ```ts
 * const zoomed = randomZoom(batch, 0.2, null, { seed: 1 });
 * ```
 */
export function randomZoom(
  x: tf.Tensor4D,
  heightFactor: Factor,
  widthFactor: Factor | null = null,
  options: WarpOptions = {},
): tf.Tensor4D {
  check4d(x, 'randomZoom');
  const [hlo, hhi] = range(heightFactor, 'randomZoom heightFactor');
  const wRange = widthFactor === null ? null : range(widthFactor, 'randomZoom widthFactor');
  for (const v of [hlo, hhi, ...(wRange ?? [])]) {
    if (Math.abs(v) > 1) throw new Error('randomZoom: factors must lie in [-1, 1].');
  }
  const rng = rngOf(options.seed);
  const [n, h, w] = x.shape;
  const rows = Array.from({ length: n }, () => {
    const zy = rng.uniform(1 + hlo, 1 + hhi);
    const zx = wRange ? rng.uniform(1 + wRange[0], 1 + wRange[1]) : zy;
    return zoomMatrix(zx, zy, h, w);
  });
  return applyTransforms(x, rows, options);
}

/**
 * Keras `RandomTranslation(heightFactor, widthFactor)`: each image shifts by
 * a random fraction of its height and width (`0.1` means up to ±10 %).
 *
 * @example
 * ```ts
 * const shifted = randomTranslation(batch, 0.1, 0.1, { seed: 1 });
 * ```
 */
export function randomTranslation(x: tf.Tensor4D, heightFactor: Factor, widthFactor: Factor, options: WarpOptions = {}): tf.Tensor4D {
  check4d(x, 'randomTranslation');
  const [hlo, hhi] = range(heightFactor, 'randomTranslation heightFactor');
  const [wlo, whi] = range(widthFactor, 'randomTranslation widthFactor');
  for (const v of [hlo, hhi, wlo, whi]) {
    if (Math.abs(v) > 1) throw new Error('randomTranslation: factors must lie in [-1, 1].');
  }
  const rng = rngOf(options.seed);
  const [n, h, w] = x.shape;
  const rows = Array.from({ length: n }, () => {
    const dy = rng.uniform(hlo, hhi) * h;
    const dx = rng.uniform(wlo, whi) * w;
    return translationMatrix(dx, dy);
  });
  return applyTransforms(x, rows, options);
}

/** What {@link augmentBatch} applies, in this order: flip, rotation, zoom, translation. */
export interface AugmentOptions extends WarpOptions {
  /** `RandomFlip(mode)`. */
  flip?: FlipMode;
  /** `RandomRotation(factor)`. */
  rotation?: Factor;
  /** `RandomZoom(factor)` (same zoom on both axes), or separate height and width factors. */
  zoom?: Factor | { height: Factor; width?: Factor | null };
  /** `RandomTranslation(factor, factor)`, or separate height and width factors. */
  translation?: Factor | { height: Factor; width: Factor };
}

/**
 * Applies a Keras-style augmentation stack to a batch, like
 * `Sequential([RandomFlip(…), RandomRotation(…), RandomZoom(…), RandomTranslation(…)])`.
 * Returns a new float32 tensor; the input is not disposed.
 *
 * @example
 * ```ts
 * const aug = augmentBatch(xs, { flip: 'horizontal', rotation: 0.1, zoom: 0.2, seed: 7 });
 * ```
 */
export function augmentBatch(x: tf.Tensor4D, options: AugmentOptions): tf.Tensor4D {
  check4d(x, 'augmentBatch');
  const rng = rngOf(options.seed);
  const warp = { fillMode: options.fillMode, interpolation: options.interpolation, fillValue: options.fillValue, seed: rng };
  return tf.tidy(() => {
    let out: tf.Tensor4D = x.dtype === 'float32' ? x : tf.cast(x, 'float32');
    if (options.flip) out = randomFlip(out, options.flip, { seed: rng });
    if (options.rotation !== undefined) out = randomRotation(out, options.rotation, warp);
    if (options.zoom !== undefined) {
      const z = options.zoom;
      out = typeof z === 'object' && !Array.isArray(z) && 'height' in z ? randomZoom(out, z.height, z.width ?? null, warp) : randomZoom(out, z as Factor, null, warp);
    }
    if (options.translation !== undefined) {
      const t = options.translation;
      out =
        typeof t === 'object' && !Array.isArray(t) && 'height' in t
          ? randomTranslation(out, t.height, t.width, warp)
          : randomTranslation(out, t as Factor, t as Factor, warp);
    }
    return out === x ? x.clone() : out;
  });
}

/**
 * Makes a reusable augmenter with its own seeded generator: each call draws
 * fresh parameters, and the sequence of calls is reproducible from `seed`
 * (default 0). Use it inside a training loop or a `dataset.map`.
 *
 * @example
 * ```ts
 * const augment = createAugmenter({ flip: 'horizontal', rotation: 0.2, zoom: 0.2, seed: 42 });
 * const ds = tf.data.zip({ xs: xsDataset, ys: ysDataset }).batch(32)
 *   .map(({ xs, ys }) => ({ xs: augment(xs as tf.Tensor4D), ys }));
 * ```
 */
export function createAugmenter(options: AugmentOptions): (x: tf.Tensor4D) => tf.Tensor4D {
  const rng = typeof options.seed === 'object' ? options.seed : createRng(options.seed ?? 0);
  return (x) => augmentBatch(x, { ...options, seed: rng });
}
