/**
 * Whether the editor's TypeScript worker knows the tfjs types yet. Kept apart from
 * monaco-setup so the page can show it without loading Monaco: until 'ready', `tf.`
 * completes with nothing ("Loading…"), and the page says why.
 */
import { useSyncExternalStore } from 'react';

export type TypesStatus = 'idle' | 'loading' | 'ready' | 'failed';

let status: TypesStatus = 'idle';
const listeners = new Set<() => void>();

export function typesStatus(): TypesStatus {
  return status;
}

export function setTypesStatus(next: TypesStatus): void {
  if (next === status) return;
  status = next;
  for (const l of listeners) l();
}

/**
 * Resolves once the editor's types are in or have failed, at once if no editor is
 * loading them ('idle': the board, or the plain editor). Other start-up work that can
 * wait (the spare sandbox) waits for it: on two cores it competes with the TypeScript
 * worker for the core the page does not use.
 */
export function whenTypesSettled(): Promise<void> {
  if (status !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    const stop = onTypesStatus(() => {
      if (status === 'loading') return;
      stop();
      resolve();
    });
  });
}

/** Calls `listener` on every change of the status; returns the unsubscribe. */
export function onTypesStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTypesStatus(): TypesStatus {
  return useSyncExternalStore(onTypesStatus, typesStatus);
}
