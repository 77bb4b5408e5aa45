import {
  backend_util,
  DepthwiseConv2dNativeBackpropFilter,
  DepthwiseConv2dNativeBackpropInput,
  type DepthwiseConv2dNativeBackpropFilterAttrs,
  type DepthwiseConv2dNativeBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { computeOnBackend, type DojoBackendName, type NumericArray } from './tensor_access';

/*
 * DepthwiseConv2D and SeparableConv2D layers train through these two kernels,
 * which stock wasm lacks. Depthwise convolution is NHWC-only in tfjs, so the
 * layouts below are fixed: x [b, h, w, c], filter [fh, fw, c, m],
 * dy [b, oh, ow, c·m] with output channel c·m + q.
 */

/** Calls `visit` for every (output pixel, filter tap) pair that lands inside the input. */
function forEachTap(
  info: backend_util.Conv2DInfo,
  visit: (xOff: number, dyOff: number, wOff: number) => void,
): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, filterHeight, filterWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const mult = outChannels / inChannels;
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      for (let yC = 0; yC < outWidth; yC++) {
        const dyOff = ((b * outHeight + yR) * outWidth + yC) * outChannels;
        for (let wR = 0; wR < filterHeight; wR++) {
          const xR = yR * strideHeight - top + wR * dilationHeight;
          if (xR < 0 || xR >= inHeight) continue;
          for (let wC = 0; wC < filterWidth; wC++) {
            const xC = yC * strideWidth - left + wC * dilationWidth;
            if (xC < 0 || xC >= inWidth) continue;
            const xOff = ((b * inHeight + xR) * inWidth + xC) * inChannels;
            const wOff = (wR * filterWidth + wC) * inChannels * mult;
            visit(xOff, dyOff, wOff);
          }
        }
      }
    }
  }
}

export function depthwiseBackpropFilterValues(
  x: NumericArray,
  dy: NumericArray,
  info: backend_util.Conv2DInfo,
  out: Float32Array | Int32Array,
): void {
  const c = info.inChannels;
  const mult = info.outChannels / c;
  const acc = new Float64Array(out.length);
  forEachTap(info, (xOff, dyOff, wOff) => {
    for (let d1 = 0; d1 < c; d1++) {
      const xv = x[xOff + d1];
      for (let q = 0; q < mult; q++) acc[wOff + d1 * mult + q] += xv * dy[dyOff + d1 * mult + q];
    }
  });
  for (let i = 0; i < acc.length; i++) out[i] = acc[i];
}

export function depthwiseBackpropInputValues(
  dy: NumericArray,
  filter: NumericArray,
  info: backend_util.Conv2DInfo,
  out: Float32Array | Int32Array,
): void {
  const c = info.inChannels;
  const mult = info.outChannels / c;
  forEachTap(info, (xOff, dyOff, wOff) => {
    for (let d1 = 0; d1 < c; d1++) {
      let sum = 0;
      for (let q = 0; q < mult; q++) sum += dy[dyOff + d1 * mult + q] * filter[wOff + d1 * mult + q];
      out[xOff + d1] += sum;
    }
  });
}

function filterKernel(backendName: DojoBackendName): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const x = inputs.x as TensorInfo;
    const dy = inputs.dy as TensorInfo;
    const a = attrs as unknown as DepthwiseConv2dNativeBackpropFilterAttrs;
    const info = backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      a.filterShape,
      a.strides,
      a.dilations,
      a.pad,
      a.dimRoundingMode,
      true,
    );
    return computeOnBackend(backendName, backend, [x, dy], info.filterShape, 'float32', ([xs, dys], out) =>
      depthwiseBackpropFilterValues(xs, dys, info, out),
    );
  };
}

function inputKernel(backendName: DojoBackendName): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const dy = inputs.dy as TensorInfo;
    const filter = inputs.filter as TensorInfo;
    const a = attrs as unknown as DepthwiseConv2dNativeBackpropInputAttrs;
    const info = backend_util.computeConv2DInfo(
      a.inputShape,
      filter.shape as [number, number, number, number],
      a.strides,
      a.dilations,
      a.pad,
      a.dimRoundingMode,
      true,
    );
    return computeOnBackend(backendName, backend, [dy, filter], info.inShape, 'float32', ([dys, fs], out) =>
      depthwiseBackpropInputValues(dys, fs, info, out),
    );
  };
}

export function depthwiseBackpropFilterConfig(backendName: DojoBackendName): KernelConfig {
  return { kernelName: DepthwiseConv2dNativeBackpropFilter, backendName, kernelFunc: filterKernel(backendName) };
}

export function depthwiseBackpropInputConfig(backendName: DojoBackendName): KernelConfig {
  return { kernelName: DepthwiseConv2dNativeBackpropInput, backendName, kernelFunc: inputKernel(backendName) };
}
