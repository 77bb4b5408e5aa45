import {
  backend_util,
  SplitV,
  util,
  type DataType,
  type KernelConfig,
  type KernelFunc,
  type SplitVAttrs,
  type TensorInfo,
} from '@tensorflow/tfjs';
import type { NumericArray } from './tensor_access';

interface CpuBackendLike {
  data: { get(dataId: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: DataType, values?: NumericArray): TensorInfo;
}

/**
 * Copies piece `[offset, offset + size)` of `axis` out of a row-major array.
 * The axis splits the data into `outer` blocks of `axisLength · inner`
 * contiguous elements, so each block contributes one contiguous run.
 */
export function splitPiece<T extends NumericArray>(
  values: T,
  outer: number,
  axisLength: number,
  inner: number,
  offset: number,
  size: number,
  out: T,
): void {
  const run = size * inner;
  for (let o = 0; o < outer; o++) {
    const from = (o * axisLength + offset) * inner;
    out.set(values.subarray(from, from + run), o * run);
  }
}

/**
 * Stock cpu SplitV slices non-contiguous pieces element by element through
 * TensorBuffer index arithmetic. Every LSTM/GRU step splits its gate matrix
 * along the last axis, so that path dominated RNN training on cpu (about half
 * the step time of a GRU). Strings and complex tensors go to the stock kernel.
 */
function makeKernelFunc(stock: KernelConfig | undefined): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const x = inputs.x as TensorInfo;
    const cpu = backend as CpuBackendLike;
    const values = cpu.data.get(x.dataId).values;
    const numeric =
      values instanceof Float32Array || values instanceof Int32Array || values instanceof Uint8Array;
    if (!numeric || x.dtype === 'string' || x.dtype === 'complex64') {
      if (!stock) throw new Error(`SplitV: dtype ${x.dtype} is not supported.`);
      return stock.kernelFunc(args);
    }
    const { numOrSizeSplits, axis } = attrs as unknown as SplitVAttrs;
    const $axis = util.parseAxisParam(axis, x.shape)[0];
    const sizes = backend_util.prepareSplitSize(x, numOrSizeSplits, $axis);
    const outer = util.sizeFromShape(x.shape.slice(0, $axis));
    const inner = util.sizeFromShape(x.shape.slice($axis + 1));
    const axisLength = x.shape[$axis];
    let offset = 0;
    return sizes.map((size) => {
      const shape = x.shape.slice();
      shape[$axis] = size;
      const out = new (values.constructor as { new (n: number): NumericArray })(outer * size * inner);
      splitPiece(values, outer, axisLength, inner, offset, size, out);
      offset += size;
      return cpu.makeTensorInfo(shape, x.dtype, out);
    });
  };
}

export function splitVCpuConfig(stock?: KernelConfig): KernelConfig {
  return { kernelName: SplitV, backendName: 'cpu', kernelFunc: makeKernelFunc(stock) };
}
