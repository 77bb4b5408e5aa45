/**
 * The runner and grader clients behind `import()`, so the app's first paint does
 * not wait for the sandbox host, the dataset loader or the grader plumbing. The
 * code is fetched right after start-up (the runner then boots its spare sandbox as
 * before), and a Run or Submit before it arrives simply waits for it.
 */
import type { GraderClient, RunHandle, RunnerClient, RunOutcome } from './types';

export function lazyRunner(load: () => Promise<RunnerClient>): RunnerClient {
  let client: Promise<RunnerClient> | undefined;
  const get = () => {
    client ??= load();
    client.catch(() => (client = undefined));
    return client;
  };
  setTimeout(() => void get().catch(() => {}), 0);
  return {
    run(request, onEvent): RunHandle {
      const started = performance.now();
      let inner: RunHandle | undefined;
      let settle!: (o: RunOutcome) => void;
      const finished = new Promise<RunOutcome>((resolve) => (settle = resolve));
      let stopped = false;
      get().then(
        (c) => {
          if (stopped) return;
          inner = c.run(request, onEvent);
          void inner.finished.then(settle);
        },
        (e: unknown) =>
          settle({ status: 'failed', error: { kind: 'runtime', message: `The runner could not load: ${e instanceof Error ? e.message : String(e)}` } }),
      );
      const stop = () => {
        if (inner) return inner.stop();
        // Stopped before the runner even arrived: nothing runs, so it ends now.
        stopped = true;
        settle({ status: 'stopped', afterMs: performance.now() - started, model: null, notKept: { reason: 'before-training' } });
      };
      return {
        runId: crypto.randomUUID(),
        finished,
        stop,
        stopTraining() {
          if (inner?.stopTraining) return inner.stopTraining();
          stop();
        },
      };
    },
  };
}

export function lazyGrader(load: () => Promise<GraderClient>): GraderClient {
  let client: Promise<GraderClient> | undefined;
  return {
    async grade(drillId, artifacts, custom) {
      client ??= load();
      client.catch(() => (client = undefined));
      return (await client).grade(drillId, artifacts, custom);
    },
  };
}
