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
