/**
 * Turns whatever was stored (an older build's exam, a hand edit, a half-written
 * value) into a valid exam or nothing. A stored exam is never trusted as is: a
 * corrupt one must not crash the app, and marks out of range must not count.
 */
import type { Area } from '../drill';
import { MAX_EXAM_MINUTES } from './timing';
import { isValidPoints } from './scoring';
import type { Exam, ExamSubmission, ExamTask } from './types';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isArea = (x: unknown): x is Area => x === 1 || x === 2 || x === 3 || x === 4 || x === 5;

export function restoreExam(raw: unknown): Exam | null {
  if (!isRecord(raw) || raw.version !== 1) return null;
  const { startedAt, durationMs, endedAt, seed } = raw;
  if (!isTime(startedAt) || !isTime(durationMs) || durationMs <= 0 || durationMs > MAX_EXAM_MINUTES * 60_000) return null;
  if (!Array.isArray(raw.tasks)) return null;
  const tasks: ExamTask[] = [];
  for (const t of raw.tasks) {
    if (!isRecord(t) || !isArea(t.area) || typeof t.drillId !== 'string' || t.drillId === '') return null;
    if (tasks.some((o) => o.area === t.area)) return null;
    tasks.push({ area: t.area, drillId: t.drillId });
  }
  if (tasks.length !== 5) return null;
  tasks.sort((a, b) => a.area - b.area);
  // A bad submission is dropped rather than losing the whole exam.
  const submissions: ExamSubmission[] = (Array.isArray(raw.submissions) ? raw.submissions : [])
    .filter((s): s is Record<string, unknown> => isRecord(s))
    .filter((s) => typeof s.drillId === 'string' && isValidPoints(s.points) && isTime(s.at))
    .map((s) => ({ drillId: s.drillId as string, points: s.points as number, at: s.at as number }));
  return {
    version: 1,
    startedAt,
    durationMs,
    tasks,
    submissions,
    endedAt: isTime(endedAt) && endedAt >= startedAt ? endedAt : null,
    seed: typeof seed === 'number' && Number.isFinite(seed) ? seed : null,
  };
}
