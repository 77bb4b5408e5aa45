/**
 * The persistence face the stores use: drafts, attempts and custom drills.
 * Every failure surfaces as a `StorageWriteError` carrying a learner-facing
 * `StorageProblem`; callers keep working from memory.
 */
import type { CustomDrillDefinition } from '../core/custom-drill';
import type { AttemptRecord, CustomDrillRecord, DraftRecord, NewAttempt } from './db';
import { guarded, lazyDb } from './lazy-db';

export interface DojoStorage {
  loadDraft(drillId: string): Promise<DraftRecord | undefined>;
  saveDraft(drillId: string, code: string): Promise<void>;
  deleteDraft(drillId: string): Promise<void>;
  addAttempt(attempt: NewAttempt): Promise<AttemptRecord>;
  listAttempts(): Promise<AttemptRecord[]>;
  listCustomDrills(): Promise<CustomDrillRecord[]>;
  saveCustomDrill(definition: CustomDrillDefinition): Promise<CustomDrillRecord>;
  deleteCustomDrill(id: string): Promise<void>;
}

/**
 * IndexedDB-backed storage. The database opens on first use; if opening fails
 * (storage blocked) each call rejects with the reason and the next call tries again.
 */
export function createIdbStorage(options: { dbName?: string; now?: () => number } = {}): DojoStorage {
  const now = options.now ?? Date.now;
  const db = lazyDb(options.dbName);

  return {
    loadDraft: (drillId) => guarded(async () => (await db()).get('drafts', drillId)),
    saveDraft: (drillId, code) =>
      guarded(async () => {
        await (await db()).put('drafts', { drillId, code, updatedAt: now() });
      }),
    deleteDraft: (drillId) => guarded(async () => (await db()).delete('drafts', drillId)),
    addAttempt: (attempt) =>
      guarded(async () => {
        // `id` is assigned by the store (autoIncrement keyPath), so it is absent on insert.
        const id = await (await db()).add('attempts', attempt as AttemptRecord);
        return { ...attempt, id };
      }),
    listAttempts: () => guarded(async () => (await db()).getAll('attempts')),
    listCustomDrills: () => guarded(async () => (await db()).getAll('customDrills')),
    saveCustomDrill: (definition) =>
      guarded(async () => {
        const record = { id: definition.id, definition, updatedAt: now() };
        await (await db()).put('customDrills', record);
        return record;
      }),
    deleteCustomDrill: (id) => guarded(async () => (await db()).delete('customDrills', id)),
  };
}

/** Storage that keeps everything in memory: for tests and as a stand-in when IndexedDB is absent. */
export function createMemoryStorage(now: () => number = Date.now): DojoStorage {
  const drafts = new Map<string, DraftRecord>();
  const attempts: AttemptRecord[] = [];
  const customDrills = new Map<string, CustomDrillRecord>();
  return {
    loadDraft: async (drillId) => drafts.get(drillId),
    saveDraft: async (drillId, code) => {
      drafts.set(drillId, { drillId, code, updatedAt: now() });
    },
    deleteDraft: async (drillId) => {
      drafts.delete(drillId);
    },
    addAttempt: async (attempt) => {
      const record = { ...attempt, id: attempts.length + 1 };
      attempts.push(record);
      return record;
    },
    listAttempts: async () => attempts.slice(),
    listCustomDrills: async () => [...customDrills.values()],
    saveCustomDrill: async (definition) => {
      const record = { id: definition.id, definition, updatedAt: now() };
      customDrills.set(definition.id, record);
      return record;
    },
    deleteCustomDrill: async (id) => {
      customDrills.delete(id);
    },
  };
}
