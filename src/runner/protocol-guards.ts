/**
 * The page's check of every message from the sandbox worker, field by field.
 *
 * Learner code runs in that worker and can post anything on the page's port (it
 * can catch the port by patching `MessagePort.prototype.postMessage`), so a
 * message is untrusted input like an upload: its type must be one of ours, every
 * field the type names must have its type and a sane size, strings are bounded,
 * and a returned model passes the same validator as an uploaded one. What passes
 * is a fresh object holding only the known fields, so nothing unexpected rides
 * along into the stores.
 */
import { MAX_MODEL_JSON_BYTES, ModelFileError, validateArtifacts } from '../core/grading/model-files';
import type { io } from '@tensorflow/tfjs';
import type { ModelSummary, SummaryRow } from '../core/model-summary';
import { BACKENDS, LEARNER_ERROR_KINDS, type BackendAttempt, type BackendName, type LearnerError, type Logs, type SandboxMessage } from './protocol';

export type Parsed = { ok: true; message: SandboxMessage } | { ok: false; problem: string };

/** Bounds on what one message may carry; far above anything the runner itself sends. */
export const MESSAGE_LIMITS = {
  runIdChars: 100,
  /** The worker cuts console lines to ~10,000 characters (console-budget.ts): a longer one bypassed it. */
  consoleChars: 1_000_000,
  errorMessageChars: 20_000,
  stackChars: 50_000,
  logsKeys: 64,
  logKeyChars: 100,
  attempts: 8,
  count: 1e9,
  /** Layers in a model summary; a drill's model has tens. */
  summaryRows: 2000,
  /** Names and shapes in a summary. */
  shortText: 500,
} as const;

const LEVELS = new Set(['log', 'info', 'warn', 'error']);
const ERROR_KINDS: ReadonlySet<string> = new Set(LEARNER_ERROR_KINDS);

class Invalid extends Error {}

const fail = (problem: string): never => {
  throw new Invalid(problem);
};

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(x: unknown, field: string, maxChars: number): string {
  if (typeof x !== 'string') return fail(`${field} is not text`);
  if (x.length > maxChars) return fail(`${field} is longer than ${maxChars} characters`);
  return x;
}

function optStr(x: unknown, field: string, maxChars: number): string | undefined {
  return x === undefined ? undefined : str(x, field, maxChars);
}

function count(x: unknown, field: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > MESSAGE_LIMITS.count) return fail(`${field} is not a count`);
  return x;
}

function finite(x: unknown, field: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) return fail(`${field} is not a duration`);
  return x;
}

function backendName(x: unknown): BackendName {
  if (typeof x !== 'string' || !(BACKENDS as readonly string[]).includes(x)) return fail('backend is not one of ours');
  return x as BackendName;
}

/** Numbers by name, as tfjs logs them; NaN and ±Infinity are real values of a diverging loss. */
function logs(x: unknown): Logs {
  if (!isRecord(x)) return fail('logs are not an object');
  const keys = Object.keys(x);
  if (keys.length > MESSAGE_LIMITS.logsKeys) fail(`logs have more than ${MESSAGE_LIMITS.logsKeys} entries`);
  const out: Logs = {};
  for (const k of keys) {
    if (k.length > MESSAGE_LIMITS.logKeyChars) fail('a log name is too long');
    const v = x[k];
    if (typeof v !== 'number') fail(`log "${k.slice(0, 40)}" is not a number`);
    out[k] = v as number;
  }
  return out;
}

function learnerError(x: unknown): LearnerError {
  if (!isRecord(x)) return fail('error is not an object');
  if (typeof x.kind !== 'string' || !ERROR_KINDS.has(x.kind)) fail('error kind is not one of ours');
  const error: LearnerError = {
    kind: x.kind as LearnerError['kind'],
    message: str(x.message, 'error message', MESSAGE_LIMITS.errorMessageChars),
  };
  if (x.position !== undefined) {
    if (!isRecord(x.position)) fail('error position is not an object');
    const p = x.position as Record<string, unknown>;
    error.position = { line: count(p.line, 'error line'), column: count(p.column, 'error column') };
  }
  const stack = optStr(x.stack, 'error stack', MESSAGE_LIMITS.stackChars);
  if (stack !== undefined) error.stack = stack;
  const hint = optStr(x.hint, 'error hint', MESSAGE_LIMITS.errorMessageChars);
  if (hint !== undefined) error.hint = hint;
  const original = optStr(x.original, 'original error', MESSAGE_LIMITS.errorMessageChars);
  if (original !== undefined) error.original = original;
  return error;
}

function attempts(x: unknown): BackendAttempt[] {
  if (!Array.isArray(x) || x.length > MESSAGE_LIMITS.attempts) return fail('backend attempts are not a short list');
  return x.map((a) => {
    if (!isRecord(a) || typeof a.ok !== 'boolean') return fail('a backend attempt is malformed');
    const attempt: BackendAttempt = { backend: backendName(a.backend), ok: a.ok };
    const error = optStr(a.error, 'backend error', MESSAGE_LIMITS.errorMessageChars);
    if (error !== undefined) attempt.error = error;
    return attempt;
  });
}

function modelSummary(x: unknown): ModelSummary {
  if (!isRecord(x) || !Array.isArray(x.rows)) return fail('summary is not a table');
  if (x.rows.length > MESSAGE_LIMITS.summaryRows) fail(`summary has more than ${MESSAGE_LIMITS.summaryRows} rows`);
  const rows: SummaryRow[] = x.rows.map((r: unknown) => {
    if (!isRecord(r)) return fail('a summary row is not an object');
    return {
      name: str(r.name, 'layer name', MESSAGE_LIMITS.shortText),
      className: str(r.className, 'layer class', MESSAGE_LIMITS.shortText),
      outputShape: str(r.outputShape, 'output shape', MESSAGE_LIMITS.shortText),
      params: count(r.params, 'layer parameters'),
    };
  });
  return {
    name: str(x.name, 'model name', MESSAGE_LIMITS.shortText),
    rows,
    totalParams: count(x.totalParams, 'total parameters'),
    trainableParams: count(x.trainableParams, 'trainable parameters'),
  };
}

/**
 * The model the run returned, checked like an upload (topology, weight specs, bytes
 * matching them, size caps). Its own message, so the learner hears what was wrong
 * with the model rather than "malformed message".
 */
export function checkRunArtifacts(x: unknown): io.ModelArtifacts {
  if (!isRecord(x)) throw new ModelFileError('The run returned no model (its artifacts are not an object).');
  // Everything of a model.json, not the topology alone: training config and metadata
  // are kept, stored and exported with the model too.
  let descriptionChars: number;
  try {
    descriptionChars = JSON.stringify([x.modelTopology ?? null, x.trainingConfig ?? null, x.userDefinedMetadata ?? null]).length;
  } catch {
    throw new ModelFileError('The run returned a model whose description cannot be read as JSON.');
  }
  if (descriptionChars > MAX_MODEL_JSON_BYTES) throw new ModelFileError('The run returned a model whose description is too large to be a model.');
  const artifacts = x as io.ModelArtifacts;
  validateArtifacts(artifacts);
  return {
    modelTopology: artifacts.modelTopology,
    weightSpecs: artifacts.weightSpecs,
    weightData: artifacts.weightData,
    format: typeof artifacts.format === 'string' ? artifacts.format : undefined,
    generatedBy: typeof artifacts.generatedBy === 'string' ? artifacts.generatedBy : undefined,
    convertedBy: typeof artifacts.convertedBy === 'string' ? artifacts.convertedBy : undefined,
    trainingConfig: isRecord(artifacts.trainingConfig) ? artifacts.trainingConfig : undefined,
    userDefinedMetadata: isRecord(artifacts.userDefinedMetadata) ? artifacts.userDefinedMetadata : undefined,
  };
}

function parse(data: unknown): SandboxMessage {
  if (!isRecord(data)) return fail('it is not an object');
  const type = data.type;
  if (type === 'ready') return { type };
  const runId = str(data.runId, 'runId', MESSAGE_LIMITS.runIdChars);
  switch (type) {
    case 'backend':
      return { type, runId, backend: backendName(data.backend), attempts: attempts(data.attempts) };
    case 'console': {
      if (typeof data.level !== 'string' || !LEVELS.has(data.level)) fail('console level is not one of ours');
      return { type, runId, level: data.level as ConsoleLevelName, text: str(data.text, 'console text', MESSAGE_LIMITS.consoleChars) };
    }
    case 'train-begin': {
      const batches = data.batchesPerEpoch === null ? null : count(data.batchesPerEpoch, 'batchesPerEpoch');
      return { type, runId, epochs: count(data.epochs, 'epochs'), batchesPerEpoch: batches };
    }
    case 'batch':
      return { type, runId, epoch: count(data.epoch, 'epoch'), batch: count(data.batch, 'batch'), logs: logs(data.logs) };
    case 'epoch':
      return { type, runId, epoch: count(data.epoch, 'epoch'), logs: logs(data.logs) };
    case 'summary':
      return { type, runId, summary: modelSummary(data.summary) };
    case 'model':
      // Checked in full by checkRunArtifacts where the run ends, with its own message.
      return { type, runId, artifacts: data.artifacts as io.ModelArtifacts };
    case 'error':
      return { type, runId, error: learnerError(data.error) };
    case 'stopped': {
      // Checked in full by checkRunArtifacts, as a finished run's model is, where the run ends.
      if (data.artifacts !== null && !isRecord(data.artifacts)) return fail('stopped artifacts are neither a model nor null');
      return { type, runId, artifacts: data.artifacts as io.ModelArtifacts | null, ms: finite(data.ms, 'ms') };
    }
    case 'done': {
      const t = data.tensors;
      if (!isRecord(t)) return fail('tensor counts are missing');
      return {
        type,
        runId,
        ms: finite(data.ms, 'ms'),
        tensors: { before: count(t.before, 'tensors.before'), after: count(t.after, 'tensors.after'), modelWeights: count(t.modelWeights, 'tensors.modelWeights') },
      };
    }
    default:
      return fail(`its type ${JSON.stringify(String(type)).slice(0, 60)} is not one of ours`);
  }
}

type ConsoleLevelName = Extract<SandboxMessage, { type: 'console' }>['level'];

/** Checks one message from the sandbox; `problem` says what was wrong, for the run's error. */
export function parseSandboxMessage(data: unknown): Parsed {
  try {
    return { ok: true, message: parse(data) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, problem: e.message };
    // A getter or proxy cannot survive structured cloning, but be sure: anything else thrown is a bad message too.
    return { ok: false, problem: 'it could not be read' };
  }
}
