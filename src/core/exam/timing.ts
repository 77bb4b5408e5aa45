/**
 * The exam clock. Time left is always `startedAt + duration - now`, so a reload,
 * a sleeping laptop or a throttled background tab cannot stretch the exam.
 */
import type { Exam } from './types';
import { ExamSetupError } from './types';

/** The certificate exam gave five hours. */
export const DEFAULT_EXAM_MINUTES = 300;
export const MIN_EXAM_MINUTES = 1;
/** A day: longer is not an exam any more, and keeps a typo (30000) from making one. */
export const MAX_EXAM_MINUTES = 24 * 60;

export type ExamPhase = 'running' | 'time-up' | 'ended';

export function examDurationMs(minutes: number): number {
  if (!Number.isFinite(minutes) || !Number.isInteger(minutes) || minutes < MIN_EXAM_MINUTES || minutes > MAX_EXAM_MINUTES) {
    throw new ExamSetupError(
      `The exam length must be a whole number of minutes from ${MIN_EXAM_MINUTES} to ${MAX_EXAM_MINUTES} (got ${String(minutes)}).`,
    );
  }
  return minutes * 60_000;
}

export function deadline(exam: Pick<Exam, 'startedAt' | 'durationMs'>): number {
  return exam.startedAt + exam.durationMs;
}

/** When submissions stopped counting: the deadline, or earlier if the learner ended the exam. */
export function closedAt(exam: Pick<Exam, 'startedAt' | 'durationMs' | 'endedAt'>): number {
  const end = deadline(exam);
  return exam.endedAt === null ? end : Math.min(end, exam.endedAt);
}

/** Time-up is reached at the deadline itself: at `now === deadline` no time is left. */
export function examPhase(exam: Pick<Exam, 'startedAt' | 'durationMs' | 'endedAt'>, now: number): ExamPhase {
  if (exam.endedAt !== null && exam.endedAt < deadline(exam)) return 'ended';
  return now >= deadline(exam) ? 'time-up' : 'running';
}

export function timeLeftMs(exam: Pick<Exam, 'startedAt' | 'durationMs' | 'endedAt'>, now: number): number {
  if (examPhase(exam, now) !== 'running') return 0;
  return Math.max(0, Math.min(exam.durationMs, deadline(exam) - now));
}

/** `4:59:07`, or `0:59` under an hour; rounds up so the clock shows 0:00 only when time is up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
