/**
 * Every model a run trains is kept (the last few per drill), so that a reload, a
 * crashed tab or a closed laptop never costs the learner a finished training run:
 * the model can still be loaded back, submitted or exported.
 *
 * Turning artifacts into files and back is injected (the real one is tfjs-heavy
 * and loaded lazily), and files are read back through the same checks as an
 * uploaded model, so a damaged record is refused with a reason, never trusted.
 */
import type { io } from '@tensorflow/tfjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BackendName } from '../runner/protocol';
import type { SavedModelRecord } from '../storage/db';
import { toStorageProblem, type StorageProblem } from '../storage/errors';
import type { ModelFiles, ModelStorage } from '../storage/model-storage';
import { settleRead } from '../storage/settle-read';

export interface TrainedModel {
  drillId: string;
  code: string;
  backend: BackendName | null;
  runMs: number | null;
  artifacts: io.ModelArtifacts;
  /** From a run stopped mid-training and kept anyway. */
  stoppedEarly?: boolean;
}

export interface ModelFileCodec {
  toFiles(artifacts: io.ModelArtifacts): Promise<ModelFiles>;
  /** Throws a readable error for files that are not a complete model. */
  fromFiles(files: Readonly<ModelFiles>): Promise<io.ModelArtifacts>;
}

export interface SavedModelsState {
  status: 'loading' | 'ready';
  /** Newest first. */
  models: readonly SavedModelRecord[];
  load(): Promise<void>;
  /** Keeps a freshly trained model; resolves with its record, or null if it could not be kept. */
  keep(model: TrainedModel): Promise<SavedModelRecord | null>;
  /** Records the mark of a kept model, found by the very artifacts object that was graded. */
  markGraded(artifacts: io.ModelArtifacts, points: number): Promise<void>;
  /** A kept model's artifacts, ready to submit again. */
  artifacts(id: number): Promise<io.ModelArtifacts>;
  /** A kept model's files, as Export model writes them. */
  files(id: number): Promise<ModelFiles>;
  remove(id: number): Promise<void>;
}

export type SavedModelsStore = StoreApi<SavedModelsState>;

export interface SavedModelsDeps {
  storage: ModelStorage;
  codec: ModelFileCodec;
  onStorageProblem?(problem: StorageProblem): void;
  now?: () => number;
}

const newestFirst = (list: Iterable<SavedModelRecord>) => [...list].sort((a, b) => b.savedAt - a.savedAt || b.id - a.id);

export function createSavedModelsStore(deps: SavedModelsDeps): SavedModelsStore {
  const now = deps.now ?? Date.now;
  // Which record a live artifacts object belongs to, so a mark can be put on it. A
  // promise: Submit may be pressed before `keep` has finished writing the model.
  const idOf = new WeakMap<io.ModelArtifacts, Promise<number | null>>();

  return createStore<SavedModelsState>()((set, get) => {
    const keepModel = async (model: TrainedModel): Promise<SavedModelRecord | null> => {
      let files: ModelFiles;
      try {
        files = await deps.codec.toFiles(model.artifacts);
      } catch {
        // Not a model we can write (it could not be graded either): nothing to keep.
        return null;
      }
      const bytes = files.reduce((n, f) => n + f.bytes.byteLength, 0);
      try {
        const { record, dropped } = await deps.storage.saveModel(
          { drillId: model.drillId, savedAt: now(), code: model.code, backend: model.backend, runMs: model.runMs, bytes, points: null, ...(model.stoppedEarly ? { stoppedEarly: true } : {}) },
          files,
        );
        set((s) => ({ models: newestFirst([record, ...s.models.filter((m) => !dropped.includes(m.id))]) }));
        return record;
      } catch (e) {
        // The run's model is still in memory and can be submitted now; only a reload would lose it.
        deps.onStorageProblem?.(toStorageProblem(e));
        return null;
      }
    };

    return {
      status: 'loading',
      models: [],

      async load() {
        const before = get().models;
        try {
          const stored = await deps.storage.listModels();
          // Models kept, marked, dropped or removed while the list was being read are
          // as memory has them; a model removed then must not come back from the read.
          set({ status: 'ready', models: newestFirst(settleRead(stored, before, get().models, (m) => m.id)) });
        } catch (e) {
          deps.onStorageProblem?.(toStorageProblem(e));
          set({ status: 'ready' });
        }
      },

      keep(model) {
        const kept = keepModel(model);
        idOf.set(
          model.artifacts,
          kept.then((r) => r?.id ?? null),
        );
        return kept;
      },

      async markGraded(artifacts, points) {
        const id = await idOf.get(artifacts);
        if (id === undefined || id === null) return;
        set((s) => ({ models: s.models.map((m) => (m.id === id ? { ...m, points } : m)) }));
        try {
          await deps.storage.setModelPoints(id, points);
        } catch (e) {
          deps.onStorageProblem?.(toStorageProblem(e));
        }
      },

      async files(id) {
        let files: ModelFiles | undefined;
        try {
          files = await deps.storage.loadModelFiles(id);
        } catch (e) {
          throw new Error(`The saved model could not be read: ${toStorageProblem(e).message}`, { cause: e });
        }
        if (!files) throw new Error('This saved model is no longer in this browser (it was deleted, or storage was cleared).');
        return files;
      },

      async artifacts(id) {
        const artifacts = await deps.codec.fromFiles(await get().files(id));
        idOf.set(artifacts, Promise.resolve(id));
        return artifacts;
      },

      async remove(id) {
        set((s) => ({ models: s.models.filter((m) => m.id !== id) }));
        try {
          await deps.storage.deleteModel(id);
        } catch (e) {
          deps.onStorageProblem?.(toStorageProblem(e));
        }
      },
    };
  });
}
