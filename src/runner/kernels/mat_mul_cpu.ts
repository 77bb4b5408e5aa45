import {
  BatchMatMul,
  broadcast_util,
  getKernel,
  util,
  _FusedMatMul,
  type BatchMatMulAttrs,
  type KernelConfig,
  type KernelFunc,
  type NamedAttrMap,
  type TensorInfo,
  type _FusedMatMulAttrs,
} from '@tensorflow/tfjs';
import { computeOnBackend, type NumericArray } from './tensor_access';

/*
 * Every LSTM/GRU step is a handful of small matmuls ([batch, units] ×
 * [units, 4·units]); on cpu they were half of an RNN's training time. Stock
 * cpu walks the right-hand matrix down its columns in the innermost loop; the
 * loop orders below keep both innermost reads contiguous, 1.5–3× faster at
 * those sizes. Float32 accumulation (stock sums in doubles) moves results by
 * float32 rounding only.
 */

export interface MatMulShape {
  batch: number;
  batchA: number;
  batchB: number;
  m: number;
  k: number;
  n: number;
}

/** out[bi] = op(a[bi % batchA]) · op(b[bi % batchB]) with row-major [m,k]/[k,n] (or transposed) operands. */
export function batchMatMulValues(
  a: NumericArray,
  b: NumericArray,
  s: MatMulShape,
  transposeA: boolean,
  transposeB: boolean,
  out: Float32Array | Int32Array,
): void {
  const { m, k, n } = s;
  const scratch = transposeA ? new (out.constructor as { new (n: number): Float32Array | Int32Array })(m * k) : null;
  for (let bi = 0; bi < s.batch; bi++) {
    let aa: NumericArray = a;
    let aOff = (bi % s.batchA) * m * k;
    if (scratch) {
      // A contiguous copy of aᵀ, so the loops below read rows of a.
      for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) scratch[i * k + p] = a[aOff + p * m + i];
      aa = scratch;
      aOff = 0;
    }
    const bOff = (bi % s.batchB) * k * n;
    const oOff = bi * m * n;
    if (transposeB) {
      for (let i = 0; i < m; i++) {
        const ai = aOff + i * k;
        for (let j = 0; j < n; j++) {
          const bj = bOff + j * k;
          let sum = 0;
          for (let p = 0; p < k; p++) sum += aa[ai + p] * b[bj + p];
          out[oOff + i * n + j] = sum;
        }
      }
    } else {
      for (let i = 0; i < m; i++) {
        const ai = aOff + i * k;
        const oi = oOff + i * n;
        for (let p = 0; p < k; p++) {
          const av = aa[ai + p];
          const bp = bOff + p * n;
          for (let j = 0; j < n; j++) out[oi + j] += av * b[bp + j];
        }
      }
    }
  }
}

function matMulShape(a: TensorInfo, b: TensorInfo, transposeA: boolean, transposeB: boolean) {
  const aRank = a.shape.length;
  const bRank = b.shape.length;
  const k = transposeA ? a.shape[aRank - 2] : a.shape[aRank - 1];
  const kB = transposeB ? b.shape[bRank - 1] : b.shape[bRank - 2];
  const m = transposeA ? a.shape[aRank - 1] : a.shape[aRank - 2];
  const n = transposeB ? b.shape[bRank - 2] : b.shape[bRank - 1];
  util.assert(
    k === kB,
    () =>
      `Error in matMul: inner shapes (${k}) and (${kB}) of Tensors with shapes ${a.shape} and ` +
      `${b.shape} and transposeA=${transposeA} and transposeB=${transposeB} must match.`,
  );
  const outerDims = broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const batchA = util.sizeFromShape(a.shape.slice(0, -2));
  const batchB = util.sizeFromShape(b.shape.slice(0, -2));
  const shape: MatMulShape = { batch: Math.max(batchA, batchB), batchA, batchB, m, k, n };
  return { shape, outShape: [...outerDims, m, n] };
}

function matMul(backend: unknown, a: TensorInfo, b: TensorInfo, transposeA: boolean, transposeB: boolean): TensorInfo {
  const { shape, outShape } = matMulShape(a, b, transposeA, transposeB);
  const dtype = a.dtype === 'int32' ? 'int32' : 'float32';
  return computeOnBackend('cpu', backend, [a, b], outShape, dtype, ([av, bv], out) =>
    batchMatMulValues(av, bv, shape, transposeA, transposeB, out),
  );
}

const isComplex = (...ts: (TensorInfo | undefined)[]) => ts.some((t) => t?.dtype === 'complex64');

function batchMatMulKernel(stock: KernelConfig | undefined): KernelFunc {
  return (args) => {
    const a = args.inputs.a as TensorInfo;
    const b = args.inputs.b as TensorInfo;
    if (isComplex(a, b) && stock) return stock.kernelFunc(args);
    const { transposeA, transposeB } = args.attrs as unknown as BatchMatMulAttrs;
    return matMul(args.backend, a, b, transposeA, transposeB);
  };
}

const ACTIVATION_KERNELS: Record<string, string> = {
  linear: 'Identity',
  relu: 'Relu',
  elu: 'Elu',
  relu6: 'Relu6',
  prelu: 'Prelu',
  leakyrelu: 'LeakyRelu',
  sigmoid: 'Sigmoid',
};

/** Runs a registered cpu kernel; bias and activations keep stock semantics (broadcasting, NaN handling). */
function runCpu(name: string, inputs: Record<string, TensorInfo>, backend: unknown, attrs?: NamedAttrMap): TensorInfo {
  const kernel = getKernel(name, 'cpu');
  if (!kernel) throw new Error(`The cpu backend has no '${name}' kernel.`);
  return kernel.kernelFunc({ inputs, backend: backend as object, attrs }) as TensorInfo;
}

function fusedMatMulKernel(stock: KernelConfig | undefined): KernelFunc {
  return (args) => {
    const { inputs, backend } = args;
    const a = inputs.a as TensorInfo;
    const b = inputs.b as TensorInfo;
    const bias = inputs.bias as TensorInfo | undefined;
    const prelu = inputs.preluActivationWeights as TensorInfo | undefined;
    const { transposeA, transposeB, activation, leakyreluAlpha } = args.attrs as unknown as _FusedMatMulAttrs;
    const activationKernel = activation ? ACTIVATION_KERNELS[activation] : undefined;
    if ((isComplex(a, b, bias) || (activation && !activationKernel)) && stock) return stock.kernelFunc(args);
    const dispose = (t: TensorInfo) =>
      (backend as { disposeIntermediateTensorInfo(t: TensorInfo): void }).disposeIntermediateTensorInfo(t);
    let current = matMul(backend, a, b, transposeA, transposeB);
    if (bias) {
      const next = runCpu('Add', { a: current, b: bias }, backend);
      dispose(current);
      current = next;
    }
    if (activationKernel) {
      const next =
        activation === 'prelu'
          ? runCpu(activationKernel, { x: current, alpha: prelu as TensorInfo }, backend)
          : runCpu(activationKernel, { x: current }, backend, { alpha: leakyreluAlpha ?? 0.2 });
      dispose(current);
      current = next;
    }
    return current;
  };
}

export function batchMatMulCpuConfig(stock?: KernelConfig): KernelConfig {
  return { kernelName: BatchMatMul, backendName: 'cpu', kernelFunc: batchMatMulKernel(stock) };
}

export function fusedMatMulCpuConfig(stock?: KernelConfig): KernelConfig {
  return { kernelName: _FusedMatMul, backendName: 'cpu', kernelFunc: fusedMatMulKernel(stock) };
}
