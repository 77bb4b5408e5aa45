/**
 * Where the running mock exam is kept: localStorage, like the settings, because it
 * is tiny and must be there synchronously on the first render after a reload (an
 * exam page that first shows "start an exam" and then the countdown would invite a
 * second start). What is read back is repaired by the exam store (`restoreExam`).
 */
import type { Exam } from '../core/exam/types';

const KEY = 'tensor-dojo:exam';

export interface ExamPersistence {
  /** The stored value, unvalidated; undefined when nothing is stored or it cannot be read. */
  read(): unknown;
  /** Stores the exam, or forgets it for null. False when the browser refused. */
  write(exam: Exam | null): boolean;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function localExamStorage(storage: StorageLike | undefined = safeLocalStorage()): ExamPersistence {
  return {
    read() {
      try {
        const raw = storage?.getItem(KEY);
        return raw ? (JSON.parse(raw) as unknown) : undefined;
      } catch {
        return undefined;
      }
    },
    write(exam) {
      if (!storage) return false;
      try {
        if (exam === null) storage.removeItem(KEY);
        else storage.setItem(KEY, JSON.stringify(exam));
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Keeps the exam for this page only: tests, and browsers that block localStorage. */
export function memoryExamStorage(initial?: unknown): ExamPersistence {
  // Stored as JSON so a test's "reload" reads a copy, as a real one would.
  let json: string | undefined = initial === undefined ? undefined : JSON.stringify(initial);
  return {
    read: () => (json === undefined ? undefined : (JSON.parse(json) as unknown)),
    write(exam) {
      json = exam === null ? undefined : JSON.stringify(exam);
      return true;
    },
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
