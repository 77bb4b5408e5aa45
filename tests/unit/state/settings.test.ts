import { describe, expect, it } from 'vitest';
import { createSettingsStore, DEFAULT_SETTINGS, restoreSettings, type Settings } from '../../../src/state/settings';
import { throttle } from '../../../src/state/throttle';
import { vi } from 'vitest';

describe('settings', () => {
  it('repairs stored junk to defaults, field by field', () => {
    expect(restoreSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(restoreSettings({ backend: 'tpu', theme: 'light' })).toEqual({ backend: 'auto', theme: 'light', editor: 'monaco', trainAnyway: false });
    expect(restoreSettings({ backend: 'wasm', theme: 42, editor: 'plain', trainAnyway: 'yes' })).toEqual({ backend: 'wasm', theme: 'dark', editor: 'plain', trainAnyway: false });
    expect(restoreSettings({ trainAnyway: true }).trainAnyway).toBe(true);
  });

  it('persists each change', () => {
    const saved: Settings[] = [];
    const store = createSettingsStore({ initial: { backend: 'cpu' }, persist: (s) => saved.push(s) });
    expect(store.getState().backend).toBe('cpu');
    store.getState().setTheme('light');
    store.getState().setBackend('webgpu');
    store.getState().setEditor('plain');
    store.getState().setTrainAnyway(true);
    expect(saved).toEqual([
      { backend: 'cpu', theme: 'light', editor: 'monaco', trainAnyway: false },
      { backend: 'webgpu', theme: 'light', editor: 'monaco', trainAnyway: false },
      { backend: 'webgpu', theme: 'light', editor: 'plain', trainAnyway: false },
      { backend: 'webgpu', theme: 'light', editor: 'plain', trainAnyway: true },
    ]);
  });
});

describe('throttle', () => {
  it('fires at once, then at most once per interval, and trailing', () => {
    vi.useFakeTimers({ now: 0 });
    const fn = vi.fn();
    const t = throttle(fn, 100);
    t.request();
    expect(fn).toHaveBeenCalledTimes(1);
    t.request();
    t.request();
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(2);
    t.request();
    t.flush();
    expect(fn).toHaveBeenCalledTimes(3);
    t.request();
    t.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(3);
    vi.useRealTimers();
  });
});
