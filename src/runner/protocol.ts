/**
 * The typed messages between the app (host), the sandbox iframe and the learner's
 * worker. One discriminated union per direction; each side has one `switch`.
 *
 * Two lanes. The run's own traffic (`HostMessage`, `SandboxMessage`) goes over a
 * MessagePort straight between the page and the worker, handed to the worker at
 * boot, so a batch's numbers do not wake the iframe's thread on their way. The
 * iframe's window messages (`HostToFrame`, `FrameMessage`) are only for what the
 * worker cannot do itself: start, be terminated, report that it crashed.
 *
 * Nothing untyped crosses: the sandbox runs untrusted code and may lie, so the
 * host checks every worker message field by field (`parseSandboxMessage` in
 * protocol-guards.ts, behind the rate limits of sandbox-inbox.ts) and every
 * iframe message with `isFrameMessage`. A new message type needs its check there.
 */
import type { io } from '@tensorflow/tfjs';
import type { DrillMeta } from '../core/drill';
import type { ModelSummary } from '../core/model-summary';
import type { SandboxWorkerKind } from './sandbox/isolation';

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';

export const LEARNER_ERROR_KINDS = ['syntax', 'runtime', 'contract', 'backend'] as const;
export type LearnerErrorKind = (typeof LEARNER_ERROR_KINDS)[number];

/** A place in the learner's own source (1-based, as editors show it). */
export interface SourcePosition {
  line: number;
  column: number;
}

export interface LearnerError {
  /** 'syntax': the code did not compile; 'runtime': it threw; 'contract': it returned no model; 'backend': the backend failed. */
  kind: LearnerErrorKind;
  message: string;
  position?: SourcePosition;
  /** Stack trimmed to the learner's frames, positions in their source. */
  stack?: string;
  /** What to try, in the learner's terms. */
  hint?: string;
  /** tfjs' own message when `message` is its translation into the learner's terms (runner/learner-errors.ts). */
  original?: string;
}

export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  error?: string;
}

/** Per-batch or per-epoch numbers as tfjs reports them (`loss`, `acc`, `val_loss`, …). */
export type Logs = Record<string, number>;

/** Host → sandbox worker, over the sandbox's port. */
export type HostMessage =
  | {
      type: 'run';
      runId: string;
      source: string;
      filename: string;
      drill: DrillMeta;
      /** Train a model that breaks the contract instead of stopping at its first fit. */
      trainAnyway: boolean;
      /**
       * The sandbox's end of this run's MessageChannel (transferred). The trusted data
       * worker posts the train/validation splits (a `DataPortMessage`) down the other
       * end, so the page never holds or copies them.
       */
      data: MessagePort;
      backend: BackendChoice;
    }
  /**
   * Sent once, as soon as the worker is ready: the WASM binaries, so the sandbox never
   * fetches (it has an opaque origin). A spare sandbox boots while the learner edits,
   * so copying them (0.7 MB, twice: into the iframe's process, then the worker) is
   * off the path from Run to training — it took ~15 ms of each run's start there.
   */
  | {
      type: 'prepare';
      wasm: Record<string, ArrayBuffer>;
      /** XNNPACK threads for the WASM backend, if the worker can have them (sandbox/isolation.ts). */
      threads: number;
      /** Why the WASM backend will train on one thread, for the run pane; absent when threads are possible. */
      singleThreadReason?: string;
    }
  /**
   * Stop pressed during training: end the fit at its next batch's end and answer
   * with `stopped`, the model as training left it. The page waits a short grace
   * period for the answer, then terminates the worker as before (HostToFrame 'stop').
   */
  | { type: 'stop-training'; runId: string };

/** Sandbox worker → host, over the sandbox's port. */
export type SandboxMessage =
  | { type: 'ready' }
  | { type: 'backend'; runId: string; backend: BackendName; attempts: BackendAttempt[] }
  | { type: 'console'; runId: string; level: 'log' | 'info' | 'warn' | 'error'; text: string }
  | { type: 'train-begin'; runId: string; epochs: number; batchesPerEpoch: number | null }
  | { type: 'batch'; runId: string; epoch: number; batch: number; logs: Logs }
  | { type: 'epoch'; runId: string; epoch: number; logs: Logs }
  /** Keras' `model.summary()` as data, when learner code first calls fit (every run shows it). */
  | { type: 'summary'; runId: string; summary: ModelSummary }
  | { type: 'model'; runId: string; artifacts: io.ModelArtifacts }
  | { type: 'error'; runId: string; error: LearnerError }
  /**
   * The answer to `stop-training`: the model being trained, saved as a finished
   * run's is (checked by the page like one), or null when none had trained a batch.
   * The learner's code does not go on after it: the page ends the worker.
   */
  | { type: 'stopped'; runId: string; artifacts: io.ModelArtifacts | null; ms: number }
  | {
      type: 'done';
      runId: string;
      ms: number;
      /** Live tensors when the learner's function was called and after it returned (the model's weights excluded). */
      tensors: { before: number; after: number; modelWeights: number };
    };

/** Host → sandbox iframe (window messages). */
export type HostToFrame =
  /**
   * Start the worker from this bundle and give it `port`, the host's lane to it
   * (transferred); `worker`: from a `data:` or a `blob:` URL (sandbox/isolation.ts).
   */
  | { type: 'boot'; workerSource: string; port: MessagePort; worker: SandboxWorkerKind }
  /** Terminate the worker: the only stop that works on `while (true) {}`. */
  | { type: 'stop' };

/** Sandbox iframe → its worker: the bundle to evaluate, then the host's port. */
export type FrameToWorker = { type: 'boot'; workerSource: string } | { type: 'connect'; port: MessagePort };

/** Sandbox iframe → host (window messages). */
export type FrameMessage = { type: 'iframe-ready' } | { type: 'worker-crashed'; message: string };

/** Shallow structural check of a window message from the sandbox iframe. */
export function isFrameMessage(data: unknown): data is FrameMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { type?: unknown; message?: unknown };
  return m.type === 'iframe-ready' || (m.type === 'worker-crashed' && typeof m.message === 'string');
}
