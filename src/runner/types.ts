/**
 * The face of the runner the app's stores use. The implementation (sandboxed
 * iframe + worker in the browser, an in-process executor in Node) stays behind it,
 * so a test can stand in a fake.
 */
import type { io } from '@tensorflow/tfjs';
import type { CustomDrillDefinition } from '../core/custom-drill';
import type { GradeReport } from '../core/grading/report';
import type { BackendChoice, BackendName, LearnerError, SandboxMessage } from './protocol';

export interface RunRequest {
  drillId: string;
  source: string;
  backend: BackendChoice;
  /** For a learner's custom drill, its definition (the runner has only the shipped drills). */
  custom?: CustomDrillDefinition;
  /** Train a model that breaks the drill's contract instead of stopping at its first fit. */
  trainAnyway?: boolean;
}

/** Everything the sandbox reports while a run is live (minus the handshake). */
export type RunEvent = Exclude<SandboxMessage, { type: 'ready' }>;

/**
 * How long Stop waits for the worker to hand over the model before terminating it.
 * The worker sees the request at its next batch's end (it looks every ~100 ms), and
 * saving a drill's model takes milliseconds; a batch longer than this, or code that
 * never lets training go on, loses the model rather than the Stop.
 */
export const STOP_GRACE_MS = 2000;

/** A model stopped part-way through training, checked like a finished run's model. */
export interface StoppedModel {
  artifacts: io.ModelArtifacts;
  backend: BackendName;
  ms: number;
}

/**
 * Why a stopped run has no model to keep:
 * - 'before-training': stopped before any fit began;
 * - 'untrained': stopped before a batch of training finished;
 * - 'no-answer': the learner's code did not let training stop within the grace period
 *   (a busy loop, a very long batch), so the sandbox was ended;
 * - 'forced': Stop pressed a second time, ending the sandbox at once;
 * - 'refused': the model it handed over failed the checks a finished run's model passes.
 */
export type NotKept = { reason: 'before-training' | 'untrained' | 'no-answer' | 'forced' } | { reason: 'refused'; problem: string };

export type RunOutcome =
  | { status: 'completed'; artifacts: io.ModelArtifacts; backend: BackendName; ms: number; tensors: { before: number; after: number; modelWeights: number } }
  | { status: 'failed'; error: LearnerError }
  | { status: 'stopped'; afterMs: number; model: StoppedModel; notKept?: undefined }
  | { status: 'stopped'; afterMs: number; model: null; notKept: NotKept };

export interface RunHandle {
  runId: string;
  /** Ends the run for sure within a second, even in `while (true) {}`; nothing is kept. */
  stop(): void;
  /**
   * Stop pressed: ends training at its next batch and hands back the model as it
   * then was; falls back to `stop()` if the sandbox does not answer within a short
   * grace period, or when called again. A runner without it (a test's fake) can
   * keep nothing: the store calls `stop()` instead.
   */
  stopTraining?(): void;
  finished: Promise<RunOutcome>;
}

export interface RunnerClient {
  run(request: RunRequest, onEvent: (event: RunEvent) => void): RunHandle;
}

export interface GraderClient {
  /** Grades model artifacts against the drill's held-out test split. Rejects with a readable Error for broken models. */
  grade(drillId: string, artifacts: io.ModelArtifacts, custom?: CustomDrillDefinition): Promise<GradeReport>;
}
