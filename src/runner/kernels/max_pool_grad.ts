import {
  backend_util,
  MaxPoolGrad,
  type KernelConfig,
  type KernelFunc,
  type MaxPoolGradAttrs,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { computeOnBackend, type DojoBackendName, type NumericArray } from './tensor_access';

/**
 * Routes each window's gradient to the first maximum of that window (the
 * position tfjs picks: a strict `>` scan, so NaNs and ties go to the earliest
 * element; a window with no finite maximum gets none). Overlapping windows add.
 *
 * Stock cpu walks every input pixel through TensorBuffer index arithmetic:
 * about as slow as the convolutions themselves in an MNIST-sized conv net.
 * Stock wasm (4.22) is fast but wrong: on random inputs it routes gradient to
 * other elements than the window maxima (see tests/unit/kernels).
 * Input is NHWC, as for every 2-D pooling op in tfjs.
 */
export function maxPoolGradValues(
  dy: NumericArray,
  x: NumericArray,
  info: backend_util.Conv2DInfo,
  out: Float32Array | Int32Array,
): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const { effectiveFilterHeight, effectiveFilterWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  if (isTiled2x2(info)) {
    maxPoolGrad2x2(dy, x, info, out);
    return;
  }
  // One window at a time, all channels together: NHWC keeps a pixel's channels
  // side by side, so the scan reads memory in order (a channel at a time strided
  // through it, 3× slower on a 16-channel MNIST layer).
  const best = new Float64Array(inChannels);
  const bestAt = new Int32Array(inChannels);
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      const rCorner = yR * strideHeight - top;
      let rMin = rCorner;
      while (rMin < 0) rMin += dilationHeight;
      const rMax = Math.min(inHeight, rCorner + effectiveFilterHeight);
      for (let yC = 0; yC < outWidth; yC++) {
        const cCorner = yC * strideWidth - left;
        let cMin = cCorner;
        while (cMin < 0) cMin += dilationWidth;
        const cMax = Math.min(inWidth, cCorner + effectiveFilterWidth);
        best.fill(Number.NEGATIVE_INFINITY);
        bestAt.fill(-1);
        // Row-major over the window with a strict `>`: the first maximum wins.
        for (let xR = rMin; xR < rMax; xR += dilationHeight) {
          const rowOff = (b * inHeight + xR) * inWidth;
          for (let xC = cMin; xC < cMax; xC += dilationWidth) {
            const at = (rowOff + xC) * inChannels;
            for (let d = 0; d < inChannels; d++) {
              const v = x[at + d];
              if (v > best[d]) {
                best[d] = v;
                bestAt[d] = at + d;
              }
            }
          }
        }
        const dyOff = ((b * outHeight + yR) * outWidth + yC) * inChannels;
        for (let d = 0; d < inChannels; d++) if (bestAt[d] >= 0) out[bestAt[d]] += dy[dyOff + d];
      }
    }
  }
}

/** MaxPooling2D's default: 2×2 windows, stride 2, every window inside the input. */
function isTiled2x2(info: backend_util.Conv2DInfo): boolean {
  return (
    info.effectiveFilterHeight === 2 &&
    info.effectiveFilterWidth === 2 &&
    info.strideHeight === 2 &&
    info.strideWidth === 2 &&
    info.padInfo.top === 0 &&
    info.padInfo.left === 0 &&
    2 * info.outHeight <= info.inHeight &&
    2 * info.outWidth <= info.inWidth
  );
}

/**
 * The same rule as the general loop, unrolled for the default pooling layer: the
 * four candidates in row-major order with a strict `>` from −∞, so ties go to the
 * first and NaN is never picked. About twice as fast as the general loop, and
 * still the largest single-threaded kernel of a small conv net's step.
 */
function maxPoolGrad2x2(dy: NumericArray, x: NumericArray, info: backend_util.Conv2DInfo, out: Float32Array | Int32Array): void {
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth } = info;
  const rowStride = inWidth * c;
  let o = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      let at00 = (b * inHeight + 2 * yR) * rowStride;
      for (let yC = 0; yC < outWidth; yC++, at00 += 2 * c) {
        for (let d = 0; d < c; d++, o++) {
          const p00 = at00 + d;
          const p01 = p00 + c;
          const p10 = p00 + rowStride;
          const p11 = p10 + c;
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          if (x[p00] > best) {
            best = x[p00];
            at = p00;
          }
          if (x[p01] > best) {
            best = x[p01];
            at = p01;
          }
          if (x[p10] > best) {
            best = x[p10];
            at = p10;
          }
          if (x[p11] > best) at = p11;
          if (at >= 0) out[at] += dy[o];
        }
      }
    }
  }
}

function makeKernelFunc(backendName: DojoBackendName): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const dy = inputs.dy as TensorInfo;
    const x = inputs.input as TensorInfo;
    const a = attrs as unknown as MaxPoolGradAttrs;
    const info = backend_util.computePool2DInfo(
      x.shape as [number, number, number, number],
      a.filterSize,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
    );
    return computeOnBackend(backendName, backend, [dy, x], x.shape, 'float32', ([dys, xs], out) =>
      maxPoolGradValues(dys, xs, info, out),
    );
  };
}

export function maxPoolGradConfig(backendName: DojoBackendName): KernelConfig {
  return { kernelName: MaxPoolGrad, backendName, kernelFunc: makeKernelFunc(backendName) };
}
