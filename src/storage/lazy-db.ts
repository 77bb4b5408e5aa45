/**
 * What every IndexedDB-backed module here shares: the database opened on first
 * use (and tried again on the next call when opening failed, e.g. storage was
 * blocked), and every failure turned into a `StorageWriteError` that carries a
 * learner-facing problem.
 */
import { openDojoDb, type DojoDb } from './db';
import { describeStorageError, StorageWriteError } from './errors';

export function lazyDb(dbName?: string): () => Promise<DojoDb> {
  let dbPromise: Promise<DojoDb> | null = null;
  return () => {
    dbPromise ??= openDojoDb(dbName).catch((e: unknown) => {
      dbPromise = null;
      throw e;
    });
    return dbPromise;
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
