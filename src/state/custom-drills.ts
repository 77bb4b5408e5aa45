/**
 * The learner's own drills: the definitions, loaded from storage once and saved as
 * the author saves the form. Checking a definition against the shipped drills is
 * the caller's `check` (the catalogue knows them); this store only keeps what
 * passed it. Like drafts, a definition that cannot be written stays in memory and
 * the storage banner says why.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CustomDrillDefinition, RestoreResult } from '../core/custom-drill';
import type { DojoStorage } from '../storage/dojo-storage';
import { toStorageProblem, type StorageProblem } from '../storage/errors';
import { settleRead } from '../storage/settle-read';

export type SaveOutcome = { ok: true; definition: CustomDrillDefinition; persisted: boolean } | { ok: false; error: string };

export interface CustomDrillsState {
  status: 'loading' | 'ready';
  /** Sorted by title, so that views need not sort. */
  definitions: readonly CustomDrillDefinition[];
  load(): Promise<void>;
  /** Adds or replaces the definition with that id. */
  save(raw: unknown): Promise<SaveOutcome>;
  remove(id: string): Promise<void>;
  get(id: string): CustomDrillDefinition | undefined;
}

export type CustomDrillsStore = StoreApi<CustomDrillsState>;

export interface CustomDrillsDeps {
  storage: Pick<DojoStorage, 'listCustomDrills' | 'saveCustomDrill' | 'deleteCustomDrill'>;
  /** Full check of an untrusted definition (fields, base drill, fit to the base). */
  check(raw: unknown): RestoreResult<CustomDrillDefinition>;
  onStorageProblem?(problem: StorageProblem): void;
}

const byTitle = (list: Iterable<CustomDrillDefinition>) => [...list].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));

export function createCustomDrillsStore(deps: CustomDrillsDeps): CustomDrillsStore {
  const report = (e: unknown) => deps.onStorageProblem?.(toStorageProblem(e));

  return createStore<CustomDrillsState>()((set, get) => ({
    status: 'loading',
    definitions: [],

    async load() {
      const before = get().definitions;
      let records: Awaited<ReturnType<DojoStorage['listCustomDrills']>>;
      try {
        records = await deps.storage.listCustomDrills();
      } catch (e) {
        report(e);
        // Unreadable storage: keep what memory has rather than show nothing.
        set({ status: 'ready' });
        return;
      }
      // Storage is the truth (an import may just have changed it), except for what was
      // saved or removed while it was being read. Definitions that no longer fit their
      // base (a later version reshaped it) stay listed, and the catalogue says why.
      set({ status: 'ready', definitions: byTitle(settleRead(records.map((r) => r.definition), before, get().definitions, (d) => d.id)) });
    },

    async save(raw) {
      const checked = deps.check(raw);
      if (!checked.ok) return checked;
      const definition = checked.value;
      set((s) => ({ definitions: byTitle([...s.definitions.filter((d) => d.id !== definition.id), definition]) }));
      try {
        await deps.storage.saveCustomDrill(definition);
        return { ok: true, definition, persisted: true };
      } catch (e) {
        report(e);
        return { ok: true, definition, persisted: false };
      }
    },

    async remove(id) {
      set((s) => ({ definitions: s.definitions.filter((d) => d.id !== id) }));
      try {
        await deps.storage.deleteCustomDrill(id);
      } catch (e) {
        report(e);
      }
    },

    get(id) {
      return get().definitions.find((d) => d.id === id);
    },
  }));
}
