import { util, type DataType, type TensorInfo } from '@tensorflow/tfjs';

/** The backends our kernels are written for. */
export type DojoBackendName = 'cpu' | 'wasm';

export type NumericArray = Float32Array | Int32Array | Uint8Array;
export type NumericDType = 'float32' | 'int32';

/*
 * Structural views of the two backends: we only touch the few members we need,
 * so the kernels do not import either backend package (a cpu-only bundle must
 * not pull in the wasm backend).
 */
interface CpuBackendLike {
  data: { get(dataId: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: DataType, values?: NumericArray): TensorInfo;
}

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): NumericArray;
}

/**
 * Runs `compute` over plain typed arrays and returns its result as a tensor of
 * the given backend. `out` is zero-filled before `compute` sees it.
 *
 * On wasm the output is allocated on the wasm heap *before* the input views
 * are taken: an allocation may grow the heap, which detaches every view taken
 * earlier. Inputs are read in place (no copy), so `compute` must not allocate
 * tensors itself.
 */
export function computeOnBackend(
  backendName: DojoBackendName,
  backend: unknown,
  inputs: readonly TensorInfo[],
  outShape: number[],
  outDtype: NumericDType,
  compute: (inputs: NumericArray[], out: Float32Array | Int32Array) => void,
): TensorInfo {
  if (backendName === 'wasm') {
    const wasm = backend as WasmBackendLike;
    const outInfo = wasm.makeOutput(outShape, outDtype);
    const views = inputs.map((t) => wasm.typedArrayFromHeap(t));
    const out = wasm.typedArrayFromHeap(outInfo) as Float32Array | Int32Array;
    // The wasm heap allocator does not clear memory it hands out.
    out.fill(0);
    compute(views, out);
    return outInfo;
  }
  const cpu = backend as CpuBackendLike;
  const views = inputs.map((t) => cpuValues(cpu, t));
  const size = util.sizeFromShape(outShape);
  const out = outDtype === 'int32' ? new Int32Array(size) : new Float32Array(size);
  compute(views, out);
  return cpu.makeTensorInfo(outShape, outDtype, out);
}

function cpuValues(cpu: CpuBackendLike, t: TensorInfo): NumericArray {
  const values = cpu.data.get(t.dataId).values;
  if (
    values instanceof Float32Array ||
    values instanceof Int32Array ||
    values instanceof Uint8Array
  ) {
    return values;
  }
  throw new Error(`Dojo kernels support numeric tensors only (got dtype ${t.dtype}).`);
}

/** Row-major strides of a shape (the last axis has stride 1). */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}
