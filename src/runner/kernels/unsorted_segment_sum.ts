import {
  UnsortedSegmentSum,
  util,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
  type UnsortedSegmentSumAttrs,
} from '@tensorflow/tfjs';
import { computeOnBackend, type DojoBackendName, type NumericArray } from './tensor_access';

/**
 * Scatter-add: out[segmentIds[i], ...] += x[i, ...].
 *
 * Embedding's gradient goes through gather's gradient, which is this kernel.
 * Stock cpu builds one mask per segment (numSegments × x.size work and as
 * many temporary tensors): ~15 samples/s for a 10k-word vocabulary. Stock
 * wasm has no kernel at all. One pass over x is all it takes.
 *
 * Ids outside [0, numSegments) are dropped, as the stock kernel does.
 */
export function unsortedSegmentSumValues(
  x: NumericArray,
  segmentIds: NumericArray,
  numSegments: number,
  out: Float32Array | Int32Array,
): void {
  const n = segmentIds.length;
  const inner = n === 0 ? 0 : x.length / n;
  for (let i = 0; i < n; i++) {
    const seg = segmentIds[i];
    if (seg < 0 || seg >= numSegments) continue;
    const src = i * inner;
    const dst = seg * inner;
    for (let j = 0; j < inner; j++) out[dst + j] += x[src + j];
  }
}

function makeKernelFunc(backendName: DojoBackendName): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const x = inputs.x as TensorInfo;
    const segmentIds = inputs.segmentIds as TensorInfo;
    const { numSegments } = attrs as unknown as UnsortedSegmentSumAttrs;
    const idsRank = segmentIds.shape.length;
    util.assert(
      util.arraysEqual(x.shape.slice(0, idsRank), segmentIds.shape),
      () => `unsortedSegmentSum: segmentIds shape ${segmentIds.shape} must prefix x shape ${x.shape}`,
    );
    const outShape = [numSegments, ...x.shape.slice(idsRank)];
    const outDtype = x.dtype === 'int32' ? 'int32' : 'float32';
    return computeOnBackend(
      backendName,
      backend,
      [x, segmentIds],
      outShape,
      outDtype,
      ([xs, ids], out) => unsortedSegmentSumValues(xs, ids, numSegments, out),
    );
  };
}

export function unsortedSegmentSumConfig(backendName: DojoBackendName): KernelConfig {
  return {
    kernelName: UnsortedSegmentSum,
    backendName,
    kernelFunc: makeKernelFunc(backendName),
  };
}
