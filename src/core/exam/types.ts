/** The shape of a mock exam as it is stored: everything else is derived from it. */
import type { Area } from '../drill';

/** One exam task: the drill set for one area. */
export interface ExamTask {
  area: Area;
  drillId: string;
}

/** One graded model handed in for a task during the exam. */
export interface ExamSubmission {
  drillId: string;
  /** 0–5 from the grader. */
  points: number;
  /** ms since epoch, when the grade came back. */
  at: number;
}

export interface Exam {
  version: 1;
  /** ms since epoch. The countdown is computed from this, never counted down. */
  startedAt: number;
  durationMs: number;
  /** Five tasks, one per area, in area order. */
  tasks: ExamTask[];
  /** Every counted submission, in order; the best per task is derived. */
  submissions: ExamSubmission[];
  /** Set when the learner hands in early; null while running or when time ran out. */
  endedAt: number | null;
  /** The seed the drills were drawn with, or null when the learner chose them all. */
  seed: number | null;
}

/** Raised for an exam that cannot be set up; `message` is shown as is. */
export class ExamSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExamSetupError';
  }
}
