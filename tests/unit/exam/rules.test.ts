import { describe, expect, it } from 'vitest';
import type { Area } from '../../../src/core/drill';
import {
  DEFAULT_EXAM_MINUTES,
  EXAM_RULE,
  ExamSetupError,
  createExam,
  endExam,
  examDurationMs,
  examPhase,
  formatClock,
  meetsPassMark,
  pickExamTasks,
  restoreExam,
  scoreExam,
  timeLeftMs,
  withSubmission,
  type Exam,
} from '../../../src/core/exam';

const DRILLS = [
  { id: 'reg-a', area: 1 as Area },
  { id: 'reg-b', area: 1 as Area },
  { id: 'fashion', area: 2 as Area },
  { id: 'mnist', area: 2 as Area },
  { id: 'emoji', area: 3 as Area },
  { id: 'spam', area: 4 as Area },
  { id: 'spam-conv', area: 4 as Area },
  { id: 'co2', area: 5 as Area },
  { id: 'weather', area: 5 as Area },
];
const MIN = 60_000;
const T0 = 1_700_000_000_000;

function exam(minutes = 60): Exam {
  return createExam({ drills: DRILLS, chosen: { 1: 'reg-a', 2: 'fashion', 3: 'emoji', 4: 'spam', 5: 'co2' }, minutes, now: T0 });
}

/** Submits `points` for each area's task at `at`, in the given order. */
function submitAll(e: Exam, marks: Partial<Record<Area, number[]>>, at = T0 + MIN): Exam {
  for (const t of e.tasks) for (const p of marks[t.area] ?? []) e = withSubmission(e, { drillId: t.drillId, points: p, at }).exam;
  return e;
}

describe('setting an exam', () => {
  it('draws one drill per area, in area order, the same for the same seed whatever the list order', () => {
    const a = pickExamTasks(DRILLS, { seed: 7 });
    expect(a.map((t) => t.area)).toEqual([1, 2, 3, 4, 5]);
    for (const t of a) expect(DRILLS.find((d) => d.id === t.drillId)?.area).toBe(t.area);
    expect(pickExamTasks([...DRILLS].reverse(), { seed: 7 })).toEqual(a);
  });

  it('draws differently for different seeds (some seed among twenty differs)', () => {
    const first = JSON.stringify(pickExamTasks(DRILLS, { seed: 0 }));
    const others = Array.from({ length: 20 }, (_, s) => JSON.stringify(pickExamTasks(DRILLS, { seed: s + 1 })));
    expect(others.some((o) => o !== first)).toBe(true);
  });

  it('keeps chosen drills and draws the rest as the same seed would', () => {
    const drawn = pickExamTasks(DRILLS, { seed: 3 });
    const other = drawn[1]!.drillId === 'fashion' ? 'mnist' : 'fashion';
    const mixed = pickExamTasks(DRILLS, { seed: 3, chosen: { 2: other } });
    expect(mixed[1]).toEqual({ area: 2, drillId: other });
    expect(mixed.filter((t) => t.area !== 2)).toEqual(drawn.filter((t) => t.area !== 2));
  });

  it('refuses a chosen drill from another area, an unknown drill, and an area without drills', () => {
    expect(() => pickExamTasks(DRILLS, { chosen: { 1: 'co2' } })).toThrow(/area 5 drill.*area 1 task/);
    expect(() => pickExamTasks(DRILLS, { chosen: { 3: 'nope' } })).toThrow(ExamSetupError);
    expect(() => pickExamTasks(DRILLS.filter((d) => d.area !== 3))).toThrow(/no drill for area 3/);
  });

  it('lasts five hours by default and accepts whole minutes from 1 to a day', () => {
    const e = createExam({ drills: DRILLS, seed: 1, now: T0 });
    expect(DEFAULT_EXAM_MINUTES).toBe(300);
    expect(e.durationMs).toBe(5 * 60 * MIN);
    expect(e).toMatchObject({ startedAt: T0, endedAt: null, submissions: [], seed: 1 });
    expect(examDurationMs(1)).toBe(MIN);
    expect(examDurationMs(1440)).toBe(1440 * MIN);
    for (const bad of [0, -5, 1.5, 1441, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => examDurationMs(bad)).toThrow(ExamSetupError);
  });

  it('records no seed when every task was chosen', () => {
    expect(exam().seed).toBeNull();
  });
});

describe('the clock', () => {
  it('runs until the deadline, and at the deadline itself time is up', () => {
    const e = exam(1);
    expect(examPhase(e, T0)).toBe('running');
    expect(timeLeftMs(e, T0)).toBe(MIN);
    expect(timeLeftMs(e, T0 + MIN - 1)).toBe(1);
    expect(examPhase(e, T0 + MIN - 1)).toBe('running');
    expect(examPhase(e, T0 + MIN)).toBe('time-up');
    expect(timeLeftMs(e, T0 + MIN)).toBe(0);
    expect(timeLeftMs(e, T0 + 10 * MIN)).toBe(0);
  });

  it('never shows more than the exam length, even with a clock set back', () => {
    expect(timeLeftMs(exam(1), T0 - 5 * MIN)).toBe(MIN);
  });

  it('is over once the learner ends it, and ending after time-up changes nothing', () => {
    const e = exam(60);
    const ended = endExam(e, T0 + 10 * MIN);
    expect(ended.endedAt).toBe(T0 + 10 * MIN);
    expect(examPhase(ended, T0 + 10 * MIN)).toBe('ended');
    expect(timeLeftMs(ended, T0 + 10 * MIN)).toBe(0);
    expect(endExam(ended, T0 + 20 * MIN)).toBe(ended);
    expect(endExam(e, T0 + 60 * MIN)).toBe(e);
  });

  it('formats the time left, rounding up to whole seconds', () => {
    expect(formatClock(5 * 3600_000)).toBe('5:00:00');
    expect(formatClock(3600_000 - 1)).toBe('1:00:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(61_000)).toBe('1:01');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
  });
});

describe('marking', () => {
  it('keeps the best mark of a task over resubmits, not the last', () => {
    const sheet = scoreExam(submitAll(exam(), { 2: [3, 5, 2] }));
    expect(sheet.tasks[1]).toMatchObject({ points: 5, submissions: 3, submitted: true, weight: 2, weighted: 10 });
  });

  it('scores a task never submitted as 0', () => {
    const sheet = scoreExam(submitAll(exam(), { 1: [5], 2: [5], 3: [5], 4: [5] }));
    expect(sheet.tasks[4]).toMatchObject({ area: 5, points: 0, submitted: false, submissions: 0, weighted: 0 });
    expect(sheet.total).toBe(5 * (1 + 2 + 3 + 4));
    expect(sheet.passed).toBe(false);
  });

  it('weights marks by area, 75 at most, and counts the plain 25 points too', () => {
    const empty = scoreExam(exam());
    expect(empty).toMatchObject({ total: 0, max: 75, passMark: 68, passed: false, rawPoints: 0, rawMax: 25, percent: 0 });
    const sheet = scoreExam(submitAll(exam(), { 1: [4], 2: [3], 3: [5], 4: [1], 5: [2] }));
    expect(sheet.total).toBe(4 * 1 + 3 * 2 + 5 * 3 + 1 * 4 + 2 * 5);
    expect(sheet.rawPoints).toBe(15);
    expect(sheet.percent).toBeCloseTo((100 * sheet.total) / 75, 10);
    const full = scoreExam(submitAll(exam(), { 1: [5], 2: [5], 3: [5], 4: [5], 5: [5] }));
    expect(full).toMatchObject({ total: 75, passed: true, percent: 100 });
  });

  it('passes at 90 %: 68 of 75 passes, 67 does not', () => {
    // Lose 7 weighted points (one on area 5, one on area 2): 68, just above 67.5.
    const at = scoreExam(submitAll(exam(), { 1: [5], 2: [4], 3: [5], 4: [5], 5: [4] }));
    expect(at.total).toBe(68);
    expect(at.passed).toBe(true);
    // Lose 8 (one on area 5, one on area 3): 67, just below.
    const below = scoreExam(submitAll(exam(), { 1: [5], 2: [5], 3: [4], 4: [5], 5: [4] }));
    expect(below.total).toBe(67);
    expect(below.passed).toBe(false);
  });

  it('compares the pass mark exactly, without floating point', () => {
    expect(EXAM_RULE.passPercent).toBe(90);
    expect(meetsPassMark(45, 50, 90)).toBe(true);
    expect(meetsPassMark(44, 50, 90)).toBe(false);
    // 0.1 * 3 !== 0.3 in floating point; whole-number maths gets this right.
    expect(meetsPassMark(3, 10, 30)).toBe(true);
    expect(meetsPassMark(67.5, 75, 90)).toBe(true);
  });

  it('can be marked by another rule, e.g. equal weights', () => {
    const equal = { weights: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 }, passPercent: 90 } as const;
    const sheet = scoreExam(submitAll(exam(), { 1: [5], 2: [5], 3: [5], 4: [4], 5: [4] }), equal);
    expect(sheet).toMatchObject({ total: 23, max: 25, passMark: 23, passed: true });
  });

  it('ignores submissions after time is up, after the learner ended, before the start, and for other drills', () => {
    let e = exam(1);
    const co2 = (points: number, at: number) => withSubmission(e, { drillId: 'co2', points, at });
    expect(co2(5, T0 + MIN - 1).counted).toBe(true);
    expect(co2(5, T0 + MIN).counted).toBe(false);
    expect(co2(5, T0 - 1).counted).toBe(false);
    expect(withSubmission(e, { drillId: 'mnist', points: 5, at: T0 + 1 }).counted).toBe(false);
    e = endExam(e, T0 + 30_000);
    expect(co2(5, T0 + 30_001).counted).toBe(false);
    expect(co2(5, T0 + 29_999).counted).toBe(true);
  });

  it('refuses marks that are not whole points 0–5', () => {
    for (const points of [-1, 6, 2.5, Number.NaN]) {
      expect(withSubmission(exam(), { drillId: 'co2', points, at: T0 + 1 }).counted).toBe(false);
    }
  });
});

describe('restoring a stored exam', () => {
  it('round-trips through JSON', () => {
    const e = endExam(submitAll(exam(), { 3: [2, 4] }), T0 + 5 * MIN);
    expect(restoreExam(JSON.parse(JSON.stringify(e)))).toEqual(e);
  });

  it('rejects what is not an exam and drops bad submissions', () => {
    const good = JSON.parse(JSON.stringify(submitAll(exam(), { 1: [3] }))) as Record<string, unknown>;
    for (const bad of [null, 'x', [], { ...good, version: 2 }, { ...good, startedAt: 'then' }, { ...good, durationMs: 0 }, { ...good, tasks: (good.tasks as unknown[]).slice(1) }]) {
      expect(restoreExam(bad)).toBeNull();
    }
    const twice = { ...good, tasks: [...(good.tasks as object[]).slice(0, 4), { area: 1, drillId: 'reg-b' }] };
    expect(restoreExam(twice)).toBeNull();
    const dirty = { ...good, submissions: [...(good.submissions as object[]), { drillId: 'co2', points: 9, at: T0 }, 'junk'] };
    expect(restoreExam(dirty)?.submissions).toEqual(good.submissions);
  });
});
