/** Persistence: IndexedDB for drafts and attempts, localStorage for settings. */
export type { AttemptRecord, DraftRecord, NewAttempt } from './db';
export { DB_NAME, DB_VERSION, openDojoDb } from './db';
export type { DojoStorage } from './dojo-storage';
export { createIdbStorage, createMemoryStorage } from './dojo-storage';
export type { StorageProblem, StorageProblemKind } from './errors';
export { describeStorageError, isQuotaError, QUOTA_MESSAGE, StorageWriteError, toStorageProblem } from './errors';
export type { PersistOutcome } from './persist';
export { requestPersistentStorage } from './persist';
export { readSettings, writeSettings } from './settings-storage';
