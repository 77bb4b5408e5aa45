/**
 * What every IndexedDB-backed module here shares: the database opened on first
 * use (and tried again on the next call when opening failed, e.g. storage was
 * blocked), and every failure turned into a `StorageWriteError` that carries a
 * learner-facing problem.
 */
import { DB_NAME, openDojoDb, type DojoDb } from './db';
import { describeStorageError, StorageWriteError } from './errors';

// One connection per database, whichever module asks first: the app's storage,
// model storage and local data would otherwise each hold their own. Keyed by the
// IndexedDB factory too, so that code (tests) that swaps in a fresh factory gets
// a fresh database rather than a connection into the old one.
const opened = new WeakMap<IDBFactory, Map<string, Promise<DojoDb>>>();

export function lazyDb(dbName: string = DB_NAME): () => Promise<DojoDb> {
  return () => {
    // Read at each call, like `openDB` does; where there is no IndexedDB at all, opening fails as before.
    const factory = globalThis.indexedDB as IDBFactory | undefined;
    if (!factory) return openDojoDb(dbName);
    let byName = opened.get(factory);
    if (!byName) opened.set(factory, (byName = new Map()));
    let db = byName.get(dbName);
    if (!db) {
      const opening = openDojoDb(dbName).catch((e: unknown) => {
        // Forget the failure so the next call tries again.
        if (byName.get(dbName) === opening) byName.delete(dbName);
        throw e;
      });
      byName.set(dbName, (db = opening));
    }
    return db;
  };
}

export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof StorageWriteError) throw e;
    throw new StorageWriteError(describeStorageError(e), { cause: e });
  }
}
