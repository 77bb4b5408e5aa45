import { backend_util, getKernel, type TensorInfo } from '@tensorflow/tfjs';

/*
 * Conv gradients on wasm as im2col + the backend's own BatchMatMul (XNNPACK,
 * SIMD): plain JS loops run the big multiply-adds at well under 1 GFLOP/s,
 * the wasm matmul several times faster. Only the data shuffling stays in JS.
 * NHWC only (the layers API's default); other layouts use the loop kernels.
 *
 * Patches are built for a few images at a time so the scratch matrix stays
 * near CHUNK_ELEMENTS floats whatever the batch size.
 */
const CHUNK_ELEMENTS = 1 << 22;

interface WasmBackend {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array;
  disposeData(dataId: object): boolean;
}

function matMul(backend: WasmBackend, a: TensorInfo, b: TensorInfo): TensorInfo {
  const kernel = getKernel('BatchMatMul', 'wasm');
  if (!kernel) throw new Error("The wasm backend has no 'BatchMatMul' kernel.");
  // No transposes: wasm's BatchMatMul only takes the XNNPACK path without them.
  return kernel.kernelFunc({
    inputs: { a, b },
    backend,
    attrs: { transposeA: false, transposeB: false },
  }) as TensorInfo;
}

function imagesPerChunk(info: backend_util.Conv2DInfo, columnsPerImage: number, chunkElements: number): number {
  const perImage = info.outHeight * info.outWidth * columnsPerImage;
  return Math.max(1, Math.min(info.batchSize, Math.floor(chunkElements / Math.max(1, perImage))));
}

/** Copies dy rows of images [b0, b1) into a fresh [1, rows, outC] wasm tensor. */
function dyChunk(backend: WasmBackend, dy: TensorInfo, info: backend_util.Conv2DInfo, b0: number, b1: number): TensorInfo {
  const rowsPerImage = info.outHeight * info.outWidth;
  const rows = (b1 - b0) * rowsPerImage;
  const chunk = backend.makeOutput([1, rows, info.outChannels], 'float32');
  const src = backend.typedArrayFromHeap(dy);
  const per = rowsPerImage * info.outChannels;
  backend.typedArrayFromHeap(chunk).set(src.subarray(b0 * per, b1 * per));
  return chunk;
}

/** dW = patchesᵀ · dy, with patchesᵀ laid out [fh·fw·inC, rows] so no transpose is needed. */
export function conv2dBackpropFilterGemm(
  backend: WasmBackend,
  x: TensorInfo,
  dy: TensorInfo,
  info: backend_util.Conv2DInfo,
  chunkElements = CHUNK_ELEMENTS,
): TensorInfo {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, filterHeight, filterWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const k = filterHeight * filterWidth * inChannels;
  const acc = new Float64Array(k * outChannels);
  const step = imagesPerChunk(info, k, chunkElements);
  for (let b0 = 0; b0 < batchSize; b0 += step) {
    const b1 = Math.min(batchSize, b0 + step);
    const rows = (b1 - b0) * outHeight * outWidth;
    const patches = backend.makeOutput([1, k, rows], 'float32');
    const dyPart = dyChunk(backend, dy, info, b0, b1);
    // Views only after the last allocation: heap growth detaches older views.
    const p = backend.typedArrayFromHeap(patches);
    const xs = backend.typedArrayFromHeap(x);
    for (let wR = 0; wR < filterHeight; wR++) {
      for (let wC = 0; wC < filterWidth; wC++) {
        for (let d1 = 0; d1 < inChannels; d1++) {
          let o = ((wR * filterWidth + wC) * inChannels + d1) * rows;
          for (let b = b0; b < b1; b++) {
            for (let yR = 0; yR < outHeight; yR++) {
              const xR = yR * strideHeight - top + wR * dilationHeight;
              if (xR < 0 || xR >= inHeight) {
                p.fill(0, o, o + outWidth);
                o += outWidth;
                continue;
              }
              const rowBase = (b * inHeight + xR) * inWidth;
              for (let yC = 0; yC < outWidth; yC++, o++) {
                const xC = yC * strideWidth - left + wC * dilationWidth;
                p[o] = xC < 0 || xC >= inWidth ? 0 : xs[(rowBase + xC) * inChannels + d1];
              }
            }
          }
        }
      }
    }
    const part = matMul(backend, patches, dyPart);
    const partValues = backend.typedArrayFromHeap(part);
    for (let i = 0; i < acc.length; i++) acc[i] += partValues[i];
    backend.disposeData(part.dataId);
    backend.disposeData(patches.dataId);
    backend.disposeData(dyPart.dataId);
  }
  const out = backend.makeOutput(info.filterShape, 'float32');
  backend.typedArrayFromHeap(out).set(acc);
  return out;
}

/** dx = col2im(dy · Wᵀ): each output pixel's filter-sized patch of gradient is added back onto the input. */
export function conv2dBackpropInputGemm(
  backend: WasmBackend,
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
  chunkElements = CHUNK_ELEMENTS,
): TensorInfo {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, filterHeight, filterWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const k = filterHeight * filterWidth * inChannels;
  const filterT = backend.makeOutput([1, outChannels, k], 'float32');
  {
    const w = backend.typedArrayFromHeap(filter);
    const wt = backend.typedArrayFromHeap(filterT);
    for (let i = 0; i < k; i++) for (let d2 = 0; d2 < outChannels; d2++) wt[d2 * k + i] = w[i * outChannels + d2];
  }
  const out = backend.makeOutput(info.inShape, 'float32');
  backend.typedArrayFromHeap(out).fill(0);
  const step = imagesPerChunk(info, k, chunkElements);
  for (let b0 = 0; b0 < batchSize; b0 += step) {
    const b1 = Math.min(batchSize, b0 + step);
    const dyPart = dyChunk(backend, dy, info, b0, b1);
    const cols = matMul(backend, dyPart, filterT);
    const c = backend.typedArrayFromHeap(cols);
    const dx = backend.typedArrayFromHeap(out);
    let o = 0;
    for (let b = b0; b < b1; b++) {
      for (let yR = 0; yR < outHeight; yR++) {
        for (let yC = 0; yC < outWidth; yC++) {
          for (let wR = 0; wR < filterHeight; wR++) {
            const xR = yR * strideHeight - top + wR * dilationHeight;
            const rowOk = xR >= 0 && xR < inHeight;
            for (let wC = 0; wC < filterWidth; wC++, o += inChannels) {
              const xC = yC * strideWidth - left + wC * dilationWidth;
              if (!rowOk || xC < 0 || xC >= inWidth) continue;
              const base = ((b * inHeight + xR) * inWidth + xC) * inChannels;
              for (let d1 = 0; d1 < inChannels; d1++) dx[base + d1] += c[o + d1];
            }
          }
        }
      }
    }
    backend.disposeData(cols.dataId);
    backend.disposeData(dyPart.dataId);
  }
  backend.disposeData(filterT.dataId);
  return out;
}
