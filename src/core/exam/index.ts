/**
 * Mock-exam rules, pure: setting an exam (one drill per area), its clock, marking
 * (best mark per task, weighted total, pass mark) and restoring a stored exam.
 * The rule itself is documented in `scoring.ts`.
 */
export type { Exam, ExamSubmission, ExamTask } from './types';
export { ExamSetupError } from './types';
export {
  DEFAULT_EXAM_MINUTES,
  MAX_EXAM_MINUTES,
  MIN_EXAM_MINUTES,
  closedAt,
  deadline,
  examDurationMs,
  examPhase,
  formatClock,
  timeLeftMs,
  type ExamPhase,
} from './timing';
export { EXAM_AREAS, createExam, pickExamTasks, type ExamChoice, type ExamDrill, type NewExamOptions } from './pick';
export {
  EXAM_RULE,
  counts,
  endExam,
  isValidPoints,
  meetsPassMark,
  scoreExam,
  withSubmission,
  type ExamRule,
  type ScoreSheet,
  type TaskScore,
} from './scoring';
export { restoreExam } from './restore';
