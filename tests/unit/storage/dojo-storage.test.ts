import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIdbStorage } from '../../../src/storage/dojo-storage';
import { QUOTA_MESSAGE, StorageWriteError } from '../../../src/storage/errors';
import type { NewAttempt } from '../../../src/storage/db';
import { createLocalData } from '../../../src/storage/local-data';
import { createIdbModelStorage } from '../../../src/storage/model-storage';

let dbCount = 0;
const freshStorage = (now = () => 1000) => createIdbStorage({ dbName: `dojo-test-${++dbCount}`, now });

const attempt = (drillId: string, points: number): NewAttempt => ({
  drillId,
  at: 5,
  code: `// ${points}`,
  metric: { name: 'mae', value: 1 / (points + 1) },
  points,
  passed: points === 5,
  backend: 'cpu',
});

afterEach(() => vi.restoreAllMocks());

describe('IndexedDB storage', () => {
  it('saves a draft and reads it back through another storage object (they share one connection)', async () => {
    const name = `dojo-test-${++dbCount}`;
    await createIdbStorage({ dbName: name, now: () => 42 }).saveDraft('d1', 'const x = 1;');
    const again = createIdbStorage({ dbName: name });
    expect(await again.loadDraft('d1')).toEqual({ drillId: 'd1', code: 'const x = 1;', updatedAt: 42 });
    expect(await again.loadDraft('other')).toBeUndefined();
  });

  it('overwrites a draft per drill and deletes it', async () => {
    const s = freshStorage();
    await s.saveDraft('a', 'one');
    await s.saveDraft('a', 'two');
    await s.saveDraft('b', 'bee');
    expect((await s.loadDraft('a'))?.code).toBe('two');
    await s.deleteDraft('a');
    expect(await s.loadDraft('a')).toBeUndefined();
    expect((await s.loadDraft('b'))?.code).toBe('bee');
  });

  it('keeps attempts with increasing ids', async () => {
    const s = freshStorage();
    const first = await s.addAttempt(attempt('a', 3));
    const second = await s.addAttempt(attempt('a', 5));
    expect(second.id).toBeGreaterThan(first.id);
    const all = await s.listAttempts();
    expect(all.map((a) => a.points)).toEqual([3, 5]);
    expect(all[1]).toMatchObject({ drillId: 'a', passed: true, code: '// 5', backend: 'cpu' });
  });

  it('reports a full disk as a quota problem and keeps earlier data', async () => {
    const s = freshStorage();
    await s.saveDraft('a', 'safe');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failure = await s.saveDraft('a', 'lost?').then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(StorageWriteError);
    expect((failure as StorageWriteError).problem.kind).toBe('quota');
    expect((failure as StorageWriteError).message).toBe(QUOTA_MESSAGE);
    vi.restoreAllMocks();
    expect((await s.loadDraft('a'))?.code).toBe('safe');
    // Storage recovers once space is back.
    await s.saveDraft('a', 'later');
    expect((await s.loadDraft('a'))?.code).toBe('later');
  });

  it('opens one connection per database, however many modules use it', async () => {
    const open = vi.spyOn(indexedDB, 'open');
    const dbName = `dojo-test-${++dbCount}`;
    const storage = createIdbStorage({ dbName });
    await Promise.all([storage.loadDraft('a'), createLocalData({ dbName }).listKept(), createIdbModelStorage({ dbName }).listModels()]);
    await createIdbStorage({ dbName }).saveDraft('a', 'shared');
    expect(open).toHaveBeenCalledTimes(1);
    expect((await storage.loadDraft('a'))?.code).toBe('shared');
  });

  it('reports a database that cannot open as a problem, and retries next time', async () => {
    const open = vi.spyOn(indexedDB, 'open').mockImplementationOnce(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const s = freshStorage();
    const failure = await s.loadDraft('a').catch((e: unknown) => e);
    expect((failure as StorageWriteError).problem.kind).toBe('unavailable');
    open.mockRestore();
    await s.saveDraft('a', 'works now');
    expect((await s.loadDraft('a'))?.code).toBe('works now');
  });
});
