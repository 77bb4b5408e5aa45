/**
 * Debounced, ordered saving of drafts, one queue per drill.
 *
 * A save happens `delayMs` after the last keystroke, but never more than
 * `maxWaitMs` after the first unsaved one, so steady typing is still saved about
 * once a second. Saves of one drill never overlap, so an older text can never
 * land after a newer one. A failed save keeps the text pending: the next edit or
 * `flush()` tries again, and nothing is retried in a loop against a full disk.
 */
export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error';

export interface DraftSaverOptions {
  save(drillId: string, code: string): Promise<void>;
  onStatus(drillId: string, status: SaveStatus, error?: unknown): void;
  delayMs?: number;
  maxWaitMs?: number;
  now?: () => number;
}

export interface DraftSaver {
  /** Note a new text; it is saved soon. */
  schedule(drillId: string, code: string): void;
  /** Save everything pending now (page hidden, tab closing, before a reset). */
  flush(): Promise<void>;
  hasPending(drillId?: string): boolean;
  /** Texts not yet known to be stored (pending or being saved), newest per drill. */
  unsaved(): Map<string, string>;
  dispose(): void;
}

interface Slot {
  pending: string | null;
  firstPendingAt: number;
  timer: ReturnType<typeof setTimeout> | null;
  inFlight: Promise<void> | null;
  inFlightCode: string | null;
}

export function createDraftSaver(options: DraftSaverOptions): DraftSaver {
  const delayMs = options.delayMs ?? 600;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  const now = options.now ?? Date.now;
  const slots = new Map<string, Slot>();

  const slotFor = (drillId: string): Slot => {
    let slot = slots.get(drillId);
    if (!slot) {
      slot = { pending: null, firstPendingAt: 0, timer: null, inFlight: null, inFlightCode: null };
      slots.set(drillId, slot);
    }
    return slot;
  };

  const clearTimer = (slot: Slot) => {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
  };

  const saveNow = (drillId: string): Promise<void> => {
    const slot = slotFor(drillId);
    clearTimer(slot);
    if (slot.inFlight) {
      // Wait for the running save, then write whatever is newest.
      return slot.inFlight.then(() => (slot.pending !== null ? saveNow(drillId) : undefined));
    }
    if (slot.pending === null) return Promise.resolve();
    const code = slot.pending;
    slot.pending = null;
    options.onStatus(drillId, 'saving');
    slot.inFlightCode = code;
    const run = options.save(drillId, code).then(
      () => {
        slot.inFlight = null;
        slot.inFlightCode = null;
        if (slot.pending === null) options.onStatus(drillId, 'saved');
      },
      (error: unknown) => {
        slot.inFlight = null;
        slot.inFlightCode = null;
        // Keep the text for the next attempt unless the learner typed something newer.
        if (slot.pending === null) {
          slot.pending = code;
          slot.firstPendingAt = now();
        }
        options.onStatus(drillId, 'error', error);
      },
    );
    slot.inFlight = run;
    return run;
  };

  return {
    schedule(drillId, code) {
      const slot = slotFor(drillId);
      if (slot.pending === null) slot.firstPendingAt = now();
      slot.pending = code;
      clearTimer(slot);
      options.onStatus(drillId, 'dirty');
      const waited = now() - slot.firstPendingAt;
      const wait = Math.max(0, Math.min(delayMs, maxWaitMs - waited));
      slot.timer = setTimeout(() => {
        slot.timer = null;
        void saveNow(drillId);
      }, wait);
    },
    async flush() {
      await Promise.all([...slots.keys()].map((id) => saveNow(id)));
    },
    hasPending(drillId) {
      const pending = (s: Slot) => s.pending !== null || s.inFlight !== null;
      if (drillId !== undefined) {
        const slot = slots.get(drillId);
        return slot ? pending(slot) : false;
      }
      return [...slots.values()].some(pending);
    },
    unsaved() {
      const texts = new Map<string, string>();
      for (const [id, slot] of slots) {
        const text = slot.pending ?? slot.inFlightCode;
        if (text !== null) texts.set(id, text);
      }
      return texts;
    },
    dispose() {
      for (const slot of slots.values()) clearTimer(slot);
    },
  };
}
