/**
 * Trained models in IndexedDB: a small record per model (listed on every page) and
 * its files apart (read only to submit or export one). Saving prunes the drill's
 * oldest models beyond SAVED_MODELS_PER_DRILL in the same transaction, so a full
 * disk never leaves half a model behind. Failures are `StorageWriteError`s.
 */
import { SAVED_MODELS_PER_DRILL, type NewSavedModel, type SavedModelFiles, type SavedModelRecord } from './db';
import { guarded, lazyDb } from './lazy-db';

export type ModelFiles = SavedModelFiles['files'];

export interface ModelStorage {
  listModels(): Promise<SavedModelRecord[]>;
  /** Keeps a model; resolves with its record and the ids of older ones dropped to make room. */
  saveModel(model: NewSavedModel, files: ModelFiles): Promise<{ record: SavedModelRecord; dropped: number[] }>;
  loadModelFiles(id: number): Promise<ModelFiles | undefined>;
  setModelPoints(id: number, points: number): Promise<void>;
  deleteModel(id: number): Promise<void>;
}


/**
 * The drill's models to drop, oldest first, so that one more fits in the limit.
 * All beyond it go, so a drill an import took past the limit (an import adds, it
 * never drops) is back to it after its next save.
 */
export function modelsToDrop(ofDrill: readonly SavedModelRecord[]): number[] {
  const byAge = [...ofDrill].sort((a, b) => a.savedAt - b.savedAt || a.id - b.id);
  return byAge.slice(0, Math.max(0, byAge.length + 1 - SAVED_MODELS_PER_DRILL)).map((m) => m.id);
}

export function createIdbModelStorage(options: { dbName?: string } = {}): ModelStorage {
  const db = lazyDb(options.dbName);

  return {
    listModels: () => guarded(async () => (await db()).getAll('models')),
    saveModel: (model, files) =>
      guarded(async () => {
        const tx = (await db()).transaction(['models', 'modelFiles'], 'readwrite');
        const models = tx.objectStore('models');
        const dropped = modelsToDrop(await models.index('byDrill').getAll(model.drillId));
        await Promise.all(dropped.flatMap((id) => [models.delete(id), tx.objectStore('modelFiles').delete(id)]));
        // `id` is assigned by the store (autoIncrement keyPath).
        const id = await models.add(model as SavedModelRecord);
        await tx.objectStore('modelFiles').put({ id, files });
        await tx.done;
        return { record: { ...model, id }, dropped };
      }),
    loadModelFiles: (id) => guarded(async () => (await (await db()).get('modelFiles', id))?.files),
    setModelPoints: (id, points) =>
      guarded(async () => {
        const tx = (await db()).transaction('models', 'readwrite');
        const record = await tx.store.get(id);
        if (record) await tx.store.put({ ...record, points });
        await tx.done;
      }),
    deleteModel: (id) =>
      guarded(async () => {
        const tx = (await db()).transaction(['models', 'modelFiles'], 'readwrite');
        await Promise.all([tx.objectStore('models').delete(id), tx.objectStore('modelFiles').delete(id)]);
        await tx.done;
      }),
  };
}

/** The same in memory: for tests and when IndexedDB is absent. */
export function createMemoryModelStorage(): ModelStorage {
  const records = new Map<number, SavedModelRecord>();
  const files = new Map<number, ModelFiles>();
  let nextId = 1;
  return {
    listModels: async () => [...records.values()],
    saveModel: async (model, modelFiles) => {
      const dropped = modelsToDrop([...records.values()].filter((r) => r.drillId === model.drillId));
      for (const id of dropped) {
        records.delete(id);
        files.delete(id);
      }
      const record = { ...model, id: nextId++ };
      records.set(record.id, record);
      files.set(record.id, modelFiles);
      return { record, dropped };
    },
    loadModelFiles: async (id) => files.get(id),
    setModelPoints: async (id, points) => {
      const r = records.get(id);
      if (r) records.set(id, { ...r, points });
    },
    deleteModel: async (id) => {
      records.delete(id);
      files.delete(id);
    },
  };
}
