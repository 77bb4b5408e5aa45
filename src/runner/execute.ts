/**
 * Runs one learner file: transpile, evaluate with our own `require`, call its
 * default export with the lab, and hand back the trained model as artifacts.
 *
 * Shared by the browser sandbox worker and the Node CLI so a solution file behaves
 * the same in both. It trusts nothing the learner returns; isolation itself is
 * the caller's job (the worker sits in an opaque-origin iframe).
 */
import type * as tfType from '@tensorflow/tfjs';
import type { LearnerSplits } from '../core/data';
import type { DrillMeta } from '../core/drill';
import { contractBreaches } from '../core/grading/contract';
import { setOldApiSink } from '../core/helpers/deprecation';
import { createLab } from '../core/lab/create';
import { summarizeModel, type ModelSummary } from '../core/model-summary';
import { createGracefulStop, never, type GracefulStop } from './graceful-stop';
import { kerasFitInputs, kerasValidationData, nonTensorArgument } from './fit-inputs';
import { nanLossSentence } from './learner-errors';
import { learnerFrames, measureFunctionHeaderLines, RunStop, toLearnerError } from './learner-stack';
import type { LearnerError, Logs } from './protocol';
import { transpileLearnerSource } from './transpile';

/** What a run reports while it goes; the worker posts these, the CLI prints them. */
export type ExecutionEvent =
  | { type: 'console'; level: 'log' | 'info' | 'warn' | 'error'; text: string }
  | { type: 'train-begin'; epochs: number; batchesPerEpoch: number | null }
  | { type: 'batch'; epoch: number; batch: number; logs: Logs }
  | { type: 'epoch'; epoch: number; logs: Logs }
  /** Keras' `model.summary()` of a model learner code trains (at its first fit) or returns. */
  | { type: 'summary'; summary: ModelSummary };

export interface ExecuteOptions {
  tf: typeof tfType;
  /** Extra modules learner code may import besides '@tensorflow/tfjs' (the lab API as 'tensor-dojo'). */
  modules: Record<string, unknown>;
  source: string;
  filename: string;
  drill: DrillMeta;
  splits: LearnerSplits;
  backend: string;
  seed?: number;
  emit: (event: ExecutionEvent) => void;
  /**
   * Minimum gap between per-batch events; epoch events always go out. Each event is
   * a point of the batch curve and costs a read of the logs and a message; 100 ms
   * gives the curve ten points a second, more than the run view's four redraws show.
   */
  batchEventIntervalMs?: number;
  /**
   * Called at each epoch's end with the model being trained (for a tf.Sequential,
   * the functional model inside it, which tfjs trains); training waits for it.
   * The bench's time-to-pass grades the model here (the learner's code never sees it).
   */
  onEpochEnd?: (model: tfType.LayersModel) => Promise<void>;
  /**
   * Train a model that breaks the drill's contract instead of stopping at `fit`
   * (with a warning in the console); some learners want to experiment.
   */
  trainAnyway?: boolean;
  /**
   * Aborted when the learner presses Stop (the sandbox worker passes one; the CLI
   * does not): training ends at the next batch's end and the run ends with the model
   * as it then was, in `stopped` (graceful-stop.ts).
   */
  stopSignal?: AbortSignal;
}

/** A run halted by Stop: the model being trained, saved as a finished run's is, or null when none had trained. */
export interface StoppedTraining {
  artifacts: tfType.io.ModelArtifacts | null;
  ms: number;
}

export type ExecuteResult =
  | {
      ok: true;
      artifacts: tfType.io.ModelArtifacts;
      ms: number;
      tensors: { before: number; after: number; modelWeights: number };
    }
  /** `stopped` is set only when the run ended on `stopSignal`; then `error` says so in words. */
  | { ok: false; error: LearnerError; stopped?: StoppedTraining };

export async function executeLearnerCode(opts: ExecuteOptions): Promise<ExecuteResult> {
  const { tf, filename } = opts;
  const started = performance.now();
  const compiled = transpileLearnerSource(opts.source, filename);
  if (!compiled.ok) return compiled;

  const headerLines = measureFunctionHeaderLines(filename);
  const log = (level: 'log' | 'info' | 'warn' | 'error') => (...values: unknown[]) =>
    opts.emit({ type: 'console', level, text: values.map(formatValue).join(' ') });
  const learnerConsole = { log: log('log'), info: log('info'), warn: log('warn'), error: log('error'), debug: log('log') };

  const drill = opts.drill;
  const summarized = new WeakSet<object>();
  const stop = createGracefulStop(opts.stopSignal);
  const restoreFit = attachFitHooks(tf, {
    stop,
    yieldForStop: opts.stopSignal !== undefined,
    emit: opts.emit,
    intervalMs: opts.batchEventIntervalMs ?? 100,
    onEpochEnd: opts.onEpochEnd,
    contract: drill.contract,
    trainAnyway: opts.trainAnyway === true,
    summarized,
    lineOf: (stack) => learnerFrames(stack, filename, headerLines)[0]?.position.line,
  });
  const restoreOldApi = setOldApiSink((text) => opts.emit({ type: 'console', level: 'warn', text }));
  try {
    const lab = createLab({ tf, drill, splits: opts.splits, backend: opts.backend, seed: opts.seed ?? 42, log: learnerConsole.log });
    const before = tf.memory().numTensors;
    let trainFn: unknown;
    try {
      const module = { exports: {} as Record<string, unknown> };
      const require = makeRequire(tf, opts.modules);
      const body = `${compiled.code}\n//# sourceURL=${filename}`;
      new Function('exports', 'require', 'module', 'console', body)(module.exports, require, module, learnerConsole);
      trainFn = module.exports.default;
    } catch (e) {
      return { ok: false, error: toLearnerError(e, filename, headerLines) };
    }
    if (typeof trainFn !== 'function') {
      return {
        ok: false,
        error: {
          kind: 'contract',
          message: 'Your file has no default-exported training function.',
          hint: 'Write `export default async function train(lab) { …; return model; }`.',
        },
      };
    }

    let model: unknown;
    try {
      const ran = await Promise.race([
        Promise.resolve((trainFn as (lab: unknown) => unknown)(lab)).then((returned) => ({ returned })),
        stop.halted.then((trained) => ({ trained })),
      ]);
      if ('trained' in ran) return await stoppedRun(tf, ran.trained, started, opts.emit);
      model = ran.returned;
    } catch (e) {
      return { ok: false, error: toLearnerError(e, filename, headerLines) };
    }
    if (!isLayersModel(model)) {
      return {
        ok: false,
        error: {
          kind: 'contract',
          message: `Your training function returned ${describe(model)}, not a tf.LayersModel.`,
          hint: 'Return the trained model, e.g. `return model;` after `await model.fit(...)`.',
        },
      };
    }

    // Every run shows its model's table, also when the model was never fitted here.
    const inner = (model as { model?: unknown }).model;
    if (!summarized.has(model) && !(inner && summarized.has(inner))) opts.emit({ type: 'summary', summary: summarizeModel(model) });

    const after = tf.memory().numTensors;
    let artifacts: tfType.io.ModelArtifacts;
    try {
      artifacts = await saveArtifacts(tf, model);
    } catch (e) {
      return { ok: false, error: { kind: 'contract', message: `The model could not be saved: ${(e as Error).message}`, hint: UNSAVEABLE_HINT } };
    }
    // Dispose the model (and its optimizer) so what is left over is what the learner leaked.
    disposeModel(model);
    const leftover = tf.memory().numTensors;
    return {
      ok: true,
      artifacts,
      ms: performance.now() - started,
      tensors: { before, after, modelWeights: after - leftover },
    };
  } finally {
    restoreFit();
    restoreOldApi();
  }
}

const UNSAVEABLE_HINT = 'Models with custom layers or Lambda layers cannot be saved or graded.';

/** The model as artifacts, as `model.save` writes them: the one path a finished and a stopped run share. */
async function saveArtifacts(tf: typeof tfType, model: tfType.LayersModel): Promise<tfType.io.ModelArtifacts> {
  let artifacts: tfType.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!artifacts) throw new Error('tfjs saved nothing');
  return artifacts;
}

/**
 * The end of a run halted by Stop. The model is not disposed: the worker is ended
 * right after. One that cannot be saved is reported in the console and not kept.
 */
async function stoppedRun(
  tf: typeof tfType,
  trained: tfType.LayersModel | null,
  started: number,
  emit: ExecuteOptions['emit'],
): Promise<ExecuteResult> {
  let artifacts: tfType.io.ModelArtifacts | null = null;
  if (trained) {
    try {
      artifacts = await saveArtifacts(tf, trained);
    } catch (e) {
      emit({ type: 'console', level: 'warn', text: `The stopped model could not be saved: ${(e as Error).message}. ${UNSAVEABLE_HINT}` });
    }
  }
  return {
    ok: false,
    error: { kind: 'runtime', message: 'Training was stopped.' },
    stopped: { artifacts, ms: performance.now() - started },
  };
}

/** Only the two modules a drill needs; anything else is a clear refusal, not a network fetch. */
function makeRequire(tf: typeof tfType, modules: Record<string, unknown>) {
  return (name: string): unknown => {
    if (name === '@tensorflow/tfjs' || name === '@tensorflow/tfjs-core' || name === '@tensorflow/tfjs-layers') return tf;
    if (name in modules) return modules[name];
    throw new Error(`Only '@tensorflow/tfjs' and 'tensor-dojo' can be imported in a drill (you imported '${name}').`);
  };
}

interface FitHooks {
  emit: ExecuteOptions['emit'];
  stop: GracefulStop;
  /**
   * Give the event loop a turn now and then during fit, so a stop request (a
   * message) is seen: tfjs' batch loop otherwise awaits only microtasks on the CPU
   * and WASM backends, and a message would wait until training is over.
   */
  yieldForStop: boolean;
  intervalMs: number;
  onEpochEnd: ExecuteOptions['onEpochEnd'];
  contract: DrillMeta['contract'];
  trainAnyway: boolean;
  /** Models whose summary went out (the executor adds the returned model's at the end if missing). */
  summarized: WeakSet<object>;
  /** The learner's line in a stack captured at a call from their code. */
  lineOf(stack: string): number | undefined;
}

/**
 * Patches tfjs' training entry points for the length of a run, whatever the learner
 * passes (the exam's code just calls fit):
 * - `fit`: the pre-flight contract check (before training and again when fit
 *   returns), the model's summary, Keras' inputs (arrays, integer labels), live
 *   curves and a NaN-loss notice;
 * - `fitDataset`: the same, minus input conversion; `evaluate`: Keras' inputs;
 * - `summary()`: printed to the lab's console, not the worker's or the CLI's stdout.
 */
function attachFitHooks(tf: typeof tfType, hooks: FitHooks): () => void {
  const { emit, intervalMs, onEpochEnd, stop } = hooks;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- patching tfjs' own methods
  const proto = tf.LayersModel.prototype as unknown as Record<'fit' | 'fitDataset' | 'evaluate' | 'summary', (...args: any[]) => any>;
  const originalFit = proto.fit;
  const originalFitDataset = proto.fitDataset;
  const originalEvaluate = proto.evaluate;
  const originalSummary = proto.summary;
  // tf.Sequential's fit hands over to the functional model inside it (named
  // `<name>_model`, with an InputLayer): the table shows the learner's own model,
  // as Keras does, so the Sequential is summarised first and its inner model skipped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- patching tfjs' own methods
  const seqProto = tf.Sequential.prototype as unknown as Record<'fit' | 'fitDataset', (...args: any[]) => any>;
  const originalSeqFit = seqProto.fit;
  const originalSeqFitDataset = seqProto.fitDataset;
  const outerFirst = (original: (...args: unknown[]) => unknown) =>
    function (this: tfType.Sequential, ...args: unknown[]) {
      const inner = (this as unknown as { model?: object }).model;
      if (inner) {
        summarizeOnce(this);
        hooks.summarized.add(inner);
      }
      return original.apply(this, args);
    };
  seqProto.fit = outerFirst(originalSeqFit);
  seqProto.fitDataset = outerFirst(originalSeqFitDataset);
  let nanTold = false;
  const warned = new WeakSet<object>();

  // tfjs hands callbacks its logs as scalar tensors and reads them back only for a
  // callback that asks. Reading one back waits for the device (a GPU→CPU sync on
  // WebGL/WebGPU), so we read only the batches we send (throttled) and never make
  // training wait for a read: each read starts at once (before fit disposes the
  // batch's tensors) and its event goes out when it resolves, in order.
  class LiveCurves extends tf.Callback {
    private epoch = 0;
    private lastBatchSent = -Infinity;
    private lastYield = performance.now();
    private queue: Promise<void> = Promise.resolve();
    constructor(private readonly fitLine: number | undefined) {
      super();
    }
    private send(event: Promise<ExecutionEvent>): void {
      this.queue = this.queue.then(async () => emit(await event)).catch(() => {});
    }
    override async onTrainBegin(): Promise<void> {
      const p = this.params as { epochs?: number; steps?: number | null; samples?: number; batchSize?: number };
      const batches = p.steps ?? (p.samples && p.batchSize ? Math.ceil(p.samples / p.batchSize) : null);
      emit({ type: 'train-begin', epochs: p.epochs ?? 1, batchesPerEpoch: batches ?? null });
    }
    override async onEpochBegin(epoch: number): Promise<void> {
      this.epoch = epoch;
    }
    override async onBatchEnd(batch: number, logs?: UnresolvedLogs): Promise<void> {
      let now = performance.now();
      if (hooks.yieldForStop && now - this.lastYield >= intervalMs) {
        // One turn every ~100 ms (tens of microseconds each): a Stop then takes effect within a batch or so.
        await oneEventLoopTurn();
        now = this.lastYield = performance.now();
      }
      stop.batchEnded(this.model);
      if (now - this.lastBatchSent < intervalMs) return;
      this.lastBatchSent = now;
      const epoch = this.epoch;
      this.send(readLogs(logs).then((values) => ({ type: 'batch', epoch, batch, logs: values })));
    }
    override async onEpochEnd(epoch: number, logs?: UnresolvedLogs): Promise<void> {
      this.send(
        readLogs(logs).then((values) => {
          // tfjs trains on through a NaN loss without a word; say it once, in the learner's terms.
          if (!nanTold && Number.isNaN(values.loss)) {
            nanTold = true;
            const at = this.fitLine ? ` (the fit at line ${this.fitLine})` : '';
            emit({ type: 'console', level: 'warn', text: `${nanLossSentence(epoch)}${at}` });
          }
          return { type: 'epoch', epoch, logs: values };
        }),
      );
      if (onEpochEnd) await onEpochEnd(this.model);
    }
    override async onTrainEnd(): Promise<void> {
      // Every curve point is out before fit() resolves.
      await this.queue;
    }
  }

  /** Keras' table of a model, once per model per run. */
  const summarizeOnce = (model: tfType.LayersModel) => {
    if (hooks.summarized.has(model)) return;
    hooks.summarized.add(model);
    emit({ type: 'summary', summary: summarizeModel(model) });
  };

  /** The pre-flight: the grader's own contract check, stopping the run (or warning) on a breach. */
  const preflight = (model: tfType.LayersModel, calledAt: Error, when: 'before' | 'after'): RunStop | undefined => {
    const breaches = contractBreaches(model, hooks.contract);
    if (breaches.length === 0) return undefined;
    const words = breaches.map((b) => b.message).join(' ');
    if (hooks.trainAnyway) {
      if (!warned.has(model)) {
        warned.add(model);
        emit({ type: 'console', level: 'warn', text: `Training anyway, but the grader will refuse this model: ${words}` });
      }
      return undefined;
    }
    const stop = new RunStop(
      'contract',
      `${when === 'before' ? 'Training stopped before it began' : 'Stopped when fit returned'}: ${words}`,
      'The grader would refuse this model, so training it cannot pass. Fix the model, or tick “Train anyway” in the run pane (CLI: --train-anyway) to train it regardless.',
    );
    stop.stack = calledAt.stack;
    return stop;
  };

  // tfjs throws most fit errors after an await, so their stacks hold no line of the
  // learner's: the frames of their fit call are appended, and the error points there.
  const atCallSite = (e: unknown, calledAt: Error): unknown => {
    if (e instanceof Error && hooks.lineOf(String(e.stack ?? '')) === undefined) {
      e.stack = `${e.stack ?? e.message}\n${String(calledAt.stack ?? '').split('\n').slice(1).join('\n')}`;
    }
    return e;
  };

  /** A fit's result, unless Stop ended it: then it never settles and the run halts (graceful-stop.ts). */
  const haltOnStop = (model: tfType.LayersModel, fitting: Promise<unknown>): Promise<unknown> =>
    fitting.then(
      (history) => (stop.fitEnded(model) ? never() : history),
      (e: unknown) => (stop.fitEnded(model) ? never() : Promise.reject(e)),
    );

  // Our callback object in the list also stops tfjs adding its own, which would
  // yield to requestAnimationFrame every 125 ms; `learnerCallbacks` decides yields.
  const withLive = (args: FitArgs | undefined, fitLine: number | undefined) => ({
    ...(args ?? {}),
    callbacks: [...learnerCallbacks(tf, args?.callbacks, args?.yieldEvery), new LiveCurves(fitLine)],
  });
  // For a tf.Sequential, `this` is the functional model inside it (Sequential.fit calls it).
  proto.fit = function (this: tfType.LayersModel, x: unknown, y: unknown, args?: FitArgs & { validationData?: unknown }) {
    // Made here, synchronously inside the learner's call, so its stack holds their line.
    const calledAt = new Error('fit');
    // The table first: a refused learner sees what they built next to why.
    summarizeOnce(this);
    const before = preflight(this, calledAt, 'before');
    if (before) return Promise.reject(before);
    if (!stop.fitStarting(this)) return never();
    const inputs = kerasFitInputs(tf, x, y);
    const notTensor = nonTensorArgument(tf, inputs.x, inputs.y, 'fit');
    if (notTensor) {
      tf.dispose(inputs.made);
      const stop = new RunStop('runtime', notTensor);
      stop.stack = calledAt.stack;
      return Promise.reject(stop);
    }
    const fitArgs = withLive(args, hooks.lineOf(String(calledAt.stack ?? '')));
    if (args?.validationData !== undefined) (fitArgs as { validationData?: unknown }).validationData = kerasValidationData(tf, args.validationData, inputs.made);
    return haltOnStop(this, Promise.resolve(originalFit.call(this, inputs.x, inputs.y, fitArgs)))
      .catch((e: unknown) => Promise.reject(atCallSite(e, calledAt)))
      .then((history: unknown) => {
        const after = preflight(this, calledAt, 'after');
        if (after) throw after;
        return history;
      })
      .finally(() => tf.dispose(inputs.made));
  };
  // Windowed series come as a tf.data.Dataset (windowedDataset): the same checks, minus input conversion.
  proto.fitDataset = function (this: tfType.LayersModel, dataset: unknown, args?: FitArgs) {
    const calledAt = new Error('fitDataset');
    summarizeOnce(this);
    const before = preflight(this, calledAt, 'before');
    if (before) return Promise.reject(before);
    if (!stop.fitStarting(this)) return never();
    return haltOnStop(this, Promise.resolve(originalFitDataset.call(this, dataset, withLive(args, hooks.lineOf(String(calledAt.stack ?? ''))))))
      .catch((e: unknown) => Promise.reject(atCallSite(e, calledAt)))
      .then((history: unknown) => {
      const after = preflight(this, calledAt, 'after');
      if (after) throw after;
      return history;
    });
  };
  proto.evaluate = function (this: unknown, x: unknown, y: unknown, args?: unknown) {
    const inputs = kerasFitInputs(tf, x, y);
    try {
      return originalEvaluate.call(this, inputs.x, inputs.y, args);
    } finally {
      // evaluate computes synchronously: its inputs may go once it returns.
      tf.dispose(inputs.made);
    }
  };
  proto.summary = function (this: unknown, lineLength?: number, positions?: number[], printFn?: (...m: unknown[]) => void) {
    // tf.Sequential passes the global console.log as the default; both mean "the console".
    const toLab = printFn === undefined || printFn === console.log ? (...m: unknown[]) => emit({ type: 'console', level: 'log', text: m.join(' ') }) : printFn;
    return originalSummary.call(this, lineLength, positions, toLab);
  };
  return () => {
    seqProto.fit = originalSeqFit;
    seqProto.fitDataset = originalSeqFitDataset;
    proto.fit = originalFit;
    proto.fitDataset = originalFitDataset;
    proto.evaluate = originalEvaluate;
    proto.summary = originalSummary;
  };
}

type FitArgs = { callbacks?: unknown; yieldEvery?: tfType.ModelFitArgs['yieldEvery'] };

/**
 * The learner's callbacks, run as tfjs would run them, `yieldEvery` included.
 *
 * tfjs applies `yieldEvery` only while it wraps plain callback objects itself, and
 * it stops doing that once a list holds a callback instance — ours always does —
 * so the wrapping happens here. Two deliberate differences from stock tfjs:
 * - Unset, it means 'never' (tfjs: 'auto', every 125 ms), unless the learner gave
 *   an `onYield`, which only runs on yields. The worker has no page to keep
 *   responsive (Stop ends the worker), so yields would only cost training time.
 * - A yield waits for one turn of the event loop, not for requestAnimationFrame: a
 *   worker has no frames of its own, rAF would pace training to the display, and a
 *   worker whose rAF is in use gets its thread's priority raised by Chromium.
 */
function learnerCallbacks(tf: typeof tfType, callbacks: unknown, yieldEvery: FitArgs['yieldEvery']): unknown[] {
  const list: unknown[] = callbacks == null ? [] : Array.isArray(callbacks) ? [...callbacks] : [callbacks];
  const isInstance = (c: unknown) => !!c && typeof (c as { setParams?: unknown }).setParams === 'function';
  const plain = list.filter((c) => !isInstance(c)) as tfType.CustomCallbackArgs[];
  // Yields asked for with no plain callback to carry them: tfjs would add an empty one.
  if (plain.length === 0 && yieldEvery != null && yieldEvery !== 'never') list.push({});
  const effective = yieldEvery ?? (plain.some((c) => c?.onYield) ? 'auto' : 'never');
  return list.map((c) =>
    isInstance(c) ? c : new tf.CustomCallback({ nextFrameFunc: oneEventLoopTurn, ...(c as tfType.CustomCallbackArgs) }, effective),
  );
}

/** Resolves after the tasks already queued (messages included) have run; no 4 ms timer clamp. */
function oneEventLoopTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Logs as fit() passes them to callbacks: numbers, or scalars not yet read back. */
type UnresolvedLogs = Record<string, unknown>;

/**
 * The numbers in `logs`, without changing them for the callbacks after ours. Each
 * scalar's read starts now (synchronously), so fit may dispose it right after.
 */
function readLogs(logs: UnresolvedLogs | undefined): Promise<Logs> {
  const out: Logs = {};
  const reads: Promise<void>[] = [];
  for (const [k, v] of Object.entries(logs ?? {})) {
    if (typeof v === 'number') out[k] = v;
    else if (isScalarLike(v)) {
      // A scalar a learner callback already disposed is left out, not fatal.
      reads.push(v.data().then((d) => void (out[k] = Number(d[0])), () => {}));
    }
  }
  return Promise.all(reads).then(() => out);
}

function isScalarLike(v: unknown): v is { data(): Promise<ArrayLike<number | string | boolean>> } {
  return typeof v === 'object' && v !== null && typeof (v as { data?: unknown }).data === 'function' && Array.isArray((v as { shape?: unknown }).shape);
}

function isLayersModel(value: unknown): value is tfType.LayersModel {
  const m = value as Partial<tfType.LayersModel> | null;
  return !!m && typeof m === 'object' && typeof m.save === 'function' && typeof m.predict === 'function' && Array.isArray(m.layers);
}

function disposeModel(model: tfType.LayersModel): void {
  const optimizer = model.optimizer;
  try {
    model.dispose();
  } catch {
    /* already disposed by the learner */
  }
  try {
    optimizer?.dispose();
  } catch {
    /* owned and disposed with the model */
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (undefined)';
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object (${(value as object).constructor?.name ?? 'Object'})`;
  return `a ${typeof value}`;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.message;
  const maybeTensor = value as { shape?: unknown; dtype?: unknown; toString?: () => string };
  if (maybeTensor && typeof maybeTensor === 'object' && Array.isArray(maybeTensor.shape) && typeof maybeTensor.dtype === 'string') {
    try {
      return String(maybeTensor.toString?.());
    } catch {
      return `Tensor ${JSON.stringify(maybeTensor.shape)} (disposed)`;
    }
  }
  try {
    return JSON.stringify(value, (_k, v) => (ArrayBuffer.isView(v) ? `${v.constructor.name}(${(v as unknown as ArrayLike<number>).length})` : v));
  } catch {
    return String(value);
  }
}
