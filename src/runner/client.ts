/**
 * The host side of the sandbox: one fresh iframe + worker per run (so every run
 * starts from a clean tfjs), with a spare one booted in the background so Run
 * starts at once. Stop during training first asks the worker to end the fit and
 * hand over the model being trained; if it does not answer within a short grace
 * period, or Stop is pressed again, the iframe's worker is terminated, which ends
 * it even in `while (true) {}`.
 */
import { drillMeta } from '../core/drill';
import { sendLearnerSplitsOffThread } from './data-client';
import { datasetsUrl } from './drill-data';
import type { HostMessage, HostToFrame, SandboxMessage } from './protocol';
import { isFrameMessage } from './protocol';
import { checkRunArtifacts } from './protocol-guards';
import { createSandboxInbox } from './sandbox-inbox';
import { SANDBOX_SRCDOC } from './sandbox/iframe';
import { STOP_GRACE_MS, type NotKept, type RunEvent, type RunHandle, type RunnerClient, type RunOutcome, type RunRequest } from './types';
import { dataDrillId, drillEntryFor } from './drill-lookup';
import { WASM_ASSET_URLS, WASM_THREADED_ASSET_URLS } from './wasm-assets';
import { installIsolationReload, planSandbox } from './sandbox/isolation-page';
import type { BackendChoice } from './protocol';

const WORKER_URL = `${import.meta.env.BASE_URL}sandbox/worker.js`;

let workerSource: Promise<string> | undefined;
let wasmBinaries: Promise<Record<string, ArrayBuffer>> | undefined;
let wasmThreadedBinaries: Promise<Record<string, ArrayBuffer>> | undefined;

/** The runner bundle as text: fetched once from our own origin (and so from the service worker offline). */
function loadWorkerSource(): Promise<string> {
  workerSource ??= fetchOk(WORKER_URL).then((r) => r.text());
  workerSource.catch(() => (workerSource = undefined));
  return workerSource;
}

function fetchBinaries(urls: Readonly<Record<string, string>>): Promise<Record<string, ArrayBuffer>> {
  return Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await (await fetchOk(url)).arrayBuffer()] as const)).then((entries) =>
    Object.fromEntries(entries),
  );
}

/** The WASM binaries, and the threaded build only for a sandbox that can use it. */
async function loadWasm(threaded: boolean): Promise<Record<string, ArrayBuffer>> {
  wasmBinaries ??= fetchBinaries(WASM_ASSET_URLS);
  wasmBinaries.catch(() => (wasmBinaries = undefined));
  if (!threaded) return wasmBinaries;
  wasmThreadedBinaries ??= fetchBinaries(WASM_THREADED_ASSET_URLS);
  wasmThreadedBinaries.catch(() => (wasmThreadedBinaries = undefined));
  return { ...(await wasmBinaries), ...(await wasmThreadedBinaries) };
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status}).`);
  return response;
}

/** One iframe with a booted worker, waiting for its single run. */
function createSandboxIframe(): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  // Delegates the page's cross-origin isolation (SharedArrayBuffer) to this opaque-origin frame.
  iframe.setAttribute('allow', 'cross-origin-isolated');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.title = 'Tensor Dojo sandbox';
  iframe.tabIndex = -1;
  // Rendered (1 px, transparent, click-through), not display:none: Chromium runs a
  // sandboxed frame in its own process and lowers the priority of a process whose
  // frames are all hidden (its main thread went to nice 5). The training worker is
  // in that process, and on 2 cores the runner alone then trained 5–10 % slower
  // than bare tfjs (`dojo bench runner`, runner-alone rows: 0.86–0.95 → 0.97–1.06).
  iframe.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;border:0;opacity:0;pointer-events:none;';
  iframe.srcdoc = SANDBOX_SRCDOC;
  return iframe;
}

/**
 * What the run hears from its sandbox: the worker's messages (checked), and that
 * the sandbox ended — its worker crashed, or the page ended it for what it sent.
 */
interface SandboxListener {
  message(m: SandboxMessage): void;
  crashed(message: string): void;
}

class Sandbox {
  readonly iframe = createSandboxIframe();
  readonly ready: Promise<void>;
  /** The host's end of the lane to the worker; the other end goes to the worker at boot. */
  private readonly port: MessagePort;
  private listener?: SandboxListener;
  /** Every message from the worker passes here first: it runs learner code, so nothing it sends is trusted. */
  private readonly inbox = createSandboxInbox();
  private ended = false;
  private iframeLoaded: () => void = () => {};
  private workerReady: () => void = () => {};
  private bootFailed: (e: Error) => void = () => {};
  private readonly onWindowMessage = (e: MessageEvent) => {
    // Only our own iframe may talk to us, and only in its protocol.
    if (e.source !== this.iframe.contentWindow || !isFrameMessage(e.data)) return;
    if (e.data.type === 'iframe-ready') return this.iframeLoaded();
    const message = `The sandbox worker crashed: ${e.data.message}`;
    this.bootFailed(new Error(message));
    this.listener?.crashed(message);
  };

  constructor(readonly backendChoice: BackendChoice) {
    const planned = planSandbox(backendChoice);
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.onmessage = (e: MessageEvent) => {
      if (this.ended) return;
      const result = this.inbox.accept(e.data);
      if ('abort' in result) return this.abort(result.abort);
      for (const m of result.pass) {
        // The handshake is kept apart from the run's listener, which may be attached first.
        if (m.type === 'ready') this.workerReady();
        else this.listener?.message(m);
      }
    };
    window.addEventListener('message', this.onWindowMessage);
    const iframeLoaded = new Promise<void>((resolve) => (this.iframeLoaded = resolve));
    const workerReady = new Promise<void>((resolve, reject) => {
      this.workerReady = resolve;
      this.bootFailed = reject;
    });
    workerReady.catch(() => {}); // surfaced through `ready`
    this.ready = (async () => {
      document.body.appendChild(this.iframe);
      const [source, plan] = await Promise.all([loadWorkerSource(), planned, iframeLoaded]);
      this.tellFrame({ type: 'boot', workerSource: source, port: channel.port2, worker: plan.worker }, [channel.port2]);
      const [wasm] = await Promise.all([loadWasm(plan.threads > 1), workerReady]);
      // Sent ahead of any run message on the same port, so the worker has its binaries first.
      this.send({ type: 'prepare', wasm, threads: plan.threads, singleThreadReason: plan.singleThreadReason });
    })();
  }

  listen(listener: SandboxListener): void {
    this.listener = listener;
  }

  /** Notes the inbox still holds (console lines left out), for the end of the run. */
  pendingNotes(runId: string): Array<Extract<SandboxMessage, { type: 'console' }>> {
    return this.inbox.flush(runId);
  }

  /**
   * Ends a sandbox that sent what the runner never sends: its worker is terminated
   * and its port closed at once, so a flood stops at the source and nothing queued
   * behind it is handled.
   */
  private abort(message: string): void {
    this.ended = true;
    this.port.onmessage = null;
    this.port.close();
    this.stop();
    this.bootFailed(new Error(message));
    this.listener?.crashed(message);
  }

  send(message: HostMessage, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }

  /** Terminates the worker at once, whatever it is running. */
  stop(): void {
    this.tellFrame({ type: 'stop' });
  }

  destroy(): void {
    this.ended = true;
    window.removeEventListener('message', this.onWindowMessage);
    this.listener = undefined;
    this.port.close();
    this.iframe.remove();
  }

  private tellFrame(message: HostToFrame, transfer: Transferable[] = []): void {
    this.iframe.contentWindow?.postMessage(message, '*', transfer);
  }
}

/** Backends whose sandboxes start the same kind of worker (see takeSandbox). */
const workerGroup = (b: BackendChoice): string => (b === 'webgpu' || b === 'auto' ? b : 'webgl-wasm-cpu');

const SPARE_DELAY_MS = 3000;
/** How long past SPARE_DELAY_MS the spare waits for `bootSpareAfter` at most. */
const SPARE_WAIT_CAP_MS = 20_000;

function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: 2000 });
  else setTimeout(fn, 0);
}

export interface SandboxRunnerOptions {
  /**
   * Start-up work the spare sandbox should not compete with; it boots when this
   * resolves (and the page is idle), or after SPARE_WAIT_CAP_MS at the latest.
   */
  bootSpareAfter?: () => Promise<void>;
}

export function createSandboxRunner(options: SandboxRunnerOptions = {}): RunnerClient {
  let spare: Sandbox | undefined;
  // The spare is booted for the backend of the last run (its worker kind depends on it).
  let lastBackend: BackendChoice = 'auto';
  let runsStarted = 0;
  installIsolationReload(() => runsStarted > 0);
  const warmSpare = () => {
    if (spare) return;
    const booting = new Sandbox(lastBackend);
    spare = booting;
    booting.ready.catch(() => {
      // A run may have taken it meanwhile (and reports the failure itself); drop only this one.
      if (spare !== booting) return;
      booting.destroy();
      spare = undefined;
    });
  };
  const takeSandbox = (backend: BackendChoice) => {
    lastBackend = backend;
    // A spare booted for another backend may have the wrong worker kind: WebGPU
    // (and Auto, which may find a real GPU) want another than WebGL, WASM and CPU,
    // which share one, so only a switch across those groups pays for a fresh boot.
    let s = spare;
    spare = undefined;
    if (s && workerGroup(s.backendChoice) !== workerGroup(backend)) {
      s.destroy();
      s = undefined;
    }
    return s ?? new Sandbox(backend);
  };

  // Boot one sandbox after start-up so the first Run does not wait for it — but not
  // while the page and the editor are still loading: on two cores, evaluating the
  // runner bundle then delays the moment the editor accepts input (measured with
  // `dojo bench startup`), and compiling tfjs' WASM in the sandbox delays the editor's
  // first completions (`dojo bench completions`). A Run before that boots its own sandbox.
  setTimeout(() => {
    const cap = new Promise<void>((resolve) => setTimeout(resolve, SPARE_WAIT_CAP_MS));
    const bootIfNoRun = () => {
      // A run started meanwhile boots the next spare when it ends, not while it trains.
      if (runsStarted === 0) warmSpare();
    };
    void Promise.race([options.bootSpareAfter?.() ?? Promise.resolve(), cap]).then(() => whenIdle(bootIfNoRun));
  }, SPARE_DELAY_MS);

  return {
    run(request: RunRequest, onEvent: (event: RunEvent) => void): RunHandle {
      const runId = crypto.randomUUID();
      const started = performance.now();
      const sandbox = takeSandbox(request.backend);
      runsStarted++;
      let settle!: (o: RunOutcome) => void;
      const finished = new Promise<RunOutcome>((resolve) => (settle = resolve));
      let settled = false;
      let trainingBegan = false;
      let stopAsked = false;
      let grace: ReturnType<typeof setTimeout> | undefined;
      const end = (outcome: RunOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(grace);
        for (const note of sandbox.pendingNotes(runId)) onEvent(note);
        sandbox.destroy();
        settle(outcome);
        // Boot the next sandbox while the learner reads the result.
        setTimeout(warmSpare, 0);
      };

      let artifacts: Extract<SandboxMessage, { type: 'model' }>['artifacts'] | undefined;
      let backend: Extract<SandboxMessage, { type: 'backend' }>['backend'] | undefined;
      /** The run ends stopped with nothing kept; the fold hears it too (where training stood). */
      const stoppedEmpty = (notKept: NotKept) => {
        const afterMs = performance.now() - started;
        onEvent({ type: 'stopped', runId, artifacts: null, ms: afterMs });
        end({ status: 'stopped', afterMs, model: null, notKept });
      };
      /**
       * The worker's answer to Stop. Only one asked for counts (a 'stopped' that learner
       * code posts unasked is ignored), and its model passes the same checks as a
       * finished run's before anything keeps or grades it. The model is this run's
       * only: the page files it under the run's drill, and the grader holds it to that
       * drill's contract, so an answer forged by learner code gains nothing it could
       * not get by returning that model.
       */
      const onStopped = (m: Extract<SandboxMessage, { type: 'stopped' }>) => {
        if (!stopAsked) return;
        if (m.artifacts === null) return stoppedEmpty({ reason: 'untrained' });
        let checked;
        try {
          if (!backend) throw new Error('the sandbox never said which backend trained it.');
          checked = checkRunArtifacts(m.artifacts);
        } catch (e) {
          return stoppedEmpty({ reason: 'refused', problem: (e as Error).message });
        }
        onEvent({ ...m, artifacts: checked });
        end({ status: 'stopped', afterMs: performance.now() - started, model: { artifacts: checked, backend, ms: m.ms } });
      };
      sandbox.listen({
        message(m) {
          if (m.type === 'ready' || m.runId !== runId || settled) return; // a superseded run's message
          if (m.type === 'stopped') return onStopped(m);
          if (m.type === 'train-begin') trainingBegan = true;
          if (m.type === 'model') {
            try {
              // Checked like an upload before anything keeps or grades it.
              artifacts = checkRunArtifacts(m.artifacts);
            } catch (e) {
              const error = { kind: 'contract', message: `The model your code returned cannot be used: ${(e as Error).message}` } as const;
              onEvent({ type: 'error', runId, error });
              end({ status: 'failed', error });
              return;
            }
            return onEvent({ ...m, artifacts });
          }
          onEvent(m);
          switch (m.type) {
            case 'backend':
              backend = m.backend;
              break;
            case 'error':
              end({ status: 'failed', error: m.error });
              break;
            case 'done':
              if (artifacts && backend) end({ status: 'completed', artifacts, backend, ms: m.ms, tensors: m.tensors });
              else end({ status: 'failed', error: { kind: 'runtime', message: 'The run ended without a model.' } });
              break;
          }
        },
        crashed(message) {
          if (settled) return;
          const error = { kind: 'runtime', message } as const;
          onEvent({ type: 'error', runId, error });
          end({ status: 'failed', error });
        },
      });

      const fail = (e: unknown) => end({ status: 'failed', error: { kind: 'runtime', message: (e as Error).message ?? String(e) } });
      void (async () => {
        // The run's own channel: the data worker posts the splits down one end, the
        // sandbox worker reads them from the other. Decoding, cutting and moving a
        // dataset (tens of MB) then never touches the page's thread, not even to
        // pass the bytes on to the sandbox's process.
        const channel = new MessageChannel();
        try {
          const entry = drillEntryFor(request.drillId, request.custom);
          sendLearnerSplitsOffThread(dataDrillId(entry), datasetsUrl(), channel.port1).catch(fail);
          await sandbox.ready;
          if (settled) return channel.port2.close();
          const message: HostMessage = {
            type: 'run',
            runId,
            source: request.source,
            filename: 'drill.ts',
            drill: drillMeta(entry.drill),
            trainAnyway: request.trainAnyway === true,
            data: channel.port2,
            backend: request.backend,
          };
          sandbox.send(message, [channel.port2]);
        } catch (e) {
          channel.port1.close();
          channel.port2.close();
          fail(e);
        }
      })();

      const stopNow = () => {
        if (settled) return;
        sandbox.stop();
        stoppedEmpty({ reason: trainingBegan ? 'forced' : 'before-training' });
      };
      return {
        runId,
        finished,
        stop: stopNow,
        stopTraining() {
          if (settled) return;
          // Nothing trains yet (or Stop was pressed again): nothing to wait for.
          if (!trainingBegan || stopAsked) return stopNow();
          stopAsked = true;
          sandbox.send({ type: 'stop-training', runId });
          grace = setTimeout(() => {
            if (settled) return;
            sandbox.stop();
            stoppedEmpty({ reason: 'no-answer' });
          }, STOP_GRACE_MS);
        },
      };
    },
  };
}
