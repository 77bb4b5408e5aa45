import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { io } from '@tensorflow/tfjs';
import { canSubmit, createRunStore, type GradedSubmission } from '../../../src/state/run';
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
  runId: string;
}

function fakeRunner() {
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
        emit: (e) => onEvent({ runId, ...e } as RunEvent),
        finish: resolve,
        fail: reject,
      };
      runs.push(run);
      return { runId, stop: () => run.stopped++, finished };
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

function setup(grader?: GraderClient) {
  const { runner, runs } = fakeRunner();
  const graded: GradedSubmission[] = [];
  const store = createRunStore({
    runner,
    grader: grader ?? { grade: async () => report(4) },
    onGraded: (s) => {
      graded.push(s);
    },
    publishIntervalMs: 100,
  });
  return { store, runs, graded };
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

  it('stops a live run through its handle', () => {
    const { store, runs } = setup();
    store.getState().start({ drillId: 'd', source: '', backend: 'auto' });
    store.getState().stop();
    expect(runs[0]!.stopped).toBe(1);
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
