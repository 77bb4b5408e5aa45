import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createIdbStorage } from '../../../src/storage/dojo-storage';
import { createLocalData } from '../../../src/storage/local-data';
import { openDB } from 'idb';
import type { NewAttempt } from '../../../src/storage/db';

let n = 0;
function machine(now = () => 1000) {
  const dbName = `dojo-transfer-${++n}`;
  return { storage: createIdbStorage({ dbName, now }), data: createLocalData({ dbName, now }) };
}

const attempt = (drillId: string, at: number, points: number): NewAttempt => ({
  drillId,
  at,
  code: `// ${drillId} ${points}`,
  metric: { name: 'accuracy', value: points / 5 },
  points,
  passed: points === 5,
  backend: 'wasm',
});

describe('export and import between two browsers', () => {
  it('restores drafts and attempts into an empty browser', async () => {
    const a = machine(() => 500);
    await a.storage.saveDraft('auto-mpg', 'my model');
    await a.storage.addAttempt(attempt('auto-mpg', 10, 4));
    const file = await a.data.exportAll();
    expect(file.attempts[0]).not.toHaveProperty('id');

    const b = machine();
    const r = await b.data.importText(JSON.stringify(file));
    expect(r).toMatchObject({ ok: true, outcome: { changedDrafts: ['auto-mpg'], summary: { draftsAdded: 1, attemptsAdded: 1 } } });
    expect(await b.storage.loadDraft('auto-mpg')).toEqual({ drillId: 'auto-mpg', code: 'my model', updatedAt: 500 });
    expect((await b.storage.listAttempts()).map((x) => x.points)).toEqual([4]);
  });

  it('merges: newer draft wins, the other is kept, attempts from both remain, re-import adds nothing', async () => {
    const a = machine(() => 2000);
    await a.storage.saveDraft('auto-mpg', 'newer on A');
    await a.storage.addAttempt(attempt('auto-mpg', 1, 5));
    const b = machine(() => 1000);
    await b.storage.saveDraft('auto-mpg', 'older on B');
    await b.storage.addAttempt(attempt('mnist-cnn', 2, 3));

    const text = JSON.stringify(await a.data.exportAll());
    await b.data.importText(text);
    expect((await b.storage.loadDraft('auto-mpg'))?.code).toBe('newer on A');
    expect((await b.data.listKept()).map((k) => [k.drillId, k.code, k.reason])).toEqual([['auto-mpg', 'older on B', 'import']]);
    expect((await b.storage.listAttempts()).map((x) => x.drillId).sort()).toEqual(['auto-mpg', 'mnist-cnn']);

    const again = await b.data.importText(text);
    expect(again.ok && again.outcome.summary).toMatchObject({ draftsAdded: 0, draftsReplaced: 0, attemptsAdded: 0, keptAdded: 0 });
    expect(await b.storage.listAttempts()).toHaveLength(2);
    expect(await b.data.listKept()).toHaveLength(1);
  });

  it('exports what the editor holds in memory even if it never reached the disk', async () => {
    const a = machine(() => 3000);
    await a.storage.saveDraft('auto-mpg', 'on disk');
    const file = await a.data.exportAll({ 'auto-mpg': 'typed since', 'spam-or-ham': 'only in memory' });
    expect(file.drafts.map((d) => [d.drillId, d.code]).sort()).toEqual([
      ['auto-mpg', 'typed since'],
      ['spam-or-ham', 'only in memory'],
    ]);
  });

  it('leaves everything as it was when the file is bad', async () => {
    const b = machine();
    await b.storage.saveDraft('auto-mpg', 'mine');
    expect(await b.data.importText('not json')).toMatchObject({ ok: false });
    expect((await b.storage.loadDraft('auto-mpg'))?.code).toBe('mine');
  });

  it('keeps and deletes kept drafts, newest first', async () => {
    const b = machine();
    await b.data.keep({ drillId: 'a', code: 'one', updatedAt: 1, keptAt: 1, reason: 'link' });
    const second = await b.data.keep({ drillId: 'a', code: 'two', updatedAt: 2, keptAt: 2, reason: 'link' });
    expect((await b.data.listKept()).map((k) => k.code)).toEqual(['two', 'one']);
    await b.data.deleteKept(second.id);
    expect((await b.data.listKept()).map((k) => k.code)).toEqual(['one']);
  });
});

describe('schema upgrade', () => {
  it('opens a version-1 database (before kept drafts) without losing its drafts', async () => {
    const dbName = `dojo-v1-${++n}`;
    const old = await openDB(dbName, 1, {
      upgrade(db) {
        db.createObjectStore('drafts', { keyPath: 'drillId' });
        db.createObjectStore('attempts', { keyPath: 'id', autoIncrement: true }).createIndex('byDrill', 'drillId');
      },
    });
    await old.put('drafts', { drillId: 'auto-mpg', code: 'from v1', updatedAt: 1 });
    old.close();
    expect((await createIdbStorage({ dbName }).loadDraft('auto-mpg'))?.code).toBe('from v1');
    expect(await createLocalData({ dbName }).listKept()).toEqual([]);
  });
});
