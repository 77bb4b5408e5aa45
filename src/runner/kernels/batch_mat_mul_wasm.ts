import { BatchMatMul, type BatchMatMulAttrs, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs';
import { disposeAll, swapInnerAxes, type WasmBackend } from './wasm_calls';

/**
 * tfjs 4.22's wasm BatchMatMul takes XNNPACK's (SIMD, threaded) path only when
 * neither operand is transposed; with `transposeA` or `transposeB` it runs a plain
 * C++ loop on one thread, 4–10× slower. Every Dense layer's backward pass asks for
 * both (dx = dy·Wᵀ, dW = xᵀ·dy): in a small conv net they were a fifth of a training
 * step. Transposing the operand first costs one pass over it, then the fast path runs.
 */
function makeKernelFunc(stock: KernelConfig): KernelFunc {
  return (args) => {
    const a = args.inputs.a as TensorInfo;
    const b = args.inputs.b as TensorInfo;
    const { transposeA, transposeB } = args.attrs as unknown as BatchMatMulAttrs;
    if ((!transposeA && !transposeB) || a.dtype !== 'float32' || b.dtype !== 'float32') return stock.kernelFunc(args);
    const backend = args.backend as WasmBackend;
    const made: TensorInfo[] = [];
    const plain = (t: TensorInfo, transposed: boolean) => {
      if (!transposed) return t;
      const swapped = swapInnerAxes(backend, t);
      made.push(swapped);
      return swapped;
    };
    try {
      return stock.kernelFunc({
        ...args,
        inputs: { a: plain(a, transposeA), b: plain(b, transposeB) },
        attrs: { ...args.attrs, transposeA: false, transposeB: false },
      });
    } finally {
      disposeAll(backend, made);
    }
  };
}

export function batchMatMulWasmConfig(stock: KernelConfig | undefined): KernelConfig {
  if (!stock) throw new Error("The wasm backend has no stock 'BatchMatMul' to route through.");
  // The stock kernel's setupFunc stays: it binds the C++ function both paths call.
  return { ...stock, kernelName: BatchMatMul, backendName: 'wasm', kernelFunc: makeKernelFunc(stock) };
}
