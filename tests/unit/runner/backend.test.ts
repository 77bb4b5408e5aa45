import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { backendOrder, nextBackend, selectBackend } from '../../../src/runner/backend';

describe('backend choice', () => {
  it('tries the fastest first and skips what is not registered', () => {
    expect(backendOrder('auto', ['cpu', 'webgl', 'wasm', 'webgpu'])).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(backendOrder('auto', ['cpu', 'wasm'])).toEqual(['wasm', 'cpu']);
  });

  it('uses a pinned backend alone, or none when it is missing', () => {
    expect(backendOrder('webgl', ['cpu', 'webgl'])).toEqual(['webgl']);
    expect(backendOrder('webgpu', ['cpu'])).toEqual([]);
  });

  it('names the next backend down the chain', () => {
    expect(nextBackend('webgpu')).toBe('webgl');
    expect(nextBackend('wasm')).toBe('cpu');
    expect(nextBackend('cpu')).toBeUndefined();
  });

  it('falls back past a backend that fails to initialise, recording why', async () => {
    tf.registerBackend('webgl', () => {
      throw new Error('no WebGL here');
    });
    try {
      const selection = await selectBackend(tf, 'auto');
      expect(selection.backend).toBe('cpu');
      const webgl = selection.attempts.find((a) => a.backend === 'webgl');
      expect(webgl?.ok).toBe(false);
      expect(selection.attempts.at(-1)).toEqual({ backend: 'cpu', ok: true });
    } finally {
      if (tf.findBackendFactory('webgl')) tf.removeBackend('webgl');
    }
  });
});

describe('emulated GPUs on auto', () => {
  // 'webgl' stands in for a GPU backend that starts and computes; whether it is
  // emulated is what the test decides.
  const startsAndComputes = { probe: async () => {} };
  const withFakeGpu = async (body: () => Promise<void>) => {
    tf.registerBackend('webgl', () => ({ dispose() {} }) as unknown as tf.KernelBackend, 3);
    try {
      await body();
    } finally {
      if (tf.findBackendFactory('webgl')) tf.removeBackend('webgl');
      await tf.setBackend('cpu');
    }
  };

  it('passes over a CPU-emulated GPU backend for the next one, saying why', () =>
    withFakeGpu(async () => {
      const selection = await selectBackend(tf, 'auto', { ...startsAndComputes, emulated: (_tf, name) => (name === 'webgl' ? 'SwiftShader' : undefined) });
      expect(selection.backend).toBe('cpu');
      const webgl = selection.attempts.find((a) => a.backend === 'webgl');
      expect(webgl?.ok).toBe(false);
      expect(webgl?.error).toMatch(/emulated on the CPU \(SwiftShader\)/);
      // Still registered, for learner code that asks for it by name.
      expect(tf.findBackendFactory('webgl')).not.toBeNull();
    }));

  it('uses the emulated backend when the learner pins it', () =>
    withFakeGpu(async () => {
      expect((await selectBackend(tf, 'webgl', { ...startsAndComputes, emulated: () => 'SwiftShader' })).backend).toBe('webgl');
    }));

  it('uses a GPU backend on auto when it is real', () =>
    withFakeGpu(async () => {
      expect((await selectBackend(tf, 'auto', { ...startsAndComputes, emulated: () => undefined })).backend).toBe('webgl');
    }));
});
