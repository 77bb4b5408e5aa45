/**
 * One run at a time: start it, watch it, stop it, submit its model.
 *
 * The runner and grader are injected (tests pass fakes). Events from a run that
 * was superseded are dropped by run id. Nothing here reads or writes drafts: the
 * code of a run is a snapshot taken when it started.
 */
import type { io } from '@tensorflow/tfjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CustomDrillDefinition } from '../core/custom-drill';
import type { MetricName } from '../core/drill';
import type { GradeReport } from '../core/grading/report';
import type { BackendChoice, BackendName, LearnerError } from '../runner/protocol';
import type { GraderClient, NotKept, RunEvent, RunHandle, RunOutcome, RunnerClient } from '../runner/types';
import { createRunFold, emptyRunView, type RunView } from './run-fold';
import { throttle } from './throttle';

/** 'stopping': Stop was pressed and the sandbox is handing over the model being trained (or is about to be ended). */
export type RunStatus = 'idle' | 'starting' | 'running' | 'stopping' | 'stopped' | 'failed' | 'completed';
export type GradeStatus = 'idle' | 'grading' | 'graded' | 'failed';

export interface CompletedRun {
  artifacts: io.ModelArtifacts;
  backend: BackendName;
  ms: number;
  /** The model of a run stopped part-way, kept by the learner ("Keep this model"). */
  stoppedEarly?: boolean;
}

/** What a stopped run left: the partly trained model, offered to keep, or why there is none. */
export type StoppedRun = { model: CompletedRun; notKept: null } | { model: null; notKept: NotKept };

/** What a graded submission reports, for the progress store. */
export interface GradedSubmission {
  drillId: string;
  code: string;
  report: GradeReport;
  backend: BackendName | null;
  runMs: number | null;
  /** The artifacts object that was graded (the saved-models store recognises it). */
  artifacts: io.ModelArtifacts;
}

/** A model trained earlier (kept in storage), put back as the drill's completed run. */
export interface RestoredRun {
  drillId: string;
  source: string;
  custom?: CustomDrillDefinition;
  completed: CompletedRun;
  /** When it was trained, ms since epoch. */
  trainedAt: number;
}

export interface RunState {
  status: RunStatus;
  drillId: string | null;
  /** The code the current run started from. */
  source: string | null;
  /** The custom drill's definition when the run is for one: its model is graded by it. */
  custom: CustomDrillDefinition | null;
  backendChoice: BackendChoice;
  handle: RunHandle | null;
  view: RunView;
  completed: CompletedRun | null;
  /** Set when the run was stopped: its model, until kept or dropped, or why there is none. */
  stopped: StoppedRun | null;
  /** The failure that ended the run (also in `view.error` when the sandbox sent it). */
  error: LearnerError | null;
  startedAt: number | null;
  /** Set when the completed run is a kept model loaded back, not this page's run: when it was trained. */
  restoredFrom: number | null;
  grade: GradeStatus;
  report: GradeReport | null;
  gradeError: string | null;
  start(request: { drillId: string; source: string; backend: BackendChoice; metric?: MetricName; custom?: CustomDrillDefinition; trainAnyway?: boolean }): void;
  /** Stop pressed: ends training keeping its model if the sandbox can; pressed again, ends the sandbox at once. */
  stop(): void;
  /** Makes a stopped run's partly trained model the run's model, so Submit and Export use it. */
  keepStopped(): void;
  submit(): Promise<void>;
  /** Puts a kept model back as the completed run, so that it can be submitted or exported. */
  restore(run: RestoredRun): void;
  /** Forget the last run (e.g. when opening another drill). */
  clear(): void;
}

export type RunStore = StoreApi<RunState>;

export interface RunDeps {
  runner: RunnerClient;
  grader: GraderClient;
  onGraded?(submission: GradedSubmission): void | Promise<void>;
  /** A run finished with a model (to keep it). */
  onCompleted?(run: { drillId: string; source: string; completed: CompletedRun }): void;
  /**
   * Max rate of view updates while training (default 250 ms). Every update redraws
   * the curves and the progress on the page's thread, which on a small machine
   * takes CPU from the training worker; 4 a second still reads as live.
   */
  publishIntervalMs?: number;
  now?: () => number;
}

export function isLive(status: RunStatus): boolean {
  return status === 'starting' || status === 'running' || status === 'stopping';
}

export function canSubmit(s: Pick<RunState, 'status' | 'completed' | 'grade'>): boolean {
  return s.status === 'completed' && s.completed !== null && s.grade !== 'grading';
}

export function createRunStore(deps: RunDeps): RunStore {
  const now = deps.now ?? Date.now;
  // Bumped per start/clear; events and outcomes of an older generation are dropped.
  // (A run id would do, but the runner may emit before `run()` has returned one.)
  let generation = 0;

  const idle = () => ({
    status: 'idle' as RunStatus,
    drillId: null,
    source: null,
    custom: null,
    handle: null,
    view: emptyRunView(),
    completed: null,
    stopped: null,
    error: null,
    startedAt: null,
    restoredFrom: null,
    grade: 'idle' as GradeStatus,
    report: null,
    gradeError: null,
  });

  let publisher: ReturnType<typeof throttle> | null = null;

  return createStore<RunState>()((set, get) => ({
    ...idle(),
    backendChoice: 'auto',

    start({ drillId, source, backend, metric, custom, trainAnyway }) {
      const previous = get().handle;
      if (previous && isLive(get().status)) previous.stop();
      publisher?.cancel();

      const fold = createRunFold({ metric });
      const publish = throttle(() => set({ view: fold.snapshot() }), deps.publishIntervalMs ?? 250, now);
      publisher = publish;
      set({ ...idle(), status: 'starting', drillId, source, custom: custom ?? null, backendChoice: backend, startedAt: now() });

      const mine = ++generation;
      const current = () => mine === generation;
      let handle: RunHandle;
      const onEvent = (event: RunEvent) => {
        if (!current()) return;
        fold.apply(event, now());
        if (event.type === 'batch' || event.type === 'epoch' || event.type === 'console') {
          publish.request();
        } else {
          publish.cancel();
          set({ view: fold.snapshot() });
        }
        if (get().status === 'starting') set({ status: 'running' });
      };
      try {
        handle = deps.runner.run({ drillId, source, backend, custom, trainAnyway }, onEvent);
      } catch (e) {
        const error: LearnerError = { kind: 'runtime', message: e instanceof Error ? e.message : String(e) };
        set({ status: 'failed', error });
        return;
      }
      if (isLive(get().status)) set({ handle });

      void handle.finished.then(
        (outcome: RunOutcome) => {
          if (!current()) return;
          publish.flush();
          set({ view: fold.snapshot(), handle: null });
          switch (outcome.status) {
            case 'completed': {
              const done = { artifacts: outcome.artifacts, backend: outcome.backend, ms: outcome.ms };
              set({ status: 'completed', completed: done });
              deps.onCompleted?.({ drillId, source, completed: done });
              return;
            }
            case 'failed':
              set({ status: 'failed', error: outcome.error });
              return;
            case 'stopped':
              set({
                status: 'stopped',
                stopped: outcome.model
                  ? { model: { artifacts: outcome.model.artifacts, backend: outcome.model.backend, ms: outcome.model.ms }, notKept: null }
                  : { model: null, notKept: outcome.notKept },
              });
              return;
          }
        },
        (e: unknown) => {
          if (!current()) return;
          publish.flush();
          set({
            view: fold.snapshot(),
            handle: null,
            status: 'failed',
            error: { kind: 'runtime', message: e instanceof Error ? e.message : String(e) },
          });
        },
      );
    },

    stop() {
      const { handle, status } = get();
      if (!handle || !isLive(status)) return;
      // The second press, or a runner that cannot hand a model over: end it now.
      if (status === 'stopping' || !handle.stopTraining) return handle.stop();
      set({ status: 'stopping' });
      handle.stopTraining();
    },

    keepStopped() {
      const { status, stopped, drillId, source } = get();
      if (status !== 'stopped' || !stopped?.model || drillId === null) return;
      const kept: CompletedRun = { ...stopped.model, stoppedEarly: true };
      set({ status: 'completed', completed: kept });
      // Kept with the drill's trained models, as a finished run's model is.
      deps.onCompleted?.({ drillId, source: source ?? '', completed: kept });
    },

    async submit() {
      const s = get();
      if (!canSubmit(s) || !s.completed || !s.drillId) return;
      const { drillId, source, completed, custom } = s;
      const mine = generation;
      set({ grade: 'grading', report: null, gradeError: null });
      let report: GradeReport;
      try {
        report = await deps.grader.grade(drillId, completed.artifacts, custom ?? undefined);
      } catch (e) {
        if (mine === generation) set({ grade: 'failed', gradeError: e instanceof Error ? e.message : String(e) });
        return;
      }
      if (mine !== generation) return;
      set({ grade: 'graded', report });
      // Recording the attempt has its own error reporting (storage banner); the mark stands either way.
      await deps.onGraded?.({ drillId, code: source ?? '', report, backend: completed.backend, runMs: completed.ms, artifacts: completed.artifacts });
    },

    restore({ drillId, source, custom, completed, trainedAt }) {
      const { handle, status } = get();
      if (handle && isLive(status)) return; // never over a live run
      publisher?.cancel();
      generation += 1;
      set({
        ...idle(),
        status: 'completed',
        drillId,
        source,
        custom: custom ?? null,
        completed,
        // When training began, as a mock exam asks of a submitted model.
        startedAt: trainedAt - completed.ms,
        restoredFrom: trainedAt,
      });
    },

    clear() {
      const { handle, status } = get();
      if (handle && isLive(status)) handle.stop();
      publisher?.cancel();
      generation += 1;
      set(idle());
    },
  }));
}
