import { describe, expect, it } from 'vitest';
import { createProgressStore, progressByDrill, summarizeAttempts } from '../../../src/state/progress';
import { createMemoryStorage, type DojoStorage } from '../../../src/storage/dojo-storage';
import type { AttemptRecord } from '../../../src/storage/db';
import { QUOTA_MESSAGE, StorageWriteError, describeStorageError } from '../../../src/storage/errors';
import type { StorageProblem } from '../../../src/storage/errors';

let id = 0;
const a = (drillId: string, points: number, at: number, runMs?: number): AttemptRecord => ({
  id: ++id,
  drillId,
  at,
  code: '',
  metric: { name: 'mae', value: 1 },
  points,
  passed: points >= 5,
  backend: 'cpu',
  runMs,
});

describe('progress derivation', () => {
  it('is "not started" without attempts', () => {
    expect(summarizeAttempts([])).toEqual({ status: 'not-started', bestPoints: null, attempts: 0, lastAt: null, timeSpentMs: 0 });
  });

  it('takes the best mark, not the last, and sums time', () => {
    const p = summarizeAttempts([a('x', 2, 10, 1000), a('x', 4, 20, 500), a('x', 1, 30)]);
    expect(p).toEqual({ status: 'attempted', bestPoints: 4, attempts: 3, lastAt: 30, timeSpentMs: 1500 });
  });

  it('stays passed after a later worse attempt', () => {
    expect(summarizeAttempts([a('x', 5, 1), a('x', 0, 2)]).status).toBe('passed');
  });

  it('groups by drill', () => {
    const m = progressByDrill([a('x', 1, 1), a('y', 5, 2), a('x', 3, 3)]);
    expect(m.get('x')).toMatchObject({ bestPoints: 3, attempts: 2, status: 'attempted' });
    expect(m.get('y')).toMatchObject({ bestPoints: 5, attempts: 1, status: 'passed' });
    expect(m.has('z')).toBe(false);
  });
});

describe('progress store', () => {
  const attempt = { drillId: 'x', at: 1, code: 'c', metric: { name: 'mae' as const, value: 0.2 }, points: 3, passed: false, backend: null };

  it('loads stored attempts and adds new ones', async () => {
    const storage = createMemoryStorage();
    await storage.addAttempt({ ...attempt, points: 1 });
    const problems: StorageProblem[] = [];
    const store = createProgressStore({ storage, onStorageProblem: (p) => problems.push(p) });
    await store.getState().load();
    await store.getState().record(attempt);
    expect(store.getState().attempts.map((x) => x.points)).toEqual([1, 3]);
    expect((await storage.listAttempts()).length).toBe(2);
    expect(problems).toEqual([]);
  });

  it('keeps an attempt in memory when storage is full, and says so', async () => {
    const storage: DojoStorage = {
      ...createMemoryStorage(),
      addAttempt: async () => {
        throw new StorageWriteError(describeStorageError(new DOMException('full', 'QuotaExceededError')));
      },
    };
    const problems: StorageProblem[] = [];
    const store = createProgressStore({ storage, onStorageProblem: (p) => problems.push(p) });
    const saved = await store.getState().record(attempt);
    expect(saved.id).toBeLessThan(0);
    expect(store.getState().attempts).toHaveLength(1);
    expect(problems.map((p) => p.message)).toEqual([QUOTA_MESSAGE]);
  });
});
