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
        const dyOff = ((b * outHeight + yR) * outWidth + yC) * inChannels;
        for (let d = 0; d < inChannels; d++) {
          let best = Number.NEGATIVE_INFINITY;
          let bestAt = -1;
          for (let xR = rMin; xR < rMax; xR += dilationHeight) {
            const rowOff = (b * inHeight + xR) * inWidth;
            for (let xC = cMin; xC < cMax; xC += dilationWidth) {
              const at = (rowOff + xC) * inChannels + d;
              if (x[at] > best) {
                best = x[at];
                bestAt = at;
              }
            }
          }
          if (bestAt >= 0) out[bestAt] += dy[dyOff + d];
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
