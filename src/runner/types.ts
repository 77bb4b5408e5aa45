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

export type RunOutcome =
  | { status: 'completed'; artifacts: io.ModelArtifacts; backend: BackendName; ms: number; tensors: { before: number; after: number; modelWeights: number } }
  | { status: 'failed'; error: LearnerError }
  | { status: 'stopped'; afterMs: number };

export interface RunHandle {
  runId: string;
  /** Ends the run for sure within a second, even in `while (true) {}`. */
  stop(): void;
  finished: Promise<RunOutcome>;
}

export interface RunnerClient {
  run(request: RunRequest, onEvent: (event: RunEvent) => void): RunHandle;
}

export interface GraderClient {
  /** Grades model artifacts against the drill's held-out test split. Rejects with a readable Error for broken models. */
  grade(drillId: string, artifacts: io.ModelArtifacts, custom?: CustomDrillDefinition): Promise<GradeReport>;
}
