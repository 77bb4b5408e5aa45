/**
 * The app's IndexedDB database: one object store per kind of record.
 * Bump `DB_VERSION` and add a step to `upgrade` when the schema changes; never
 * rewrite an old step, since learners' browsers may still be on it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CustomDrillDefinition } from '../core/custom-drill';
import type { MetricName } from '../core/drill';
import type { ModelFile } from '../core/grading/model-files';
import type { BackendName } from '../runner/protocol';

export const DB_NAME = 'tensor-dojo';
export const DB_VERSION = 3;

export interface DraftRecord {
  drillId: string;
  code: string;
  /** ms since epoch */
  updatedAt: number;
}

/** One graded submission. The code is a snapshot of what was run, not the live draft. */
export interface AttemptRecord {
  id: number;
  drillId: string;
  /** ms since epoch */
  at: number;
  code: string;
  metric: { name: MetricName; value: number | null };
  points: number;
  passed: boolean;
  backend: BackendName | null;
  /** Training time of the run that produced the model. */
  runMs?: number;
}

export type NewAttempt = Omit<AttemptRecord, 'id'>;

/** Why a draft was set aside instead of being overwritten. */
export type KeptReason = 'import' | 'link' | 'restore';

/**
 * A draft set aside so that nothing is ever overwritten: the older side of an
 * import merge, the learner's draft replaced by a shared link, a copy saved from
 * a link. Listed under Settings → Kept drafts.
 */
export interface KeptDraftRecord {
  id: number;
  drillId: string;
  code: string;
  /** When that text was last edited, ms since epoch. */
  updatedAt: number;
  /** When it was set aside. */
  keptAt: number;
  reason: KeptReason;
}

export type NewKeptDraft = Omit<KeptDraftRecord, 'id'>;

/**
 * A model a run trained, kept so that a reload, a crash or a closed tab does not
 * lose it: it can still be submitted or exported. Only this small record is
 * listed; the weights live apart in `modelFiles` under the same id.
 */
export interface SavedModelRecord {
  id: number;
  drillId: string;
  /** ms since epoch */
  savedAt: number;
  /** The code that trained it, as it was when Run was pressed. */
  code: string;
  backend: BackendName | null;
  /** Training time. */
  runMs: number | null;
  /** Size of model.json plus the weights. */
  bytes: number;
  /** Its mark once graded (the latest), else null. */
  points: number | null;
  /** Kept from a run the learner stopped mid-training (absent in older records: a finished run). */
  stoppedEarly?: boolean;
}

export type NewSavedModel = Omit<SavedModelRecord, 'id'>;

/** The files `Export model` would download (model.json + model.weights.bin), read back through the upload reader. */
export interface SavedModelFiles {
  id: number;
  files: ModelFile[];
}

/** Trained models kept per drill; older ones are dropped as new ones arrive. */
export const SAVED_MODELS_PER_DRILL = 5;

/** A drill the learner authored; `definition.id` is the key. */
export interface CustomDrillRecord {
  id: string;
  definition: CustomDrillDefinition;
  /** When it was last saved, ms since epoch: an import keeps the newer one. */
  updatedAt: number;
}

export interface DojoSchema extends DBSchema {
  drafts: { key: string; value: DraftRecord };
  attempts: { key: number; value: AttemptRecord; indexes: { byDrill: string } };
  kept: { key: number; value: KeptDraftRecord; indexes: { byDrill: string } };
  customDrills: { key: string; value: CustomDrillRecord };
  models: { key: number; value: SavedModelRecord; indexes: { byDrill: string } };
  modelFiles: { key: number; value: SavedModelFiles };
}

export type DojoDb = IDBPDatabase<DojoSchema>;

export function openDojoDb(name: string = DB_NAME): Promise<DojoDb> {
  return openDB<DojoSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('drafts', { keyPath: 'drillId' });
        const attempts = db.createObjectStore('attempts', { keyPath: 'id', autoIncrement: true });
        attempts.createIndex('byDrill', 'drillId');
      }
      if (oldVersion < 2) {
        const kept = db.createObjectStore('kept', { keyPath: 'id', autoIncrement: true });
        kept.createIndex('byDrill', 'drillId');
      }
      if (oldVersion < 3) {
        db.createObjectStore('customDrills', { keyPath: 'id' });
        db.createObjectStore('models', { keyPath: 'id', autoIncrement: true }).createIndex('byDrill', 'drillId');
        db.createObjectStore('modelFiles', { keyPath: 'id' });
      }
    },
    // Another tab wants a newer schema: let it upgrade. Our next write fails and
    // the banner asks for a reload; memory still holds the draft.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
