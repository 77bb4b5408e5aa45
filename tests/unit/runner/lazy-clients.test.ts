import { describe, expect, it, vi } from 'vitest';
import { lazyGrader, lazyRunner } from '../../../src/runner/lazy-clients';
import type { GraderClient, RunEvent, RunnerClient, RunOutcome } from '../../../src/runner/types';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function fakeRunner() {
  const outcome = deferred<RunOutcome>();
  const stop = vi.fn();
  const stopTraining = vi.fn();
  const run = vi.fn((_req: unknown, onEvent: (e: RunEvent) => void) => {
    onEvent({ type: 'console', runId: 'inner', level: 'log', text: 'hi' });
    return { runId: 'inner', stop, stopTraining, finished: outcome.promise };
  });
  return { client: { run } as RunnerClient, run, stop, stopTraining, outcome };
}

const request = { drillId: 'auto-mpg', source: 'x', backend: 'cpu' as const };

describe('lazyRunner', () => {
  it('waits for the runner code, then runs and forwards events and the outcome', async () => {
    const loaded = deferred<RunnerClient>();
    const fake = fakeRunner();
    const runner = lazyRunner(() => loaded.promise);
    const events: RunEvent[] = [];
    const handle = runner.run(request, (e) => events.push(e));
    expect(fake.run).not.toHaveBeenCalled();
    loaded.resolve(fake.client);
    await vi.waitFor(() => expect(fake.run).toHaveBeenCalledWith(request, expect.any(Function)));
    expect(events).toHaveLength(1);
    const stopped: RunOutcome = { status: 'stopped', afterMs: 3, model: null, notKept: { reason: 'forced' } };
    fake.outcome.resolve(stopped);
    await expect(handle.finished).resolves.toEqual(stopped);
    handle.stop();
    expect(fake.stop).toHaveBeenCalledOnce();
  });

  it('passes a graceful Stop on to the runner, so the model being trained can be kept', async () => {
    const fake = fakeRunner();
    const handle = lazyRunner(async () => fake.client).run(request, () => {});
    await vi.waitFor(() => expect(fake.run).toHaveBeenCalledOnce());
    handle.stopTraining?.();
    expect(fake.stopTraining).toHaveBeenCalledOnce();
    expect(fake.stop).not.toHaveBeenCalled();
  });

  it('ends a run stopped before the code arrived at once, and never starts it', async () => {
    const loaded = deferred<RunnerClient>();
    const fake = fakeRunner();
    const handle = lazyRunner(() => loaded.promise).run(request, () => {});
    handle.stop();
    await expect(handle.finished).resolves.toMatchObject({ status: 'stopped' });
    loaded.resolve(fake.client);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.run).not.toHaveBeenCalled();
  });

  it('fails the run with a readable error when the code cannot load, and retries next time', async () => {
    const fake = fakeRunner();
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(fake.client);
    const runner = lazyRunner(load);
    const first = await runner.run(request, () => {}).finished;
    expect(first).toMatchObject({ status: 'failed', error: { message: expect.stringMatching(/could not load: offline/) } });
    runner.run(request, () => {});
    await vi.waitFor(() => expect(fake.run).toHaveBeenCalledOnce());
  });
});

describe('lazyGrader', () => {
  it('loads once and forwards grading', async () => {
    const grade = vi.fn(async () => ({ points: 5 }) as never);
    const load = vi.fn(async () => ({ grade }) as GraderClient);
    const grader = lazyGrader(load);
    await grader.grade('a', {} as never);
    await grader.grade('b', {} as never);
    expect(load).toHaveBeenCalledOnce();
    expect(grade).toHaveBeenCalledTimes(2);
  });
});
