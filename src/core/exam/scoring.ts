/**
 * Marking a mock exam.
 *
 * THE RULE (our choice; the certificate never published its formula):
 * - Each task is marked 0–5 by the grader, like the exam's five tasks. The best
 *   mark of all submissions for a task counts; a task never submitted scores 0;
 *   submissions after time is up (or after ending the exam) do not count.
 * - Task marks are weighted by area, 1 to 5: the exam's areas rise in difficulty
 *   (basic regression → time series), and the harder tasks took candidates most of
 *   their five hours, so they carry more of the total. Maximum 5 × (1+2+3+4+5) = 75.
 * - Pass at 90 % of the maximum, the pass mark candidates reported for the
 *   exam's 5 × 5 points: 67.5 of 75, so 68 weighted points. In practice: at most
 *   seven weighted points may be lost, e.g. one point on the time-series task and one
 *   on the area-2 task, but not one point on each of areas 5 and 3, nor two on area 4.
 *   With equal weights a perfect time series would count no more than the easy
 *   regression; with weights a learner cannot pass by skipping the hardest area.
 */
import type { Area } from '../drill';
import { MAX_POINTS } from '../grading/points';
import { closedAt } from './timing';
import type { Exam, ExamSubmission, ExamTask } from './types';

export interface ExamRule {
  weights: Readonly<Record<Area, number>>;
  /** Whole percent of the maximum weighted total needed to pass. */
  passPercent: number;
}

export const EXAM_RULE: ExamRule = { weights: { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 }, passPercent: 90 };

export interface TaskScore extends ExamTask {
  /** Best points of the counted submissions, 0 when there are none. */
  points: number;
  submitted: boolean;
  submissions: number;
  weight: number;
  /** points × weight */
  weighted: number;
  maxWeighted: number;
}

export interface ScoreSheet {
  tasks: TaskScore[];
  /** Sum of the tasks' weighted points. */
  total: number;
  max: number;
  /** Smallest whole total that passes. */
  passMark: number;
  passed: boolean;
  /** total / max as a percentage, for display. */
  percent: number;
  /** Plain points, out of 25, as the exam's candidates counted them. */
  rawPoints: number;
  rawMax: number;
}

/** Valid marks only: whole points 0–5 (anything else would be a bug or a hand-edited store). */
export function isValidPoints(points: unknown): points is number {
  return typeof points === 'number' && Number.isInteger(points) && points >= 0 && points <= MAX_POINTS;
}

/** True when the submission counts: one of the exam's drills, graded before the exam closed (at the deadline no time is left). */
export function counts(exam: Exam, submission: ExamSubmission): boolean {
  return (
    exam.tasks.some((t) => t.drillId === submission.drillId) &&
    isValidPoints(submission.points) &&
    submission.at >= exam.startedAt &&
    submission.at < closedAt(exam)
  );
}

/** Whole-number comparison, so 90 % of a maximum is not lost to floating point. */
export function meetsPassMark(total: number, max: number, passPercent: number): boolean {
  return total * 100 >= max * passPercent;
}

export function scoreExam(exam: Exam, rule: ExamRule = EXAM_RULE): ScoreSheet {
  const counted = exam.submissions.filter((s) => counts(exam, s));
  const tasks = exam.tasks.map((task): TaskScore => {
    const mine = counted.filter((s) => s.drillId === task.drillId);
    const points = mine.reduce((best, s) => Math.max(best, s.points), 0);
    const weight = rule.weights[task.area];
    return {
      ...task,
      points,
      submitted: mine.length > 0,
      submissions: mine.length,
      weight,
      weighted: points * weight,
      maxWeighted: MAX_POINTS * weight,
    };
  });
  const total = tasks.reduce((s, t) => s + t.weighted, 0);
  const max = tasks.reduce((s, t) => s + t.maxWeighted, 0);
  return {
    tasks,
    total,
    max,
    passMark: Math.ceil((max * rule.passPercent) / 100),
    passed: max > 0 && meetsPassMark(total, max, rule.passPercent),
    percent: max === 0 ? 0 : (100 * total) / max,
    rawPoints: tasks.reduce((s, t) => s + t.points, 0),
    rawMax: tasks.length * MAX_POINTS,
  };
}

/**
 * Adds a graded submission if it counts; the exam is returned unchanged otherwise.
 * Every counted submission is kept (the sheet shows how many), the best is derived.
 */
export function withSubmission(exam: Exam, submission: ExamSubmission): { exam: Exam; counted: boolean } {
  if (!counts(exam, submission)) return { exam, counted: false };
  return { exam: { ...exam, submissions: [...exam.submissions, submission] }, counted: true };
}

/** Hands the exam in now; ending twice or after time-up changes nothing. */
export function endExam(exam: Exam, now: number): Exam {
  if (exam.endedAt !== null || now >= closedAt(exam)) return exam;
  return { ...exam, endedAt: Math.max(now, exam.startedAt) };
}
