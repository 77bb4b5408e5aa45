import {
  backend_util,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { conv2dBackpropFilterGemm } from './conv2d_gemm_wasm';
import { conv2dBackpropFilterAsConv } from './conv2d_grads_as_conv';
import { computeOnBackend, stridesOf, type DojoBackendName, type NumericArray } from './tensor_access';

/** Element strides of a 4-D activation, whatever its data format. */
interface ImageStrides {
  batch: number;
  row: number;
  col: number;
  channel: number;
}

function imageStrides(shape: readonly number[], channelsLast: boolean): ImageStrides {
  const s = stridesOf(shape);
  return channelsLast
    ? { batch: s[0], row: s[1], col: s[2], channel: s[3] }
    : { batch: s[0], row: s[2], col: s[3], channel: s[1] };
}

/**
 * dW[wR, wC, d1, d2] = Σ_b,yR,yC x[b, yR·sH + wR − top, yC·sW + wC − left, d1] · dy[b, yR, yC, d2]
 *
 * Stock wasm has no such kernel, so no conv net (Conv1D included, which is a
 * Conv2D underneath) can train there. Accumulates in float64 (the filter is
 * small) so that summing over a whole batch does not drift from the stock cpu
 * result, which also sums in doubles.
 */
export function conv2dBackpropFilterValues(
  x: NumericArray,
  dy: NumericArray,
  info: backend_util.Conv2DInfo,
  out: Float32Array | Int32Array,
): void {
  const channelsLast = info.dataFormat === 'channelsLast';
  const xs = imageStrides(info.inShape, channelsLast);
  const dys = imageStrides(info.outShape, channelsLast);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, filterHeight, filterWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const acc = new Float64Array(out.length);
  const filterRowStride = filterWidth * inChannels * outChannels;
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      for (let yC = 0; yC < outWidth; yC++) {
        const dyOff = b * dys.batch + yR * dys.row + yC * dys.col;
        for (let wR = 0; wR < filterHeight; wR++) {
          const xR = yR * strideHeight - top + wR * dilationHeight;
          if (xR < 0 || xR >= inHeight) continue;
          for (let wC = 0; wC < filterWidth; wC++) {
            const xC = yC * strideWidth - left + wC * dilationWidth;
            if (xC < 0 || xC >= inWidth) continue;
            const xOff = b * xs.batch + xR * xs.row + xC * xs.col;
            const wOff = wR * filterRowStride + wC * inChannels * outChannels;
            for (let d1 = 0; d1 < inChannels; d1++) {
              const xv = x[xOff + d1 * xs.channel];
              const accOff = wOff + d1 * outChannels;
              for (let d2 = 0; d2 < outChannels; d2++) {
                acc[accOff + d2] += xv * dy[dyOff + d2 * dys.channel];
              }
            }
          }
        }
      }
    }
  }
  for (let i = 0; i < acc.length; i++) out[i] = acc[i];
}

/**
 * Below this many input channels the as-a-convolution form (./conv2d_grads_as_conv.ts)
 * gives XNNPACK only fh·fw·inC output pixels (9 for a 3×3 filter on a grey image) and
 * loses to im2col + GEMM on one thread. Measured in Node (wasm SIMD, one thread, a
 * fresh x and dy each call as in training, loaded 2-core machine), GEMM vs conv:
 * [64,28,28,1]→16 8.4 vs 10.9 ms, [64,28,28,3]→32 29 vs 53 ms; [64,28,28,8]→16
 * 24.5 vs 17.4 ms, [64,14,14,16]→32 14.0 vs 8.7 ms, [32,26,26,32]→64 79 vs 67 ms.
 */
const AS_CONV_MIN_IN_CHANNELS = 8;

function makeKernelFunc(backendName: DojoBackendName): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const x = inputs.x as TensorInfo;
    const dy = inputs.dy as TensorInfo;
    const a = attrs as unknown as Conv2DBackpropFilterAttrs;
    const info = backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      a.filterShape,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
      false,
      backend_util.convertConv2DDataFormat(a.dataFormat),
    );
    if (backendName === 'wasm' && info.dataFormat === 'channelsLast') {
      const wasm = backend as Parameters<typeof conv2dBackpropFilterGemm>[0];
      const asConv = info.inChannels >= AS_CONV_MIN_IN_CHANNELS ? conv2dBackpropFilterAsConv(wasm, x, dy, info) : undefined;
      return asConv ?? conv2dBackpropFilterGemm(wasm, x, dy, info);
    }
    return computeOnBackend(backendName, backend, [x, dy], info.filterShape, 'float32', ([xs, dys], out) =>
      conv2dBackpropFilterValues(xs, dys, info, out),
    );
  };
}

export function conv2dBackpropFilterConfig(backendName: DojoBackendName): KernelConfig {
  return { kernelName: Conv2DBackpropFilter, backendName, kernelFunc: makeKernelFunc(backendName) };
}
