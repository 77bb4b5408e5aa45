/**
 * Attempts (graded submissions) and what the board derives from them. Only the
 * attempts are stored; status and best mark are computed from them on read.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AttemptRecord, NewAttempt } from '../storage/db';
import type { DojoStorage } from '../storage/dojo-storage';
import type { StorageProblem } from '../storage/errors';
import { toStorageProblem } from '../storage/errors';

export type DrillStatus = 'not-started' | 'attempted' | 'passed';

export interface DrillProgress {
  status: DrillStatus;
  /** Highest points of any attempt, or null before the first. */
  bestPoints: number | null;
  attempts: number;
  lastAt: number | null;
  /** Sum of the training time of submitted runs. */
  timeSpentMs: number;
}

export const STATUS_LABELS: Record<DrillStatus, string> = {
  'not-started': 'not started',
  attempted: 'attempted',
  passed: 'passed',
};

export function summarizeAttempts(attempts: readonly AttemptRecord[]): DrillProgress {
  let best: number | null = null;
  let lastAt: number | null = null;
  let passed = false;
  let timeSpentMs = 0;
  for (const a of attempts) {
    best = best === null ? a.points : Math.max(best, a.points);
    lastAt = lastAt === null ? a.at : Math.max(lastAt, a.at);
    passed ||= a.passed;
    timeSpentMs += a.runMs ?? 0;
  }
  return {
    status: passed ? 'passed' : attempts.length > 0 ? 'attempted' : 'not-started',
    bestPoints: best,
    attempts: attempts.length,
    lastAt,
    timeSpentMs,
  };
}

/** Progress for every drill that has attempts; others are `summarizeAttempts([])`. */
export function progressByDrill(attempts: readonly AttemptRecord[]): Map<string, DrillProgress> {
  const groups = new Map<string, AttemptRecord[]>();
  for (const a of attempts) {
    const list = groups.get(a.drillId);
    if (list) list.push(a);
    else groups.set(a.drillId, [a]);
  }
  return new Map([...groups].map(([id, list]) => [id, summarizeAttempts(list)]));
}

export interface ProgressState {
  attempts: AttemptRecord[];
  loaded: boolean;
  load(): Promise<void>;
  /** Adds an attempt; it counts in memory even if storage refuses it. */
  record(attempt: NewAttempt): Promise<AttemptRecord>;
}

export type ProgressStore = StoreApi<ProgressState>;

export function createProgressStore(deps: { storage: DojoStorage; onStorageProblem(problem: StorageProblem): void }): ProgressStore {
  let localId = -1;
  return createStore<ProgressState>()((set) => ({
    attempts: [],
    loaded: false,
    async load() {
      try {
        const stored = await deps.storage.listAttempts();
        // Attempts recorded before loading finished (memory-only ones) are kept.
        set((s) => ({ attempts: [...stored, ...s.attempts.filter((a) => !stored.some((b) => b.id === a.id))], loaded: true }));
      } catch (e) {
        set({ loaded: true });
        deps.onStorageProblem(toStorageProblem(e));
      }
    },
    async record(attempt) {
      let saved: AttemptRecord;
      try {
        saved = await deps.storage.addAttempt(attempt);
      } catch (e) {
        // Negative ids mark attempts that only live in memory.
        saved = { ...attempt, id: localId-- };
        deps.onStorageProblem(toStorageProblem(e));
      }
      set((s) => ({ attempts: [...s.attempts, saved] }));
      return saved;
    },
  }));
}
