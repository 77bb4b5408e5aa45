import { getKernel, type NamedAttrMap, type NamedTensorInfoMap, type TensorInfo } from '@tensorflow/tfjs';

/*
 * Our wasm kernels are mostly rearrangements around the backend's own XNNPACK
 * kernels (Conv2D, BatchMatMul), which are SIMD and, in tfjs' threaded build,
 * run on every thread of its pool: a multiply-add loop in JavaScript runs on one
 * thread at well under 1 GFLOP/s. These helpers call those kernels on TensorInfos
 * inside a kernel, where tfjs' engine (and so tf.* ops) must not be re-entered.
 */

/** The members of tfjs' wasm backend we use (structural: no import of the backend package). */
export interface WasmBackend {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array;
  disposeData(dataId: object): boolean;
}

/** Runs the wasm backend's own (stock or registered) kernel `name`. */
export function callWasmKernel(backend: WasmBackend, name: string, inputs: NamedTensorInfoMap, attrs: NamedAttrMap): TensorInfo {
  const kernel = getKernel(name, 'wasm');
  if (!kernel) throw new Error(`The wasm backend has no '${name}' kernel.`);
  return kernel.kernelFunc({ inputs, backend, attrs }) as TensorInfo;
}

/** `x` with its two innermost axes swapped, as a new tensor (wasm's Transpose kernel). */
export function swapInnerAxes(backend: WasmBackend, x: TensorInfo): TensorInfo {
  const perm = x.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return callWasmKernel(backend, 'Transpose', { x }, { perm });
}

/** Disposes intermediate tensors made on the wasm heap. */
export function disposeAll(backend: WasmBackend, infos: readonly TensorInfo[]): void {
  for (const t of infos) backend.disposeData(t.dataId);
}
