/**
 * Our own tfjs kernels, registered where the stock ones are missing (wasm
 * cannot train conv nets or embeddings) or pathologically slow (cpu's
 * UnsortedSegmentSum, behind every Embedding layer's gradient).
 *
 * The runner calls `registerDojoKernels(backend)` once the backend is chosen;
 * the bench uses `unregisterDojoKernels` to measure stock against ours in one
 * process.
 */
import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from '@tensorflow/tfjs';
import { batchMatMulWasmConfig } from './batch_mat_mul_wasm';
import { conv2dBackpropFilterConfig } from './conv2d_backprop_filter';
import { conv2dBackpropInputWasmConfig } from './conv2d_backprop_input';
import { depthwiseBackpropFilterConfig, depthwiseBackpropInputConfig } from './depthwise_conv2d_backprop';
import { maxPoolGradConfig } from './max_pool_grad';
import { splitVCpuConfig } from './split_v';
import type { DojoBackendName } from './tensor_access';
import { unsortedSegmentSumConfig } from './unsorted_segment_sum';

export type { DojoBackendName } from './tensor_access';

/**
 * `replace`: ours wins over a stock kernel (the stock one is kept for
 * `unregisterDojoKernels`). `fill`: ours only where the backend has none, so a
 * later tfjs that ships the kernel natively keeps its own.
 */
interface KernelPlan {
  kernelName: string;
  mode: 'replace' | 'fill';
  /** `stock` is the kernel being replaced, for inputs ours does not handle. */
  config: (stock: KernelConfig | undefined) => KernelConfig;
}

const PLANS: Record<DojoBackendName, readonly KernelPlan[]> = {
  cpu: [
    { kernelName: 'UnsortedSegmentSum', mode: 'replace', config: () => unsortedSegmentSumConfig('cpu') },
    { kernelName: 'Conv2DBackpropFilter', mode: 'replace', config: () => conv2dBackpropFilterConfig('cpu') },
    { kernelName: 'MaxPoolGrad', mode: 'replace', config: () => maxPoolGradConfig('cpu') },
    { kernelName: 'SplitV', mode: 'replace', config: splitVCpuConfig },
  ],
  wasm: [
    { kernelName: 'UnsortedSegmentSum', mode: 'fill', config: () => unsortedSegmentSumConfig('wasm') },
    { kernelName: 'Conv2DBackpropFilter', mode: 'fill', config: () => conv2dBackpropFilterConfig('wasm') },
    { kernelName: 'Conv2DBackpropInput', mode: 'replace', config: conv2dBackpropInputWasmConfig },
    // Stock takes its fast (XNNPACK) path only without transposes; ours transposes first.
    { kernelName: 'BatchMatMul', mode: 'replace', config: batchMatMulWasmConfig },
    // Stock wasm MaxPoolGrad disagrees with cpu (and with the definition) on random inputs.
    { kernelName: 'MaxPoolGrad', mode: 'replace', config: () => maxPoolGradConfig('wasm') },
    {
      kernelName: 'DepthwiseConv2dNativeBackpropFilter',
      mode: 'fill',
      config: () => depthwiseBackpropFilterConfig('wasm'),
    },
    {
      kernelName: 'DepthwiseConv2dNativeBackpropInput',
      mode: 'fill',
      config: () => depthwiseBackpropInputConfig('wasm'),
    },
  ],
};

interface Installed {
  ours: KernelConfig;
  stock: KernelConfig | undefined;
}

const installed = new Map<string, Installed>();
const keyOf = (kernelName: string, backendName: string) => `${backendName}/${kernelName}`;

/**
 * Registers our kernels for one backend and returns the names of those it
 * registered by this call (none on a second call). Safe before or after the
 * backend itself is initialised: tfjs looks kernels up at each op.
 */
export function registerDojoKernels(backendName: DojoBackendName): string[] {
  const registered: string[] = [];
  for (const plan of PLANS[backendName]) {
    const key = keyOf(plan.kernelName, backendName);
    const current = getKernel(plan.kernelName, backendName);
    const mine = installed.get(key);
    if (mine && current === mine.ours) continue;
    if (current && plan.mode === 'fill') continue;
    const ours = plan.config(current);
    // Unregister first: registerKernel over an existing one logs a warning.
    if (current) unregisterKernel(plan.kernelName, backendName);
    registerKernel(ours);
    installed.set(key, { ours, stock: current });
    registered.push(ours.kernelName);
  }
  return registered;
}

/** Registers ours on every backend we have kernels for. */
export function registerAllDojoKernels(): Record<DojoBackendName, string[]> {
  return { cpu: registerDojoKernels('cpu'), wasm: registerDojoKernels('wasm') };
}

/**
 * Removes our kernels from a backend and puts back the stock ones they
 * replaced; returns the names removed. For side-by-side measurements and tests.
 */
export function unregisterDojoKernels(backendName: DojoBackendName): string[] {
  const removed: string[] = [];
  for (const [key, { ours, stock }] of installed) {
    if (ours.backendName !== backendName) continue;
    if (getKernel(ours.kernelName, backendName) === ours) {
      unregisterKernel(ours.kernelName, backendName);
      if (stock) registerKernel(stock);
      removed.push(ours.kernelName);
    }
    installed.delete(key);
  }
  return removed;
}

/** The kernel names we provide for a backend (whether registered or not). */
export function dojoKernelNames(backendName: DojoBackendName): string[] {
  return PLANS[backendName].map((plan) => plan.kernelName);
}
