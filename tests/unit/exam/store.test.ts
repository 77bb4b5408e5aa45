import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Area } from '../../../src/core/drill';
import { examPhase, scoreExam, timeLeftMs } from '../../../src/core/exam';
import { createExamStore, isExamRunning } from '../../../src/state/exam';
import { localExamStorage, memoryExamStorage, type ExamPersistence } from '../../../src/storage/exam-storage';

const DRILLS = [
  { id: 'reg', area: 1 as Area },
  { id: 'fashion', area: 2 as Area },
  { id: 'emoji', area: 3 as Area },
  { id: 'spam', area: 4 as Area },
  { id: 'co2', area: 5 as Area },
];
const MIN = 60_000;
const T0 = 1_700_000_000_000;

beforeEach(() => vi.useFakeTimers({ now: T0 }));
afterEach(() => vi.useRealTimers());

/** A fake localStorage, so the real persistence code runs. */
function fakeLocalStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('exam store', () => {
  it('starts an exam whose clock derives from the stored start time', () => {
    const store = createExamStore({ persistence: memoryExamStorage() });
    const exam = store.getState().start({ drills: DRILLS, minutes: 2 });
    expect(exam.startedAt).toBe(T0);
    expect(exam.tasks.map((t) => t.drillId)).toEqual(['reg', 'fashion', 'emoji', 'spam', 'co2']);
    vi.advanceTimersByTime(30_000);
    expect(timeLeftMs(store.getState().exam!, Date.now())).toBe(90_000);
  });

  it('survives a reload: a new store from the same storage has the same exam and the right time left', () => {
    const local = fakeLocalStorage();
    const first = createExamStore({ persistence: localExamStorage(local) });
    first.getState().start({ drills: DRILLS, minutes: 60 });
    vi.advanceTimersByTime(10 * MIN);
    expect(first.getState().record({ drillId: 'spam', points: 3 })).toBe(true);
    vi.advanceTimersByTime(5 * MIN);

    // "Reload": nothing in memory survives, only what localStorage holds.
    const second = createExamStore({ persistence: localExamStorage(local) });
    const exam = second.getState().exam!;
    expect(exam).toEqual(first.getState().exam);
    expect(examPhase(exam, Date.now())).toBe('running');
    expect(timeLeftMs(exam, Date.now())).toBe(45 * MIN);
    expect(scoreExam(exam).tasks[3]).toMatchObject({ points: 3, submitted: true });

    // Time passes while the tab is closed: after the next reload it is over.
    vi.advanceTimersByTime(45 * MIN);
    const third = createExamStore({ persistence: localExamStorage(local) });
    expect(examPhase(third.getState().exam!, Date.now())).toBe('time-up');
    expect(isExamRunning(third.getState().exam, Date.now())).toBe(false);
  });

  it('keeps the best mark over resubmits and refuses marks once time is up', () => {
    const store = createExamStore({ persistence: memoryExamStorage() });
    store.getState().start({ drills: DRILLS, minutes: 1 });
    vi.advanceTimersByTime(10_000);
    expect(store.getState().record({ drillId: 'co2', points: 4 })).toBe(true);
    expect(store.getState().record({ drillId: 'co2', points: 2 })).toBe(true);
    vi.advanceTimersByTime(50_000);
    expect(store.getState().record({ drillId: 'co2', points: 5 })).toBe(false);
    const sheet = scoreExam(store.getState().exam!);
    expect(sheet.tasks[4]).toMatchObject({ points: 4, submissions: 2 });
    expect(sheet.tasks.filter((t) => !t.submitted).every((t) => t.points === 0)).toBe(true);
    expect(sheet.total).toBe(20);
  });

  it('does not count a model whose run started before the exam', () => {
    const store = createExamStore({ persistence: memoryExamStorage() });
    store.getState().start({ drills: DRILLS, minutes: 10 });
    vi.advanceTimersByTime(MIN);
    expect(store.getState().record({ drillId: 'reg', points: 5, trainedFrom: T0 - 1 })).toBe(false);
    expect(store.getState().record({ drillId: 'reg', points: 5, trainedFrom: T0 })).toBe(true);
  });

  it('records nothing without an exam', () => {
    const store = createExamStore({ persistence: memoryExamStorage() });
    expect(store.getState().record({ drillId: 'reg', points: 5 })).toBe(false);
    expect(store.getState().exam).toBeNull();
  });

  it('ends on request, keeps the ending over a reload, and only then can be discarded', () => {
    const persistence = memoryExamStorage();
    const store = createExamStore({ persistence });
    store.getState().start({ drills: DRILLS, minutes: 60 });
    store.getState().discard();
    expect(store.getState().exam).not.toBeNull();
    expect(() => store.getState().start({ drills: DRILLS })).toThrow(/already running/);
    vi.advanceTimersByTime(MIN);
    store.getState().end();
    const reloaded = createExamStore({ persistence });
    expect(reloaded.getState().exam!.endedAt).toBe(T0 + MIN);
    expect(examPhase(reloaded.getState().exam!, Date.now())).toBe('ended');
    reloaded.getState().discard();
    expect(reloaded.getState().exam).toBeNull();
    expect(createExamStore({ persistence }).getState().exam).toBeNull();
    // A new exam can start once the old one is gone.
    expect(reloaded.getState().start({ drills: DRILLS, minutes: 5 }).durationMs).toBe(5 * MIN);
  });

  it('uses the given seed, or a fresh one, for the draw', () => {
    const store = createExamStore({ persistence: memoryExamStorage(), randomSeed: () => 1234 });
    expect(store.getState().start({ drills: DRILLS }).seed).toBe(1234);
  });

  it('rejects a bad length without touching the stored exam', () => {
    const persistence = memoryExamStorage();
    const store = createExamStore({ persistence });
    expect(() => store.getState().start({ drills: DRILLS, minutes: 0 })).toThrow(/whole number of minutes/);
    expect(store.getState().exam).toBeNull();
    expect(persistence.read()).toBeUndefined();
  });

  it('starts empty from corrupt storage, and says so when the browser refuses to store', () => {
    const local = fakeLocalStorage();
    local.map.set('tensor-dojo:exam', '{not json');
    expect(createExamStore({ persistence: localExamStorage(local) }).getState().exam).toBeNull();
    const refusing: ExamPersistence = { read: () => undefined, write: () => false };
    const store = createExamStore({ persistence: refusing });
    store.getState().start({ drills: DRILLS, minutes: 5 });
    expect(store.getState().persisted).toBe(false);
    expect(store.getState().exam).not.toBeNull();
    const throwing = localExamStorage({
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {},
    });
    expect(throwing.write(store.getState().exam)).toBe(false);
  });
});
