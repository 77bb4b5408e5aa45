/** Persistence: IndexedDB for drafts and attempts, localStorage for settings and the mock exam. */
export type { AttemptRecord, DraftRecord, NewAttempt } from './db';
export { DB_NAME, DB_VERSION, openDojoDb } from './db';
export type { DojoStorage } from './dojo-storage';
export { createIdbStorage, createMemoryStorage } from './dojo-storage';
export type { StorageProblem, StorageProblemKind } from './errors';
export { describeStorageError, isQuotaError, QUOTA_MESSAGE, StorageWriteError, toStorageProblem } from './errors';
export type { PersistOutcome } from './persist';
export { requestPersistentStorage } from './persist';
export { readSettings, writeSettings } from './settings-storage';
export type { ExamPersistence } from './exam-storage';
export { localExamStorage, memoryExamStorage } from './exam-storage';
export type { KeptDraftRecord, KeptReason, NewKeptDraft } from './db';
export type { ExportFile, RestoreExportResult } from './export-file';
export { EXPORT_FORMAT, EXPORT_VERSION, exportFileName, parseExportText, restoreExportFile } from './export-file';
export type { ImportOutcome, ImportResult, LocalData } from './local-data';
export { createLocalData } from './local-data';
export type { LocalSnapshot, MergePlan, MergeSummary } from './merge';
export { attemptKey, describeMerge, planMerge } from './merge';
