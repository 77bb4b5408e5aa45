/**
 * Turns whatever IndexedDB threw into something the learner can act on.
 * Browsers disagree on how a full disk shows up (Chromium: DOMException
 * 'QuotaExceededError'; Firefox: 'NS_ERROR_DOM_QUOTA_REACHED'; Safari sometimes
 * an UnknownError mentioning the quota), so several spellings are recognised.
 */
export type StorageProblemKind = 'quota' | 'unavailable' | 'failed';

export interface StorageProblem {
  kind: StorageProblemKind;
  /** One sentence for the banner. */
  message: string;
  /** The browser's own words, for the curious. */
  detail: string;
}

export const QUOTA_MESSAGE = 'Storage is full — your draft is kept in memory; export or free space.';

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

export function isQuotaError(e: unknown): boolean {
  const name = errorName(e);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  // Legacy DOMException code 22 = QUOTA_EXCEEDED_ERR.
  if (typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 22) return true;
  return /quota/i.test(errorText(e));
}

export function describeStorageError(e: unknown): StorageProblem {
  const detail = `${errorName(e) || 'Error'}: ${errorText(e)}`;
  if (isQuotaError(e)) return { kind: 'quota', message: QUOTA_MESSAGE, detail };
  const name = errorName(e);
  if (name === 'SecurityError' || name === 'InvalidStateError' || /indexedDB is not defined/i.test(errorText(e))) {
    return {
      kind: 'unavailable',
      message: 'This browser will not let the lab save (private mode or storage blocked) — your draft is kept in memory; export it before closing the tab.',
      detail,
    };
  }
  return {
    kind: 'failed',
    message: 'Saving to browser storage failed — your draft is kept in memory; export it or try again.',
    detail,
  };
}

/** Thrown by the storage layer so callers can show `problem` without parsing errors. */
export class StorageWriteError extends Error {
  readonly problem: StorageProblem;
  constructor(problem: StorageProblem, options?: { cause?: unknown }) {
    super(problem.message, options);
    this.name = 'StorageWriteError';
    this.problem = problem;
  }
}

export function toStorageProblem(e: unknown): StorageProblem {
  return e instanceof StorageWriteError ? e.problem : describeStorageError(e);
}
