/**
 * The learner's worker. Bundled on its own (IIFE, see vite.config.ts) and started
 * from a `data:` URL by the sandbox iframe, so it has an opaque origin: no access
 * to the app's storage, cookies or DOM, and no way to fetch the app's files.
 * Everything it needs (this code, WASM binaries, data) arrives by message: the
 * bundle from the iframe, the rest from the host over the port the iframe hands on.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as labApi from '../../core/lab';
import { selectBackend } from '../backend';
import { executeLearnerCode } from '../execute';
import type { LearnerSplits } from '../../core/data';
import type { DataPortMessage } from '../data-protocol';
import { registerDojoKernels } from '../kernels';
import type { FrameToWorker, HostMessage, SandboxMessage } from '../protocol';
import { createConsoleBudget } from '../console-budget';
import { transpileLearnerSource } from '../transpile';
import { wasmThreadsNote } from './isolation';
import { withThreadedFallback } from '../wasm-paths';

const scope = self as unknown as { onmessage: ((e: MessageEvent<FrameToWorker>) => void) | null };

/** The host's lane (see protocol.ts): handed over by the iframe once this bundle is evaluated. */
let host: MessagePort | undefined;
const post = (m: SandboxMessage) => host?.postMessage(m);

let busy = false;
/** The run in progress and how to stop its training gracefully (a `stop-training` from the page). */
let current: { runId: string; stop: AbortController } | undefined;
/** Why WASM trains on one thread here, as the page found it (see prepare). */
let singleThreadReason: string | undefined;

scope.onmessage = (event) => {
  const msg = event.data;
  if (msg.type !== 'connect' || host) return;
  host = msg.port;
  host.onmessage = (e: MessageEvent<HostMessage>) => onHostMessage(e.data);
  post({ type: 'ready' });
};

function onHostMessage(msg: HostMessage): void {
  switch (msg.type) {
    case 'run':
      if (busy) return; // one run per worker: each run gets a fresh worker and a clean tfjs
      busy = true;
      current = { runId: msg.runId, stop: new AbortController() };
      void run(msg, current.stop.signal);
      return;
    case 'stop-training':
      if (current?.runId === msg.runId) current.stop.abort();
      return;
    case 'prepare':
      setWasmPaths(wasmBlobUrls(msg.wasm));
      // tfjs reads it when the backend starts; it only loads the threaded build where
      // this worker can share memory (a `blob:` sandbox worker on an isolated page).
      setThreadsCount(msg.threads);
      if (msg.threads > 1) claimCoresForXnnpack(msg.threads);
      // One thread: the plain SIMD build, not the threaded one (which would start 8
      // pthread workers for nothing, and whose binary the host then does not send).
      else tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      singleThreadReason = msg.singleThreadReason;
      if (!singleThreadReason && !(self as unknown as { crossOriginIsolated?: boolean }).crossOriginIsolated) {
        singleThreadReason = 'this browser gave the sandbox no shared memory (SharedArrayBuffer)';
      }
      return;
  }
}

async function run(msg: Extract<HostMessage, { type: 'run' }>, stopSignal: AbortSignal): Promise<void> {
  const { runId } = msg;
  // Learner output is cut and rate-limited here, before it costs a message: a
  // 100 MB line or a print per sample in a tight loop reaches the page as a short
  // line and a count. (The page applies the same budget again: this copy can be
  // bypassed by learner code, which shares this worker.)
  const consoleBudget = createConsoleBudget();
  const postConsole = (e: Extract<SandboxMessage, { type: 'console' }>) => {
    for (const line of consoleBudget.admit(e)) post({ type: 'console', runId, ...line });
  };
  const postEnd = (m: SandboxMessage) => {
    for (const line of consoleBudget.flush()) post({ type: 'console', runId, ...line });
    post(m);
  };
  try {
    // The data may still be on its way (a large dataset is decoded and cut meanwhile);
    // the backend starts in the meantime.
    const splitsArrived = receiveSplits(msg.data);
    splitsArrived.catch(() => {});
    const selection = await selectBackend(tf, msg.backend);
    restoreCores();
    if (!selection.backend) {
      postEnd({
        type: 'error',
        runId,
        error: {
          kind: 'backend',
          message: `No backend could start: ${selection.attempts.map((a) => `${a.backend} (${a.error})`).join('; ')}.`,
          hint: 'Choose another backend (CPU always works) and run again.',
        },
      });
      return;
    }
    if (selection.backend === 'cpu' || selection.backend === 'wasm') registerDojoKernels(selection.backend);
    post({ type: 'backend', runId, backend: selection.backend, attempts: selection.attempts });
    if (selection.backend === 'wasm') postConsole({ type: 'console', runId, level: 'info', text: wasmThreadsNote(getThreadsCount(), singleThreadReason) });
    const splits = await splitsArrived;

    const result = await executeLearnerCode({
      tf,
      modules: { 'tensor-dojo': labApi },
      source: msg.source,
      filename: msg.filename,
      drill: msg.drill,
      trainAnyway: msg.trainAnyway,
      stopSignal,
      splits,
      backend: selection.backend,
      emit: (e) => (e.type === 'console' ? postConsole({ ...e, runId }) : post({ ...e, runId })),
    });
    if (!result.ok && result.stopped) {
      postEnd({ type: 'stopped', runId, artifacts: result.stopped.artifacts, ms: result.stopped.ms });
      return;
    }
    if (!result.ok) {
      postEnd({ type: 'error', runId, error: result.error });
      return;
    }
    post({ type: 'model', runId, artifacts: result.artifacts });
    postEnd({ type: 'done', runId, ms: result.ms, tensors: result.tensors });
  } catch (e) {
    postEnd({ type: 'error', runId, error: { kind: 'runtime', message: `The sandbox failed: ${(e as Error).message ?? String(e)}` } });
  }
}

/**
 * tfjs 4.22's WASM module sizes XNNPACK's pool once, when it is instantiated, at
 * navigator.hardwareConcurrency / 2 (it assumes two hyperthreads per core), at most
 * 4, and `setThreadsCount` does not change that pool: on 2 cores it trains on one
 * thread (measured: getThreadsCount() 1, no pthread running, the same samples/s as
 * the single-threaded build). So the module is shown twice the threads we want
 * while it starts; the real value is restored as soon as the backend is up
 * (`restoreCores`), before learner code runs.
 */
let restoreCores: () => void = () => {};
function claimCoresForXnnpack(threads: number): void {
  const proto = Object.getPrototypeOf(navigator) as object;
  const real = Object.getOwnPropertyDescriptor(proto, 'hardwareConcurrency');
  if (!real?.configurable) return;
  Object.defineProperty(proto, 'hardwareConcurrency', { configurable: true, get: () => threads * 2 });
  restoreCores = () => {
    Object.defineProperty(proto, 'hardwareConcurrency', real);
    restoreCores = () => {};
  };
}

/** The run's splits, from the data worker down the run's own channel (made for this run, used once). */
function receiveSplits(port: MessagePort): Promise<LearnerSplits> {
  return new Promise((resolve) => {
    port.onmessage = (e: MessageEvent<DataPortMessage>) => {
      port.close();
      resolve(e.data.splits);
    };
  });
}

function wasmBlobUrls(wasm: Record<string, ArrayBuffer>): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(wasm)) {
    urls[name] = URL.createObjectURL(new Blob([bytes], { type: 'application/wasm' }));
  }
  // The host sends the threaded binary only to a worker with SharedArrayBuffer.
  return withThreadedFallback(urls);
}

// Booting happens ahead of Run (a spare sandbox waits while the learner edits), so
// transpile once now: the run then does not pay for compiling sucrase's parser, the
// largest piece of the sandbox's own time before training starts (~20 ms of a
// 1.5 s CPU run, profiled in the worker).
transpileLearnerSource(`import * as tf from '@tensorflow/tfjs';
export default async function train(lab: { data: unknown }): Promise<tf.LayersModel> {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1 })] });
  await model.fit(tf.zeros([1, 1]) as tf.Tensor, tf.zeros([1, 1]) as tf.Tensor, { epochs: 1 });
  return model;
}
`);
