import { backend_util, type TensorInfo } from '@tensorflow/tfjs';
import { callWasmKernel, disposeAll, type WasmBackend } from './wasm_calls';

/*
 * Both gradients of an NHWC Conv2D, written as forward Conv2Ds that wasm runs
 * with XNNPACK (SIMD; on every thread of the pool in tfjs' threaded build), so no
 * multiply-add and no im2col loop runs in JavaScript. Each returns undefined for
 * a shape it does not cover; the caller then takes the im2col GEMM path
 * (./conv2d_gemm_wasm.ts).
 */

type Pads = [[number, number], [number, number], [number, number], [number, number]];

/**
 * dx of a stride-1 convolution: a 'full' convolution of dy with the filter rotated
 * by 180° and its in/out channels swapped,
 *   dx[b, r, c, d1] = Σ dy[b, r + top − wR·dH, c + left − wC·dW, d2] · W[wR, wC, d1, d2],
 * i.e. Conv2D(dy, W') with W'[i, j, d2, d1] = W[fh−1−i, fw−1−j, d1, d2] and padding
 * (fh−1)·dH − top above, inH − outH + top below (likewise for columns), which makes
 * the output exactly inH × inW. A strided forward pass would need dy dilated with
 * zeros (stride² times the work): left to the GEMM path.
 */
export function conv2dBackpropInputAsConv(
  backend: WasmBackend,
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo | undefined {
  const { inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } = info;
  const { dilationHeight, dilationWidth } = info;
  if (info.dataFormat !== 'channelsLast' || info.strideHeight !== 1 || info.strideWidth !== 1) return undefined;
  const { top, left } = info.padInfo;
  const pads: Pads = [
    [0, 0],
    [(filterHeight - 1) * dilationHeight - top, inHeight - outHeight + top],
    [(filterWidth - 1) * dilationWidth - left, inWidth - outWidth + left],
    [0, 0],
  ];
  // Padding wider than the filter reaches (explicit padding) would need a crop instead.
  if (pads.flat().some((p) => p < 0)) return undefined;
  const rotated = backend.makeOutput([filterHeight, filterWidth, outChannels, inChannels], 'float32');
  {
    const w = backend.typedArrayFromHeap(filter);
    const r = backend.typedArrayFromHeap(rotated);
    const taps = filterHeight * filterWidth;
    for (let tap = 0; tap < taps; tap++) {
      const src = (taps - 1 - tap) * inChannels * outChannels;
      const dst = tap * outChannels * inChannels;
      for (let d1 = 0; d1 < inChannels; d1++) {
        for (let d2 = 0; d2 < outChannels; d2++) r[dst + d2 * inChannels + d1] = w[src + d1 * outChannels + d2];
      }
    }
  }
  try {
    return callWasmKernel(
      backend,
      'Conv2D',
      { x: dy, filter: rotated },
      { strides: [1, 1], pad: pads, dataFormat: 'NHWC', dilations: [dilationHeight, dilationWidth] },
    );
  } finally {
    disposeAll(backend, [rotated]);
  }
}

/**
 * dW as a convolution of x over dy, with batch and channels swapped:
 *   dW[wR, wC, d1, d2] = Σ_b,yR,yC x[b, yR·sH + wR − top, yC·sW + wC − left, d1] · dy[b, yR, yC, d2]
 * is Conv2D(xᵀ, dyᵀ) with xᵀ = x as [inC, H, W, batch] (images become channels) and
 * dyᵀ = dy as an [outH, outW, batch, outC] filter, the forward strides as its
 * dilations, padding top/left as the forward pass and below/right whatever makes the
 * output fh × fw; the result [inC, fh, fw, outC] is transposed back. Forward dilation
 * must be 1 (it would become this convolution's stride; tfjs layers rarely dilate).
 */
export function conv2dBackpropFilterAsConv(
  backend: WasmBackend,
  x: TensorInfo,
  dy: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo | undefined {
  const { inHeight, inWidth, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  if (info.dataFormat !== 'channelsLast' || info.dilationHeight !== 1 || info.dilationWidth !== 1) return undefined;
  const { top, left } = info.padInfo;
  const bottom = filterHeight - 1 + (outHeight - 1) * strideHeight + 1 - inHeight - top;
  const right = filterWidth - 1 + (outWidth - 1) * strideWidth + 1 - inWidth - left;
  // Negative: rows/columns of x no window reaches ('valid' with a leftover); would need a crop.
  if (bottom < 0 || right < 0) return undefined;
  const made: TensorInfo[] = [];
  try {
    const xT = callWasmKernel(backend, 'Transpose', { x }, { perm: [3, 1, 2, 0] });
    made.push(xT);
    const dyT = callWasmKernel(backend, 'Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
    made.push(dyT);
    const pads: Pads = [[0, 0], [top, bottom], [left, right], [0, 0]];
    const dwT = callWasmKernel(
      backend,
      'Conv2D',
      { x: xT, filter: dyT },
      { strides: [1, 1], pad: pads, dataFormat: 'NHWC', dilations: [strideHeight, strideWidth] },
    );
    made.push(dwT);
    return callWasmKernel(backend, 'Transpose', { x: dwT }, { perm: [1, 2, 0, 3] });
  } finally {
    disposeAll(backend, made);
  }
}
