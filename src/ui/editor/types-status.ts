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

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTypesStatus(): TypesStatus {
  return useSyncExternalStore(subscribe, typesStatus);
}
