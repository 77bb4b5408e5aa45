import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import {
  dojoKernelNames,
  registerAllDojoKernels,
  registerDojoKernels,
  unregisterDojoKernels,
} from '../../../src/runner/kernels';

describe('registerDojoKernels', () => {
  it('registers once, replaces stock cpu kernels on purpose, and restores them on unregister', () => {
    const stock = tf.getKernel('UnsortedSegmentSum', 'cpu');
    expect(stock).toBeDefined();
    const first = registerDojoKernels('cpu');
    expect(first.sort()).toEqual(dojoKernelNames('cpu').sort());
    expect(tf.getKernel('UnsortedSegmentSum', 'cpu')).not.toBe(stock);
    expect(registerDojoKernels('cpu')).toEqual([]);
    expect(unregisterDojoKernels('cpu').sort()).toEqual(first.sort());
    expect(tf.getKernel('UnsortedSegmentSum', 'cpu')).toBe(stock);
    expect(unregisterDojoKernels('cpu')).toEqual([]);
  });

  it('fills the kernels wasm lacks and leaves no gap for training', () => {
    const missingBefore = ['UnsortedSegmentSum', 'Conv2DBackpropFilter'].filter((k) => !tf.getKernel(k, 'wasm'));
    expect(missingBefore).toEqual(['UnsortedSegmentSum', 'Conv2DBackpropFilter']);
    const all = registerAllDojoKernels();
    expect(all.wasm).toEqual(expect.arrayContaining(missingBefore));
    for (const name of dojoKernelNames('wasm')) expect(tf.getKernel(name, 'wasm'), name).toBeDefined();
    expect(registerAllDojoKernels()).toEqual({ cpu: [], wasm: [] });
    unregisterDojoKernels('wasm');
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')).toBeUndefined();
    // Stock kernels we replaced come back.
    expect(tf.getKernel('Conv2DBackpropInput', 'wasm')).toBeDefined();
    unregisterDojoKernels('cpu');
  });
});
