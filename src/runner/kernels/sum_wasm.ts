import { backend_util, Sum, util, type KernelConfig, type KernelFunc, type SumAttrs, type TensorInfo } from '@tensorflow/tfjs';
import { callWasmKernel, disposeAll, type WasmBackend } from './wasm_calls';

/** Below this many rows the stock loop is as quick as setting up a matmul. */
const MIN_ROWS = 4096;

/**
 * A sum over every axis but the last (a conv or dense layer's bias gradient,
 * batch statistics) as ones[1, rows] · x[rows, channels] on XNNPACK. Stock wasm
 * first transposes the input so the summed axes are innermost, then sums on one
 * thread: for a [64, 28, 28, 16] activation that was 1.7–2 ms of an ~90 ms step;
 * the matmul reads x once, in order, on every thread. Other sums go to stock.
 */
function makeKernelFunc(stock: KernelConfig): KernelFunc {
  return (args) => {
    const x = args.inputs.x as TensorInfo;
    const { axis, keepDims } = args.attrs as unknown as SumAttrs;
    const rank = x.shape.length;
    const axes = util.parseAxisParam(axis, x.shape).sort((p, q) => p - q);
    const leading = rank >= 2 && axes.length === rank - 1 && axes.every((a, i) => a === i);
    const channels = x.shape[rank - 1];
    const rows = util.sizeFromShape(x.shape) / Math.max(1, channels);
    if (!leading || x.dtype !== 'float32' || rows < MIN_ROWS || channels === 0) return stock.kernelFunc(args);
    const backend = args.backend as WasmBackend;
    const ones = backend.makeOutput([1, rows], 'float32');
    backend.typedArrayFromHeap(ones).fill(1);
    try {
      const out = callWasmKernel(backend, 'BatchMatMul', { a: ones, b: { ...x, shape: [rows, channels] } }, { transposeA: false, transposeB: false });
      out.shape = keepDims ? backend_util.expandShapeToKeepDim([channels], axes) : [channels];
      return out;
    } finally {
      disposeAll(backend, [ones]);
    }
  };
}

export function sumWasmConfig(stock: KernelConfig | undefined): KernelConfig {
  if (!stock) throw new Error("The wasm backend has no stock 'Sum' to fall back on.");
  return { ...stock, kernelName: Sum, backendName: 'wasm', kernelFunc: makeKernelFunc(stock) };
}
