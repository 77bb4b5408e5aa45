import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkspaceStore } from '../../../src/state/workspace';
import { createMemoryStorage, type DojoStorage } from '../../../src/storage/dojo-storage';
import { describeStorageError, StorageWriteError, type StorageProblem } from '../../../src/storage/errors';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

function setup(storage: DojoStorage = createMemoryStorage()) {
  const problems: StorageProblem[] = [];
  let recovered = 0;
  const store = createWorkspaceStore({
    storage,
    onStorageProblem: (p) => problems.push(p),
    onStorageRecovered: () => recovered++,
    delayMs: 500,
    maxWaitMs: 1000,
  });
  return { store, storage, problems, recovered: () => recovered };
}

describe('workspace store', () => {
  it('starts from the starter, then restores the saved draft in a new session', async () => {
    const storage = createMemoryStorage();
    const first = setup(storage).store;
    await first.getState().open('d', 'STARTER');
    expect(first.getState().drafts.d).toBe('STARTER');
    first.getState().edit('d', 'my model');
    expect(first.getState().saveStatus.d).toBe('dirty');
    await vi.advanceTimersByTimeAsync(500);
    expect(first.getState().saveStatus.d).toBe('saved');

    const second = setup(storage).store;
    await second.getState().open('d', 'STARTER');
    expect(second.getState().drafts.d).toBe('my model');
    expect(second.getState().drillId).toBe('d');
  });

  it('keeps the draft in memory and raises the banner when storage is full', async () => {
    const storage: DojoStorage = {
      ...createMemoryStorage(),
      saveDraft: async () => {
        throw new StorageWriteError(describeStorageError(new DOMException('full', 'QuotaExceededError')));
      },
    };
    const { store, problems } = setup(storage);
    await store.getState().open('d', 'S');
    store.getState().edit('d', 'precious');
    await vi.advanceTimersByTimeAsync(500);
    expect(store.getState().drafts.d).toBe('precious');
    expect(store.getState().saveStatus.d).toBe('error');
    expect(problems.map((p) => p.kind)).toEqual(['quota']);
  });

  it('clears the banner once saving works again', async () => {
    let full = true;
    const memory = createMemoryStorage();
    const storage: DojoStorage = {
      ...memory,
      saveDraft: async (id, code) => {
        if (full) throw new DOMException('full', 'QuotaExceededError');
        await memory.saveDraft(id, code);
      },
    };
    const ws = setup(storage);
    await ws.store.getState().open('d', 'S');
    ws.store.getState().edit('d', 'x');
    await vi.advanceTimersByTimeAsync(500);
    expect(ws.problems).toHaveLength(1);
    full = false;
    ws.store.getState().edit('d', 'xy');
    await vi.advanceTimersByTimeAsync(500);
    expect(ws.recovered()).toBe(1);
    expect((await memory.loadDraft('d'))?.code).toBe('xy');
  });

  it('still opens the drill from the starter when storage cannot be read', async () => {
    const storage: DojoStorage = {
      ...createMemoryStorage(),
      loadDraft: async () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    const { store, problems } = setup(storage);
    await store.getState().open('d', 'S');
    expect(store.getState().drafts.d).toBe('S');
    expect(store.getState().load.d).toBe('ready');
    expect(problems[0]!.kind).toBe('unavailable');
  });

  it('resets to the starter with an undo that restores the text and saves it', async () => {
    const { store, storage } = setup();
    await store.getState().open('d', 'S');
    store.getState().edit('d', 'work');
    store.getState().resetToStarter('d', 'S');
    expect(store.getState().drafts.d).toBe('S');
    expect(store.getState().lastReset).toEqual({ drillId: 'd', previous: 'work' });
    store.getState().undoReset();
    expect(store.getState().drafts.d).toBe('work');
    expect(store.getState().lastReset).toBeNull();
    await store.getState().flush();
    expect((await storage.loadDraft('d'))?.code).toBe('work');
  });

  it('does nothing on reset when the draft already is the starter', async () => {
    const { store } = setup();
    await store.getState().open('d', 'S');
    store.getState().resetToStarter('d', 'S');
    expect(store.getState().lastReset).toBeNull();
  });
});

describe('workspace store: the page going away mid-save', () => {
  it('keeps text typed just before the page went, through the rescue copy, and drops the copy once stored', async () => {
    const { createDraftRescue } = await import('../../../src/state/draft-rescue');
    const backing = new Map<string, string>();
    const local = {
      getItem: (k: string) => backing.get(k) ?? null,
      setItem: (k: string, v: string) => void backing.set(k, v),
      removeItem: (k: string) => void backing.delete(k),
    };
    const disk = createMemoryStorage(() => Date.now());
    // The dying page: its IndexedDB writes never complete.
    const dying: DojoStorage = { ...disk, saveDraft: () => new Promise<void>(() => {}) };
    const before = createWorkspaceStore({ storage: dying, onStorageProblem: () => {}, rescue: createDraftRescue(local), delayMs: 500, maxWaitMs: 1000 });
    await disk.saveDraft('d', 'older text');
    await before.getState().open('d', 'STARTER');
    vi.advanceTimersByTime(10);
    before.getState().edit('d', 'older text + last words');
    // pagehide: the flush starts, and the page is gone before it settles.
    void before.getState().flush();

    const after = createWorkspaceStore({ storage: disk, onStorageProblem: () => {}, rescue: createDraftRescue(local), delayMs: 500, maxWaitMs: 1000 });
    await after.getState().open('d', 'STARTER');
    expect(after.getState().drafts.d).toBe('older text + last words');
    await vi.advanceTimersByTimeAsync(1000);
    expect((await disk.loadDraft('d'))?.code).toBe('older text + last words');
    expect(backing.size).toBe(0);
  });

  it('prefers the stored draft when it is newer than a left-over rescue copy', async () => {
    const { createDraftRescue } = await import('../../../src/state/draft-rescue');
    const backing = new Map<string, string>();
    const rescue = createDraftRescue({
      getItem: (k) => backing.get(k) ?? null,
      setItem: (k, v) => void backing.set(k, v),
      removeItem: (k) => void backing.delete(k),
    });
    rescue.write('d', 'stale copy', 5);
    const disk = createMemoryStorage(() => Date.now());
    vi.advanceTimersByTime(100);
    await disk.saveDraft('d', 'newer on disk');
    const store = createWorkspaceStore({ storage: disk, onStorageProblem: () => {}, rescue });
    await store.getState().open('d', 'STARTER');
    expect(store.getState().drafts.d).toBe('newer on disk');
    expect(backing.size).toBe(0);
  });
});
