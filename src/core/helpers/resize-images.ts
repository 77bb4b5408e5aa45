/**
 * Bilinear resizing of varied-size RGB images into fixed-size float arrays (pure
 * TypeScript, identical on every backend, so the grader's preprocessing cannot
 * drift from the learner's). Free of tfjs so the app's main thread can use it;
 * the tensor helpers are in images.ts.
 */
import type { RawImage } from '../data';

/** Sampling grid of the bilinear resize, as `tf.image.resizeBilinear`'s flags. */
export interface ResizeOptions {
  /**
   * Sample at pixel centres, as TF 2's `tf.image.resize`, Keras' `Resizing`
   * layer and `image_dataset_from_directory` do. Default `true` (`false` when `alignCorners`).
   * Set `false` (with `alignCorners: false`) to match tfjs'
   * `tf.image.resizeBilinear(x, size)` called with its defaults (TF 1 behaviour).
   */
  halfPixelCenters?: boolean;
  /** Align the corner pixels of input and output (TF 1 `align_corners`). Default `false`. */
  alignCorners?: boolean;
}

/** Options of the batch converters: resize grid plus a multiplier applied after resizing. */
export interface ImageBatchOptions extends ResizeOptions {
  /** Multiply every value after resizing, e.g. `1 / 255` for inputs in [0, 1]. Default `1` (values 0–255). */
  scale?: number;
}

function checkSize(size: readonly [number, number], fn: string): void {
  const [h, w] = size;
  if (!Number.isInteger(h) || !Number.isInteger(w) || h < 1 || w < 1) {
    throw new Error(`${fn}: size must be [height, width] with positive integers, got [${size.join(', ')}].`);
  }
}

function checkImage(image: RawImage, fn: string, index?: number): void {
  const where = index === undefined ? '' : ` ${index}`;
  if (!image || !Number.isInteger(image.width) || !Number.isInteger(image.height) || image.width < 1 || image.height < 1) {
    throw new Error(`${fn}: image${where} needs positive integer width and height.`);
  }
  if (image.pixels.length !== image.width * image.height * 3) {
    throw new Error(
      `${fn}: image${where} is ${image.width}×${image.height} but has ${image.pixels.length} bytes (expected ${image.width * image.height * 3}, RGB).`,
    );
  }
}

/**
 * Bilinear resize of one `[srcH, srcW, channels]` block into `out` at `outOffset`.
 * A line-for-line port of tfjs' CPU `ResizeBilinear` kernel (same operations in
 * the same order, in doubles, stored as float32), hence bit-identical to it.
 */
function resizeInto(
  src: ArrayLike<number>,
  srcH: number,
  srcW: number,
  channels: number,
  outH: number,
  outW: number,
  options: ResizeOptions,
  out: Float32Array,
  outOffset: number,
  scale: number,
): void {
  const alignCorners = options.alignCorners ?? false;
  const halfPixelCenters = options.halfPixelCenters ?? !alignCorners;
  if (alignCorners && halfPixelCenters) {
    throw new Error('Image resize: alignCorners and halfPixelCenters cannot both be true.');
  }
  const inH = alignCorners && outH > 1 ? srcH - 1 : srcH;
  const inW = alignCorners && outW > 1 ? srcW - 1 : srcW;
  const effOutH = alignCorners && outH > 1 ? outH - 1 : outH;
  const effOutW = alignCorners && outW > 1 ? outW - 1 : outW;
  const rowRatio = inH / effOutH;
  const colRatio = inW / effOutW;
  const rowStride = srcW * channels;
  const fscale = Math.fround(scale);
  let o = outOffset;
  for (let r = 0; r < outH; r++) {
    const fr = halfPixelCenters ? rowRatio * (r + 0.5) - 0.5 : rowRatio * r;
    const r0 = Math.max(0, Math.floor(fr));
    const rowFrac = fr - r0;
    const r1 = Math.min(srcH - 1, Math.ceil(fr));
    const top = r0 * rowStride;
    const bot = r1 * rowStride;
    for (let c = 0; c < outW; c++) {
      const fc = halfPixelCenters ? colRatio * (c + 0.5) - 0.5 : colRatio * c;
      const c0 = Math.max(0, Math.floor(fc));
      const colFrac = fc - c0;
      const c1 = Math.min(srcW - 1, Math.ceil(fc));
      for (let d = 0; d < channels; d++) {
        const tl = src[top + c0 * channels + d];
        const tr = src[top + c1 * channels + d];
        const bl = src[bot + c0 * channels + d];
        const br = src[bot + c1 * channels + d];
        const t = tl + (tr - tl) * colFrac;
        const b = bl + (br - bl) * colFrac;
        const v = t + (b - t) * rowFrac;
        // Round to float32 before scaling, as a float32 tensor multiplied by a scalar would be.
        out[o++] = fscale === 1 ? v : Math.fround(v) * fscale;
      }
    }
  }
}

/**
 * Resizes one RGB image to `[height, width, 3]` with bilinear interpolation,
 * in plain TypeScript (no tfjs, same result on every backend and in the grader).
 * Matches `tf.image.resizeBilinear(x, size, alignCorners, halfPixelCenters)`
 * on the CPU backend exactly.
 *
 * @param size `[height, width]` of the result.
 * @returns Float values 0–255, row-major `[height, width, 3]`.
 * @example
 * ```ts
 * const pixels = resizeImage(split.images[0], [64, 64]); // Float32Array(64 * 64 * 3)
 * ```
 */
export function resizeImage(image: RawImage, size: readonly [number, number], options: ResizeOptions = {}): Float32Array {
  checkSize(size, 'resizeImage');
  checkImage(image, 'resizeImage');
  const [h, w] = size;
  const out = new Float32Array(h * w * 3);
  resizeInto(image.pixels, image.height, image.width, 3, h, w, options, out, 0, 1);
  return out;
}

/**
 * Resizes many images to one size and packs them as a `[n, height, width, 3]`
 * float32 block, without tfjs: what graders use to prepare the test split.
 *
 * @example
 * ```ts
 * const { values, shape } = resizeImages(split.images, [64, 64], { scale: 1 / 255 });
 * shape; // [split.images.length, 64, 64, 3]
 * ```
 */
export function resizeImages(
  images: readonly RawImage[],
  size: readonly [number, number],
  options: ImageBatchOptions = {},
): { values: Float32Array; shape: [number, number, number, number] } {
  checkSize(size, 'resizeImages');
  const [h, w] = size;
  const per = h * w * 3;
  const values = new Float32Array(images.length * per);
  images.forEach((im, i) => {
    checkImage(im, 'resizeImages', i);
    resizeInto(im.pixels, im.height, im.width, 3, h, w, options, values, i * per, options.scale ?? 1);
  });
  return { values, shape: [images.length, h, w, 3] };
}
