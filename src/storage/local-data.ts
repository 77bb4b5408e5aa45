/**
 * Export, import and kept drafts over the app's IndexedDB database: what the
 * Settings page and the share-link page need beyond the stores' DojoStorage.
 * Errors come back as `StorageWriteError` (with a learner-facing problem), as in
 * dojo-storage.ts.
 */
import type { DraftRecord, KeptDraftRecord, NewAttempt, NewKeptDraft, SavedModelRecord } from './db';
import { guarded, lazyDb } from './lazy-db';
import { base64ToBytes, bytesToBase64, EXPORT_FORMAT, EXPORT_VERSION, parseExportText, type ExportedModel, type ExportFile } from './export-file';
import { planMerge, type MergeSummary } from './merge';

export interface ImportOutcome {
  summary: MergeSummary;
  skipped: number;
  /** Drills whose current draft changed: open editors must reload them. */
  changedDrafts: string[];
  /** Whether custom drills were added or replaced: the app must reload its list. */
  changedCustomDrills: boolean;
  /** Whether saved models were added: the app must reload its list. */
  changedModels: boolean;
}

export type ImportResult = { ok: true; outcome: ImportOutcome } | { ok: false; error: string };

export interface LocalData {
  /** Everything, with `liveDrafts` (the editors' memory, the truth while the page lives) over what is on disk. */
  exportAll(liveDrafts?: Readonly<Record<string, string>>): Promise<ExportFile>;
  /** Merges an export file's text into this browser; a bad file changes nothing. */
  importText(text: string): Promise<ImportResult>;
  listKept(): Promise<KeptDraftRecord[]>;
  keep(draft: NewKeptDraft): Promise<KeptDraftRecord>;
  deleteKept(id: number): Promise<void>;
}

const stripId = ({ id: _id, ...rest }: { id: number } & NewAttempt): NewAttempt => (void _id, rest);
const stripKeptId = ({ id: _id, ...rest }: KeptDraftRecord): NewKeptDraft => (void _id, rest);
const stripModelId = ({ id: _id, ...rest }: SavedModelRecord) => (void _id, rest);


export function createLocalData(options: { dbName?: string; now?: () => number } = {}): LocalData {
  const now = options.now ?? Date.now;
  const db = lazyDb(options.dbName);

  return {
    exportAll: (liveDrafts = {}) =>
      guarded(async () => {
        const d = await db();
        const tx = d.transaction(['drafts', 'attempts', 'kept', 'customDrills', 'models', 'modelFiles'], 'readonly');
        const [drafts, attempts, kept, customDrills, models, modelFiles] = await Promise.all([
          tx.objectStore('drafts').getAll(),
          tx.objectStore('attempts').getAll(),
          tx.objectStore('kept').getAll(),
          tx.objectStore('customDrills').getAll(),
          tx.objectStore('models').getAll(),
          tx.objectStore('modelFiles').getAll(),
        ]);
        const filesOf = new Map(modelFiles.map((f) => [f.id, f.files]));
        const exportedModels: ExportedModel[] = models.flatMap((m) => {
          const files = filesOf.get(m.id);
          return files ? [{ model: stripModelId(m), files: files.map((f) => ({ name: f.name, base64: bytesToBase64(f.bytes) })) }] : [];
        });
        const at = now();
        const byDrill = new Map<string, DraftRecord>(drafts.map((r) => [r.drillId, r]));
        for (const [drillId, code] of Object.entries(liveDrafts)) {
          if (byDrill.get(drillId)?.code !== code) byDrill.set(drillId, { drillId, code, updatedAt: at });
        }
        return {
          format: EXPORT_FORMAT,
          version: EXPORT_VERSION,
          exportedAt: at,
          drafts: [...byDrill.values()],
          attempts: attempts.map(stripId),
          kept: kept.map(stripKeptId),
          customDrills,
          models: exportedModels,
        };
      }),

    async importText(text) {
      const parsed = parseExportText(text);
      if (!parsed.ok) return parsed;
      return guarded(async () => {
        const d = await db();
        // One transaction: the merge is read, planned and written atomically, so
        // a failure (a full disk) leaves the database as it was.
        const tx = d.transaction(['drafts', 'attempts', 'kept', 'customDrills', 'models', 'modelFiles'], 'readwrite');
        const drafts = tx.objectStore('drafts');
        const attempts = tx.objectStore('attempts');
        const kept = tx.objectStore('kept');
        const customDrills = tx.objectStore('customDrills');
        const models = tx.objectStore('models');
        const [localDrafts, localAttempts, localKept, localCustom, localModels] = await Promise.all([
          drafts.getAll(),
          attempts.getAll(),
          kept.getAll(),
          customDrills.getAll(),
          models.getAll(),
        ]);
        const plan = planMerge(
          { drafts: localDrafts, attempts: localAttempts, kept: localKept, customDrills: localCustom, models: localModels },
          { ...parsed.file, models: parsed.file.models.map((m) => m.model) },
          now(),
        );
        // Only the models the plan adds are decoded (restoreExportFile checked their base64).
        // Decoding is synchronous, so the transaction stays open, and it comes before the
        // first write, so a failure there still leaves the database as it was.
        const addedFiles = plan.addModels.map((i) => parsed.file.models[i]!.files.map((f) => ({ name: f.name, bytes: base64ToBytes(f.base64) })));
        await Promise.all([
          ...plan.putDrafts.map((r) => drafts.put(r)),
          // `id` is assigned by the store (autoIncrement keyPath).
          ...plan.addAttempts.map((a) => attempts.add(a as NewAttempt & { id: number })),
          ...plan.addKept.map((k) => kept.add(k as KeptDraftRecord)),
          ...plan.putCustomDrills.map((r) => customDrills.put(r)),
          ...plan.addModels.map(async (i, n) => {
            const id = await models.add(parsed.file.models[i]!.model as SavedModelRecord);
            await tx.objectStore('modelFiles').put({ id, files: addedFiles[n]! });
          }),
        ]);
        await tx.done;
        return {
          ok: true as const,
          outcome: {
            summary: plan.summary,
            skipped: parsed.skipped,
            changedDrafts: plan.putDrafts.map((r) => r.drillId),
            changedCustomDrills: plan.putCustomDrills.length > 0,
            changedModels: plan.addModels.length > 0,
          },
        };
      });
    },

    listKept: () => guarded(async () => (await (await db()).getAll('kept')).sort((a, b) => b.keptAt - a.keptAt)),
    keep: (draft) =>
      guarded(async () => {
        const id = await (await db()).add('kept', draft as KeptDraftRecord);
        return { ...draft, id };
      }),
    deleteKept: (id) => guarded(async () => (await db()).delete('kept', id)),
  };
}
