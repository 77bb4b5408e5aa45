import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { io } from '@tensorflow/tfjs';
import { canSubmit, createRunStore, isLive, type CompletedRun, type GradedSubmission } from '../../../src/state/run';
import type { GraderClient, RunEvent, RunHandle, RunOutcome, RunnerClient, RunRequest } from '../../../src/runner/types';
import type { GradeReport } from '../../../src/core/grading/report';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

type EventWithoutId = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'runId'> : never) : never;

interface FakeRun {
  request: RunRequest;
  emit(e: EventWithoutId): void;
  finish(o: RunOutcome): void;
  fail(e: Error): void;
  stopped: number;
  /** Graceful stops asked for (the fake's handle has stopTraining unless made without). */
  stopRequests: number;
  runId: string;
}

function fakeRunner({ graceful = true } = {}) {
  const runs: FakeRun[] = [];
  const runner: RunnerClient = {
    run(request, onEvent): RunHandle {
      const runId = `run-${runs.length + 1}`;
      let resolve!: (o: RunOutcome) => void;
      let reject!: (e: Error) => void;
      const finished = new Promise<RunOutcome>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const run: FakeRun = {
        request,
        runId,
        stopped: 0,
        stopRequests: 0,
        emit: (e) => onEvent({ runId, ...e } as RunEvent),
        finish: resolve,
        fail: reject,
      };
      runs.push(run);
      const handle: RunHandle = { runId, stop: () => void run.stopped++, finished };
      if (graceful) handle.stopTraining = () => void run.stopRequests++;
      return handle;
    },
  };
  return { runner, runs };
}

const artifacts = { modelTopology: { fake: true } } as unknown as io.ModelArtifacts;
const completed: RunOutcome = { status: 'completed', artifacts, backend: 'cpu', ms: 1234, tensors: { before: 0, after: 2, modelWeights: 2 } };
const report = (points: number): GradeReport => ({
  drill: 'd',
  metric: { name: 'mae', higherIsBetter: false, label: 'MAE' },
  value: 0.5,
  thresholds: [5, 4, 3, 2, 1],
  points,
  maxPoints: 5,
  passed: points === 5,
  checks: [],
  reasons: [],
  testExamples: 10,
  gradedAt: 'now',
  ms: 3,
});

function setup(grader?: GraderClient, options?: { graceful?: boolean }) {
  const { runner, runs } = fakeRunner(options);
  const graded: GradedSubmission[] = [];
  const kept: Array<{ drillId: string; source: string; completed: CompletedRun }> = [];
  const store = createRunStore({
    runner,
    grader: grader ?? { grade: async () => report(4) },
    onGraded: (s) => {
      graded.push(s);
    },
    onCompleted: (c) => void kept.push(c),
    publishIntervalMs: 100,
  });
  return { store, runs, graded, kept };
}

describe('run store', () => {
  it('goes starting → running → completed and enables Submit only then', async () => {
    const { store, runs } = setup();
    store.getState().start({ drillId: 'd', source: 'code', backend: 'webgl' });
    expect(store.getState().status).toBe('starting');
    expect(runs[0]!.request).toEqual({ drillId: 'd', source: 'code', backend: 'webgl' });
    runs[0]!.emit({ type: 'backend', backend: 'webgl', attempts: [] });
    expect(store.getState().status).toBe('running');
    expect(store.getState().view.backend).toBe('webgl');
    expect(canSubmit(store.getState())).toBe(false);
    runs[0]!.finish(completed);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().status).toBe('completed');
    expect(store.getState().completed).toEqual({ artifacts, backend: 'cpu', ms: 1234 });
    expect(canSubmit(store.getState())).toBe(true);
  });

  it('publishes batch events at most every 100 ms, and the last one always', async () => {
    const { store, runs } = setup();
    store.getState().start({ drillId: 'd', source: '', backend: 'auto' });
    runs[0]!.emit({ type: 'train-begin', epochs: 1, batchesPerEpoch: 50 });
    const views = new Set<unknown>();
    store.subscribe((s) => views.add(s.view));
    for (let i = 0; i < 50; i++) {
      runs[0]!.emit({ type: 'batch', epoch: 0, batch: i, logs: { loss: 1 / (i + 1) } });
      await vi.advanceTimersByTimeAsync(4);
    }
    // 50 events over 200 ms: a handful of renders, not 50.
    expect(views.size).toBeLessThanOrEqual(4);
    await vi.advanceTimersByTimeAsync(100);
    expect(store.getState().view.series.batch.x).toHaveLength(50);
  });

  it('stops a live run through its handle, at once when the runner cannot hand a model over', () => {
    const { store, runs } = setup(undefined, { graceful: false });
    store.getState().start({ drillId: 'd', source: '', backend: 'auto' });
    store.getState().stop();
    expect(runs[0]!.stopped).toBe(1);
  });

  it('Stop asks for the model first (still live, Stop again ends it at once)', () => {
    const { store, runs } = setup();
    store.getState().start({ drillId: 'd', source: '', backend: 'auto' });
    store.getState().stop();
    expect(runs[0]!).toMatchObject({ stopRequests: 1, stopped: 0 });
    expect(store.getState().status).toBe('stopping');
    expect(isLive(store.getState().status)).toBe(true);
    store.getState().stop();
    expect(runs[0]!).toMatchObject({ stopRequests: 1, stopped: 1 });
  });

  it('offers a stopped run\'s model; kept, it is the run\'s model (Submit on, kept with the drill, marked stopped early)', async () => {
    const { store, runs, kept } = setup();
    store.getState().start({ drillId: 'd', source: 'my code', backend: 'auto' });
    store.getState().stop();
    runs[0]!.finish({ status: 'stopped', afterMs: 900, model: { artifacts, backend: 'cpu', ms: 850 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState()).toMatchObject({ status: 'stopped', completed: null, stopped: { model: { artifacts, backend: 'cpu', ms: 850 }, notKept: null } });
    expect(canSubmit(store.getState())).toBe(false);
    expect(kept).toEqual([]);
    store.getState().keepStopped();
    expect(store.getState()).toMatchObject({ status: 'completed', completed: { artifacts, backend: 'cpu', ms: 850, stoppedEarly: true } });
    expect(canSubmit(store.getState())).toBe(true);
    expect(kept).toEqual([{ drillId: 'd', source: 'my code', completed: { artifacts, backend: 'cpu', ms: 850, stoppedEarly: true } }]);
  });

  it('says why nothing was kept, and has nothing to keep', async () => {
    const { store, runs, kept } = setup();
    store.getState().start({ drillId: 'd', source: '', backend: 'auto' });
    store.getState().stop();
    runs[0]!.finish({ status: 'stopped', afterMs: 2100, model: null, notKept: { reason: 'no-answer' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState()).toMatchObject({ status: 'stopped', stopped: { model: null, notKept: { reason: 'no-answer' } } });
    store.getState().keepStopped();
    expect(store.getState().status).toBe('stopped');
    expect(canSubmit(store.getState())).toBe(false);
    expect(kept).toEqual([]);
  });

  it('records a failure with its position and keeps Submit off', async () => {
    const { store, runs } = setup();
    store.getState().start({ drillId: 'd', source: 'x', backend: 'auto' });
    const error = { kind: 'syntax' as const, message: "Unexpected token ')'", position: { line: 4, column: 12 } };
    runs[0]!.emit({ type: 'error', error });
    runs[0]!.finish({ status: 'failed', error });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().status).toBe('failed');
    expect(store.getState().error?.position).toEqual({ line: 4, column: 12 });
    expect(store.getState().view.error).toEqual(error);
    expect(canSubmit(store.getState())).toBe(false);
  });

  it('turns a rejected run into a readable failure', async () => {
    const { store, runs } = setup();
    store.getState().start({ drillId: 'd', source: 'x', backend: 'auto' });
    runs[0]!.fail(new Error('sandbox crashed'));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState()).toMatchObject({ status: 'failed', error: { message: 'sandbox crashed' } });
  });

  it('drops events and outcomes of a superseded run', async () => {
    const { store, runs } = setup();
    store.getState().start({ drillId: 'd', source: 'one', backend: 'auto' });
    store.getState().start({ drillId: 'd', source: 'two', backend: 'auto' });
    expect(runs[0]!.stopped).toBe(1);
    runs[0]!.emit({ type: 'console', level: 'log', text: 'old' });
    runs[0]!.finish(completed);
    await vi.advanceTimersByTimeAsync(200);
    expect(store.getState().status).toBe('starting');
    expect(store.getState().view.console).toEqual([]);
    expect(store.getState().source).toBe('two');
  });

  it('submits the artifacts, shows the report and hands the attempt on', async () => {
    const grade = vi.fn(async () => report(5));
    const { store, runs, graded } = setup({ grade });
    store.getState().start({ drillId: 'd', source: 'my code', backend: 'auto' });
    runs[0]!.finish(completed);
    await vi.advanceTimersByTimeAsync(0);
    await store.getState().submit();
    expect(grade).toHaveBeenCalledWith('d', artifacts, undefined);
    expect(store.getState().grade).toBe('graded');
    expect(store.getState().report?.points).toBe(5);
    expect(graded).toEqual([{ drillId: 'd', code: 'my code', report: report(5), backend: 'cpu', runMs: 1234, artifacts }]);
  });

  it('shows a grading error without recording an attempt', async () => {
    const { store, runs, graded } = setup({
      grade: async () => {
        throw new Error('The model has no layers.');
      },
    });
    store.getState().start({ drillId: 'd', source: '', backend: 'auto' });
    runs[0]!.finish(completed);
    await vi.advanceTimersByTimeAsync(0);
    await store.getState().submit();
    expect(store.getState()).toMatchObject({ grade: 'failed', gradeError: 'The model has no layers.' });
    expect(graded).toEqual([]);
  });
});
