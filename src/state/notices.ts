/**
 * Things the app tells the learner without stopping them: the storage banner
 * (one at a time, the latest problem wins) and short toasts, some with an action
 * such as Undo.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StorageProblem } from '../storage/errors';

export interface Toast {
  id: number;
  text: string;
  action?: { label: string; run: () => void };
}

export interface NoticesState {
  storageProblem: StorageProblem | null;
  toasts: Toast[];
  reportStorageProblem(problem: StorageProblem): void;
  dismissStorageProblem(): void;
  /** Returns the toast's id, e.g. to dismiss it once its action no longer applies. */
  pushToast(text: string, action?: Toast['action']): number;
  dismissToast(id: number): void;
}

export type NoticesStore = StoreApi<NoticesState>;

export function createNoticesStore(): NoticesStore {
  let nextId = 1;
  return createStore<NoticesState>()((set) => ({
    storageProblem: null,
    toasts: [],
    reportStorageProblem: (problem) => set({ storageProblem: problem }),
    dismissStorageProblem: () => set({ storageProblem: null }),
    pushToast: (text, action) => {
      const id = nextId++;
      set((s) => ({ toasts: [...s.toasts, { id, text, action }] }));
      return id;
    },
    dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  }));
}
