/**
 * The mock exam: at most one at a time, persisted on every change so it survives a
 * reload. Only facts are stored (start time, length, tasks, submissions, early end);
 * the phase, time left and score sheet are computed from them at the time asked.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Area } from '../core/drill';
import { createExam, endExam, examPhase, restoreExam, withSubmission, type Exam, type ExamDrill } from '../core/exam';
import type { ExamPersistence } from '../storage/exam-storage';

export interface StartExamOptions {
  drills: readonly ExamDrill[];
  minutes?: number;
  /** Drills chosen per area; the rest are drawn. */
  chosen?: Partial<Record<Area, string>>;
  /** Seed for the draw; a fresh one when absent. */
  seed?: number;
}

export interface ExamSubmissionInput {
  drillId: string;
  points: number;
  /** When the run that trained the model started; a model trained before the exam does not count. */
  trainedFrom?: number | null;
}

export interface ExamState {
  exam: Exam | null;
  /** False after the browser refused to store the exam: it then lasts only for this page. */
  persisted: boolean;
  /** The finished exam's score sheet has been shown: the nav stops pointing to it. */
  sheetSeen: boolean;
  markSheetSeen(): void;
  /** Sets a new exam; throws ExamSetupError (bad length, an area without drills) or when one is running. */
  start(options: StartExamOptions): Exam;
  /** Records a graded model for a task; true when it counted. */
  record(submission: ExamSubmissionInput): boolean;
  /** Hands the exam in now. */
  end(): void;
  /** Forgets a finished exam (to start another). A running one must be ended first. */
  discard(): void;
}

export type ExamStore = StoreApi<ExamState>;

export interface ExamDeps {
  persistence: ExamPersistence;
  now?: () => number;
  /** Source of fresh seeds; tests pin it. */
  randomSeed?: () => number;
  /** Which exam's score sheet was last seen (its start time); localStorage in a browser. */
  sheetSeen?: SheetSeenMemory;
}

export interface SheetSeenMemory {
  read(): number | null;
  write(startedAt: number): void;
}

const SHEET_SEEN_KEY = 'tensor-dojo:exam-sheet-seen';

function localSheetSeen(): SheetSeenMemory {
  return {
    read() {
      try {
        const v = Number(globalThis.localStorage?.getItem(SHEET_SEEN_KEY));
        return Number.isFinite(v) && v > 0 ? v : null;
      } catch {
        return null;
      }
    },
    write(startedAt) {
      try {
        globalThis.localStorage?.setItem(SHEET_SEEN_KEY, String(startedAt));
      } catch {
        // Not remembered: the nav points to the sheet again after a reload, nothing worse.
      }
    },
  };
}

/** True while the exam's clock runs. */
export function isExamRunning(exam: Exam | null, now: number): exam is Exam {
  return exam !== null && examPhase(exam, now) === 'running';
}

export function createExamStore(deps: ExamDeps): ExamStore {
  const now = deps.now ?? Date.now;
  const randomSeed = deps.randomSeed ?? (() => Math.floor(Math.random() * 2 ** 32));
  const seen = deps.sheetSeen ?? localSheetSeen();

  return createStore<ExamState>()((set, get) => {
    const save = (exam: Exam | null, also: Partial<ExamState> = {}) => {
      set({ exam, persisted: deps.persistence.write(exam), ...also });
    };
    const restored = restoreExam(deps.persistence.read());
    return {
      exam: restored,
      persisted: true,
      sheetSeen: restored !== null && seen.read() === restored.startedAt,

      markSheetSeen() {
        const exam = get().exam;
        if (exam === null || examPhase(exam, now()) === 'running' || get().sheetSeen) return;
        seen.write(exam.startedAt);
        set({ sheetSeen: true });
      },

      start(options) {
        const current = get().exam;
        if (isExamRunning(current, now())) throw new Error('A mock exam is already running; end it before starting another.');
        const exam = createExam({ ...options, seed: options.seed ?? randomSeed(), now: now() });
        save(exam, { sheetSeen: false });
        return exam;
      },

      record({ drillId, points, trainedFrom }) {
        const exam = get().exam;
        if (exam === null) return false;
        if (trainedFrom !== undefined && trainedFrom !== null && trainedFrom < exam.startedAt) return false;
        const next = withSubmission(exam, { drillId, points, at: now() });
        if (next.counted) save(next.exam);
        return next.counted;
      },

      end() {
        const exam = get().exam;
        if (exam === null) return;
        const ended = endExam(exam, now());
        if (ended !== exam) save(ended);
      },

      discard() {
        const exam = get().exam;
        if (exam === null || isExamRunning(exam, now())) return;
        save(null);
      },
    };
  });
}
