/**
 * The learner's drafts, one per drill, held in memory first and saved behind
 * their back. Memory is the truth while the page lives: a failed save never
 * changes what the editor shows, and nothing a run does touches a draft.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DojoStorage } from '../storage/dojo-storage';
import type { StorageProblem } from '../storage/errors';
import { toStorageProblem } from '../storage/errors';
import { createDraftSaver, type DraftSaver, type SaveStatus } from './draft-saver';
import { browserDraftRescue, type DraftRescue } from './draft-rescue';

export type DraftLoad = 'loading' | 'ready';

export interface ResetUndo {
  drillId: string;
  previous: string;
}

export interface WorkspaceState {
  /** The drill open in the workspace, if any. */
  drillId: string | null;
  drafts: Record<string, string>;
  load: Record<string, DraftLoad>;
  saveStatus: Record<string, SaveStatus>;
  /** The text a reset replaced, until the next reset or undo. */
  lastReset: ResetUndo | null;
  /** Opens a drill: restores its saved draft, or starts from the starter. */
  open(drillId: string, starter: string): Promise<void>;
  close(): void;
  edit(drillId: string, code: string): void;
  /** Replaces the draft with the starter; the caller has asked for confirmation. */
  resetToStarter(drillId: string, starter: string): void;
  undoReset(): void;
  /**
   * Saves everything pending now. Unsaved texts are first copied synchronously to the
   * rescue store, so a page that is going away (pagehide) keeps them.
   */
  flush(): Promise<void>;
}

export type WorkspaceStore = StoreApi<WorkspaceState> & { saver: DraftSaver };

export interface WorkspaceDeps {
  storage: DojoStorage;
  onStorageProblem(problem: StorageProblem): void;
  /** Called when saves work again after a problem. */
  onStorageRecovered?(): void;
  delayMs?: number;
  maxWaitMs?: number;
  /** The synchronous last copy; defaults to localStorage in a browser, none elsewhere. */
  rescue?: DraftRescue | null;
  now?: () => number;
}

export function createWorkspaceStore(deps: WorkspaceDeps): WorkspaceStore {
  let hadProblem = false;
  const rescue = deps.rescue === undefined ? browserDraftRescue() : deps.rescue;
  const now = deps.now ?? Date.now;
  const saver = createDraftSaver({
    save: (drillId, code) => deps.storage.saveDraft(drillId, code),
    delayMs: deps.delayMs,
    maxWaitMs: deps.maxWaitMs,
    onStatus: (drillId, status, error) => {
      store.setState((s) => ({ saveStatus: { ...s.saveStatus, [drillId]: status } }));
      if (status === 'error') {
        hadProblem = true;
        deps.onStorageProblem(toStorageProblem(error));
      } else if (status === 'saved') {
        rescue?.clear(drillId);
        if (hadProblem) {
          hadProblem = false;
          deps.onStorageRecovered?.();
        }
      }
    },
  });

  const store = createStore<WorkspaceState>()((set, get) => {
    const edit = (drillId: string, code: string) => {
      if (get().drafts[drillId] === code) return;
      set((s) => ({ drafts: { ...s.drafts, [drillId]: code } }));
      saver.schedule(drillId, code);
    };
    return {
      drillId: null,
      drafts: {},
      load: {},
      saveStatus: {},
      lastReset: null,
      async open(drillId, starter) {
        set({ drillId });
        if (get().load[drillId]) return;
        set((s) => ({ load: { ...s.load, [drillId]: 'loading' } }));
        let saved: string | undefined;
        let savedAt = -Infinity;
        try {
          const record = await deps.storage.loadDraft(drillId);
          saved = record?.code;
          savedAt = record?.updatedAt ?? -Infinity;
        } catch (e) {
          deps.onStorageProblem(toStorageProblem(e));
        }
        // Text typed just before the page last went away, if IndexedDB never got it.
        const rescued = rescue?.read(drillId);
        const adoptRescue = rescued !== undefined && rescued.at > savedAt && rescued.code !== saved;
        if (adoptRescue) saved = rescued.code;
        else if (rescued !== undefined) rescue?.clear(drillId);
        set((s) => ({
          // A draft typed meanwhile (only possible if loading was slow) wins over storage.
          drafts: { ...s.drafts, [drillId]: s.drafts[drillId] ?? saved ?? starter },
          load: { ...s.load, [drillId]: 'ready' },
          saveStatus: { ...s.saveStatus, [drillId]: s.saveStatus[drillId] ?? 'saved' },
        }));
        // Into IndexedDB with it; the rescue copy is cleared once that save lands.
        if (adoptRescue && get().drafts[drillId] === saved) saver.schedule(drillId, saved!);
      },
      close: () => set({ drillId: null }),
      edit,
      resetToStarter(drillId, starter) {
        const previous = get().drafts[drillId];
        if (previous === undefined || previous === starter) return;
        set({ lastReset: { drillId, previous } });
        edit(drillId, starter);
      },
      undoReset() {
        const undo = get().lastReset;
        if (!undo) return;
        set({ lastReset: null });
        edit(undo.drillId, undo.previous);
      },
      flush() {
        const at = now();
        for (const [drillId, code] of saver.unsaved()) rescue?.write(drillId, code, at);
        return saver.flush();
      },
    };
  });
  return Object.assign(store, { saver });
}

/** Whether the draft differs from what storage holds (for the "unsaved" badge). */
export function isUnsaved(status: SaveStatus | undefined): boolean {
  return status === 'dirty' || status === 'saving' || status === 'error';
}
