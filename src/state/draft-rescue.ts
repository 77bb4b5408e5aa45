/**
 * A synchronous last copy of unsaved drafts, written when the page is hidden or
 * unloaded. IndexedDB writes are asynchronous: one started in `pagehide` (or queued
 * behind a save still in flight) does not commit before the page goes, so text typed
 * in the last few hundred milliseconds before a reload was lost. `localStorage` is
 * written before the handler returns. The copy is dropped once IndexedDB holds the
 * text, and is preferred on the next open only when it is newer than IndexedDB's.
 */
export interface RescuedDraft {
  code: string;
  /** `Date.now()` when it was written; compared with the stored draft's `updatedAt`. */
  at: number;
}

export interface DraftRescue {
  write(drillId: string, code: string, at: number): void;
  read(drillId: string): RescuedDraft | undefined;
  clear(drillId: string): void;
}

const KEY_PREFIX = 'tensor-dojo.draft-rescue.';

/** Over any `Storage` (localStorage in the app, a fake in tests); every failure is swallowed: it is a best effort. */
export function createDraftRescue(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): DraftRescue {
  return {
    write(drillId, code, at) {
      try {
        storage.setItem(KEY_PREFIX + drillId, JSON.stringify({ code, at }));
      } catch {
        // Quota or blocked storage: IndexedDB's own flush may still land.
      }
    },
    read(drillId) {
      try {
        const raw = storage.getItem(KEY_PREFIX + drillId);
        if (raw === null) return undefined;
        const parsed = JSON.parse(raw) as Partial<RescuedDraft>;
        return typeof parsed.code === 'string' && typeof parsed.at === 'number' ? { code: parsed.code, at: parsed.at } : undefined;
      } catch {
        return undefined;
      }
    },
    clear(drillId) {
      try {
        storage.removeItem(KEY_PREFIX + drillId);
      } catch {
        // Nothing to do: a stale copy is ignored when IndexedDB's draft is newer.
      }
    },
  };
}

/** The page's localStorage, or null where there is none (Node, blocked storage). */
export function browserDraftRescue(): DraftRescue | null {
  try {
    return typeof localStorage === 'undefined' ? null : createDraftRescue(localStorage);
  } catch {
    return null;
  }
}
