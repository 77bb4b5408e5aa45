/**
 * Image augmentation equivalent to Keras' preprocessing layers RandomFlip,
 * RandomRotation, RandomZoom and RandomTranslation, applied to a batch tensor
 * `[n, height, width, channels]` with a seeded generator.
 *
 * Each image draws its own parameters from the same distributions as Keras and
 * is warped with the same projective matrices (Keras' `get_rotation_matrix`,
 * `get_zoom_matrix`, `get_translation_matrix`), with Keras' defaults: bilinear
 * interpolation, `'reflect'` fill (`d c b a | a b c d | d c b a`). The random
 * numbers themselves differ from TensorFlow's, so augmented images match Keras
 * in kind, not pixel for pixel.
 *
 * On the `cpu` and `wasm` backends the whole stack runs as typed-array loops
 * over the batch (cost linear in the batch, same pixels on both backends);
 * on GPU backends each step is a tfjs op (`tf.image.transform` per image).
 * The loops also avoid two tfjs 4.22 kernel bugs: the cpu `Transform` warps
 * only the first image of a batch, and the wasm one fills `'reflect'` wrongly
 * (`[1 2 3 4 5]` shifted right by 2 gives `5 5 1 2 3`, not `2 1 1 2 3`).
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

/** A random flip per image: `lr[i]` mirrors image i left–right, `ud[i]` up–down. */
interface FlipStep {
  kind: 'flip';
  lr: readonly boolean[] | null;
  ud: readonly boolean[] | null;
}

/** A projective warp per image (one row per image, or one row for all). */
interface WarpStep {
  kind: 'warp';
  rows: readonly TransformRow[];
}

type Step = FlipStep | WarpStep;

type FillOptions = Omit<WarpOptions, 'seed'>;

/**
 * Backends whose tensors live in main memory (`cpu`, `wasm`): there one pass of
 * plain typed-array loops over the whole batch is fastest. Per-image kernels
 * were not: on wasm each `tf.slice` of one image got slower as the batch grew
 * (1.5 ms per image at 50 images, 6 ms at 400), so an augmented batch cost 7 ms
 * per image at 50 images and 73 at 400. GPU backends keep the tfjs kernels
 * (reading a GPU tensor back to the CPU is slow, and WebGPU cannot do it
 * synchronously).
 */
function inMainMemory(): boolean {
  const backend = tf.getBackend();
  return backend === 'cpu' || backend === 'wasm';
}

function checkRows(transforms: readonly TransformRow[], n: number, fn: string): void {
  if (transforms.length !== n && transforms.length !== 1) {
    throw new Error(`${fn}: ${transforms.length} transforms for ${n} images.`);
  }
}

/**
 * Runs flips and warps, in order, over a batch. In main memory the pixels are
 * read once, pass through two ping-pong buffers, and become one new tensor:
 * cost linear in the batch. Elsewhere each step is a tfjs op.
 */
function runSteps(x: tf.Tensor4D, steps: readonly Step[], options: FillOptions): tf.Tensor4D {
  const shape = x.shape;
  if (shape[0] === 0 || !inMainMemory()) {
    return tf.tidy(() => {
      let out: tf.Tensor4D = x.dtype === 'float32' ? x.clone() : tf.cast(x, 'float32');
      for (const step of steps) {
        out = step.kind === 'flip' ? flipWithOps(out, step) : warpWithOps(out, step.rows, options);
      }
      return out;
    });
  }
  // A copy: on cpu `dataSync` hands out the tensor's own storage, and the buffers get overwritten.
  let src = Float32Array.from(x.dataSync());
  let dst = new Float32Array(src.length);
  for (const step of steps) {
    if (step.kind === 'flip') flipPixels(src, shape, step.lr, step.ud, dst);
    else warpPixels(src, shape, step.rows, options, dst);
    [src, dst] = [dst, src];
  }
  return tf.tensor4d(src, shape, 'float32');
}

function flipWithOps(x: tf.Tensor4D, step: FlipStep): tf.Tensor4D {
  const n = x.shape[0];
  let out = x;
  for (const [mask, axis] of [
    [step.lr, 2],
    [step.ud, 1],
  ] as const) {
    if (!mask || !mask.some(Boolean)) continue;
    // tf.where broadcasts its condition, so give the per-image mask image axes of size 1.
    out = tf.where(tf.tensor4d(mask as boolean[], [n, 1, 1, 1], 'bool'), tf.reverse(out, axis), out);
  }
  return out;
}

/**
 * One `tf.image.transform` per image, because tfjs 4.22's CPU `Transform`
 * kernel returns after the first image of a batch, leaving the rest filled
 * with `fillValue`. {@link applyTransforms} uses it on GPU backends only;
 * exported so tests can hold the typed-array path against tfjs' kernels.
 */
export function warpWithOps(x: tf.Tensor4D, transforms: readonly TransformRow[], options: FillOptions = {}): tf.Tensor4D {
  check4d(x, 'warpWithOps');
  const [n, h, w, c] = x.shape;
  checkRows(transforms, n, 'warpWithOps');
  const interpolation = options.interpolation ?? 'bilinear';
  const fillMode = options.fillMode ?? 'reflect';
  const fillValue = options.fillValue ?? 0;
  return tf.tidy(() => {
    // The kernel keeps the input dtype; int pixels would truncate the interpolation.
    const xf = x.dtype === 'float32' ? x : tf.cast(x, 'float32');
    if (n === 0) return xf.clone();
    const parts: tf.Tensor4D[] = [];
    for (let i = 0; i < n; i++) {
      const row = transforms.length === 1 ? transforms[0] : transforms[i];
      const image = tf.slice(xf, [i, 0, 0, 0], [1, h, w, c]);
      parts.push(tf.image.transform(image, tf.tensor2d([...row], [1, 8], 'float32'), interpolation, fillMode, fillValue));
    }
    return n === 1 ? parts[0] : tf.concat(parts, 0);
  });
}

/** Keras/TensorFlow `map_coordinates` for one axis, as tfjs' Transform kernels. */
function mapCoord(coord: number, len: number, mode: FillMode): number {
  let c = coord;
  switch (mode) {
    case 'reflect':
      // [abcd] → [dcba|abcd|dcba]
      if (c < 0) {
        if (len <= 1) c = 0;
        else {
          const sz2 = 2 * len;
          if (c < sz2) c = sz2 * Math.trunc(-c / sz2) + c;
          c = c < -len ? c + sz2 : -c - 1;
        }
      } else if (c > len - 1) {
        if (len <= 1) c = 0;
        else {
          const sz2 = 2 * len;
          c -= sz2 * Math.trunc(c / sz2);
          if (c >= len) c = sz2 - c - 1;
        }
      }
      break;
    case 'wrap':
      // [abcd] → [abcd|abcd|abcd]
      if (c < 0) {
        if (len <= 1) c = 0;
        else c += len * (Math.trunc(-c / (len - 1)) + 1);
      } else if (c > len - 1) {
        if (len <= 1) c = 0;
        else c -= len * Math.trunc(c / (len - 1));
      }
      break;
    case 'nearest':
      break;
    case 'constant':
      // Outside reads give the fill value.
      return c;
  }
  // Clamp so that e.g. 3.5 on a length of 4 does not round to 4 in nearest interpolation.
  return Math.min(Math.max(c, 0), len - 1);
}

/**
 * Warps every image of a `[n, h, w, c]` row-major batch by its own projective
 * transform, with plain loops: the arithmetic of tfjs' CPU `Transform` kernel
 * (TensorFlow's `ImageProjectiveTransformV3`), but for the whole batch. Pure; no tfjs.
 *
 * @param transforms One row per image, or a single row for all.
 * @param out Where to write (`n·h·w·c` values); a new array when omitted.
 */
export function warpPixels(
  src: ArrayLike<number>,
  shape: readonly [number, number, number, number],
  transforms: readonly TransformRow[],
  options: FillOptions = {},
  out: Float32Array = new Float32Array(shape[0] * shape[1] * shape[2] * shape[3]),
): Float32Array {
  const [n, h, w, c] = shape;
  checkRows(transforms, n, 'warpPixels');
  if (src.length !== n * h * w * c || out.length !== src.length) {
    throw new Error(`warpPixels: ${src.length} values in and ${out.length} out for shape [${shape.join(', ')}].`);
  }
  const mode = options.fillMode ?? 'reflect';
  const nearest = (options.interpolation ?? 'bilinear') === 'nearest';
  const fill = options.fillValue ?? 0;
  const rowStride = w * c;
  const imageSize = h * rowStride;
  // Reads pixel (y, x) of the current image, or the fill value outside it.
  const at = (base: number, y: number, x: number, ch: number): number =>
    y >= 0 && y < h && x >= 0 && x < w ? src[base + y * rowStride + x * c + ch] : fill;
  for (let b = 0; b < n; b++) {
    // At float32 precision, as the transforms tensor that tfjs and Keras pass their kernels.
    const t = Float32Array.from(transforms.length === 1 ? transforms[0] : transforms[b]);
    const base = b * imageSize;
    for (let outY = 0; outY < h; outY++) {
      for (let outX = 0; outX < w; outX++) {
        const o = base + outY * rowStride + outX * c;
        const projection = t[6] * outX + t[7] * outY + 1;
        if (projection === 0) {
          // Infinite coordinates lie outside the input image.
          for (let ch = 0; ch < c; ch++) out[o + ch] = fill;
          continue;
        }
        const x = mapCoord((t[0] * outX + t[1] * outY + t[2]) / projection, w, mode);
        const y = mapCoord((t[3] * outX + t[4] * outY + t[5]) / projection, h, mode);
        if (nearest) {
          const ry = Math.round(y);
          const rx = Math.round(x);
          for (let ch = 0; ch < c; ch++) out[o + ch] = at(base, ry, rx, ch);
          continue;
        }
        const y0 = Math.floor(y);
        const x0 = Math.floor(x);
        const y1 = y0 + 1;
        const x1 = x0 + 1;
        for (let ch = 0; ch < c; ch++) {
          // Same operation order as the tfjs kernel, so results agree to the last bit.
          const top = (x1 - x) * at(base, y0, x0, ch) + (x - x0) * at(base, y0, x1, ch);
          const bottom = (x1 - x) * at(base, y1, x0, ch) + (x - x0) * at(base, y1, x1, ch);
          out[o + ch] = (y1 - y) * top + (y - y0) * bottom;
        }
      }
    }
  }
  return out;
}

/**
 * Mirrors the chosen images of a `[n, h, w, c]` row-major batch: left–right
 * where `lr[i]`, up–down where `ud[i]` (either may be `null`). Exact; pure.
 */
export function flipPixels(
  src: ArrayLike<number>,
  shape: readonly [number, number, number, number],
  lr: readonly boolean[] | null,
  ud: readonly boolean[] | null,
  out: Float32Array = new Float32Array(shape[0] * shape[1] * shape[2] * shape[3]),
): Float32Array {
  const [n, h, w, c] = shape;
  if (src.length !== n * h * w * c || out.length !== src.length) {
    throw new Error(`flipPixels: ${src.length} values in and ${out.length} out for shape [${shape.join(', ')}].`);
  }
  const rowStride = w * c;
  const imageSize = h * rowStride;
  for (let b = 0; b < n; b++) {
    const base = b * imageSize;
    const flipX = lr?.[b] ?? false;
    const flipY = ud?.[b] ?? false;
    for (let y = 0; y < h; y++) {
      const sy = flipY ? h - 1 - y : y;
      for (let x = 0; x < w; x++) {
        const sx = flipX ? w - 1 - x : x;
        const o = base + y * rowStride + x * c;
        const s = base + sy * rowStride + sx * c;
        for (let ch = 0; ch < c; ch++) out[o + ch] = src[s + ch];
      }
    }
  }
  return out;
}

/**
 * Warps each image of a batch by its own projective transform, as
 * `tf.image.transform`. Returns a new float32 tensor (int pixels would
 * truncate the interpolation); the input is not disposed.
 *
 * @param transforms One row per image, or a single row for all.
 */
export function applyTransforms(x: tf.Tensor4D, transforms: readonly TransformRow[], options: FillOptions = {}): tf.Tensor4D {
  check4d(x, 'applyTransforms');
  checkRows(transforms, x.shape[0], 'applyTransforms');
  return runSteps(x, [{ kind: 'warp', rows: transforms }], options);
}

function drawFlip(rng: Rng, n: number, mode: FlipMode): FlipStep {
  if (mode !== 'horizontal' && mode !== 'vertical' && mode !== 'horizontal_and_vertical') {
    throw new Error(`randomFlip: mode must be 'horizontal', 'vertical' or 'horizontal_and_vertical', got '${String(mode)}'.`);
  }
  const drawMask = (): boolean[] => Array.from({ length: n }, () => rng.next() < 0.5);
  const lr = mode === 'vertical' ? null : drawMask();
  const ud = mode === 'horizontal' ? null : drawMask();
  return { kind: 'flip', lr, ud };
}

function drawRotation(rng: Rng, [n, h, w]: readonly number[], factor: Factor): WarpStep {
  const [lo, hi] = range(factor, 'randomRotation factor');
  return { kind: 'warp', rows: Array.from({ length: n }, () => rotationMatrix(rng.uniform(lo * 2 * Math.PI, hi * 2 * Math.PI), h, w)) };
}

function drawZoom(rng: Rng, [n, h, w]: readonly number[], heightFactor: Factor, widthFactor: Factor | null): WarpStep {
  const [hlo, hhi] = range(heightFactor, 'randomZoom heightFactor');
  const wRange = widthFactor === null ? null : range(widthFactor, 'randomZoom widthFactor');
  for (const v of [hlo, hhi, ...(wRange ?? [])]) {
    if (Math.abs(v) > 1) throw new Error('randomZoom: factors must lie in [-1, 1].');
  }
  const rows = Array.from({ length: n }, () => {
    const zy = rng.uniform(1 + hlo, 1 + hhi);
    const zx = wRange ? rng.uniform(1 + wRange[0], 1 + wRange[1]) : zy;
    return zoomMatrix(zx, zy, h, w);
  });
  return { kind: 'warp', rows };
}

function drawTranslation(rng: Rng, [n, h, w]: readonly number[], heightFactor: Factor, widthFactor: Factor): WarpStep {
  const [hlo, hhi] = range(heightFactor, 'randomTranslation heightFactor');
  const [wlo, whi] = range(widthFactor, 'randomTranslation widthFactor');
  for (const v of [hlo, hhi, wlo, whi]) {
    if (Math.abs(v) > 1) throw new Error('randomTranslation: factors must lie in [-1, 1].');
  }
  const rows = Array.from({ length: n }, () => {
    const dy = rng.uniform(hlo, hhi) * h;
    const dx = rng.uniform(wlo, whi) * w;
    return translationMatrix(dx, dy);
  });
  return { kind: 'warp', rows };
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
  return runSteps(x, [drawFlip(rngOf(options.seed), x.shape[0], mode)], {});
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
  return runSteps(x, [drawRotation(rngOf(options.seed), x.shape, factor)], options);
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
  return runSteps(x, [drawZoom(rngOf(options.seed), x.shape, heightFactor, widthFactor)], options);
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
  return runSteps(x, [drawTranslation(rngOf(options.seed), x.shape, heightFactor, widthFactor)], options);
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
  // Parameters are drawn in the stack's order, exactly as the single-step functions draw them.
  const steps: Step[] = [];
  if (options.flip) steps.push(drawFlip(rng, x.shape[0], options.flip));
  if (options.rotation !== undefined) steps.push(drawRotation(rng, x.shape, options.rotation));
  if (options.zoom !== undefined) {
    const z = options.zoom;
    steps.push(
      typeof z === 'object' && !Array.isArray(z) && 'height' in z
        ? drawZoom(rng, x.shape, z.height, z.width ?? null)
        : drawZoom(rng, x.shape, z as Factor, null),
    );
  }
  if (options.translation !== undefined) {
    const t = options.translation;
    steps.push(
      typeof t === 'object' && !Array.isArray(t) && 'height' in t
        ? drawTranslation(rng, x.shape, t.height, t.width)
        : drawTranslation(rng, x.shape, t as Factor, t as Factor),
    );
  }
  return runSteps(x, steps, { fillMode: options.fillMode, interpolation: options.interpolation, fillValue: options.fillValue });
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
