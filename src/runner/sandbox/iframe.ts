/**
 * The sandbox iframe's whole document. It is loaded with `sandbox="allow-scripts"`
 * (no `allow-same-origin`), so it gets an opaque origin: localStorage, IndexedDB and
 * cookies throw, and it cannot touch the app's DOM. It starts the learner's worker
 * from a `data:` URL — a blob: worker would not be a secure context, and WebGPU
 * needs one — hands it the host's port, and then only terminates it on Stop and
 * reports a crash. The run's messages go over the port and never pass through here.
 *
 * It only talks to its parent window, and the parent only listens to this iframe.
 */
import type { FrameMessage, FrameToWorker, HostToFrame } from '../protocol';

/** Runs inside the worker before the runner bundle arrives: evaluates it once. */
const WORKER_BOOT = `self.onmessage = function (e) {
  if (!e.data || e.data.type !== 'boot') return;
  self.onmessage = null;
  (0, eval)(e.data.workerSource);
};`;

function iframeMain(workerBoot: string): void {
  const host = window.parent;
  const tell = (m: FrameMessage) => host.postMessage(m, '*');
  const toWorker = (w: Worker, m: FrameToWorker, transfer: Transferable[] = []) => w.postMessage(m, transfer);
  let worker: Worker | undefined;
  window.addEventListener('message', (e: MessageEvent<HostToFrame>) => {
    if (e.source !== host) return;
    const m = e.data;
    if (m.type === 'boot' && !worker) {
      worker = new Worker('data:text/javascript;charset=utf-8,' + encodeURIComponent(workerBoot));
      worker.onerror = (ev) => {
        ev.preventDefault();
        tell({ type: 'worker-crashed', message: ev.message || 'unknown error' });
      };
      toWorker(worker, { type: 'boot', workerSource: m.workerSource });
      // Queued behind the boot message, so the bundle is evaluated and listening when it arrives.
      toWorker(worker, { type: 'connect', port: m.port }, [m.port]);
    } else if (m.type === 'stop') {
      worker?.terminate();
      worker = undefined;
    }
  });
  tell({ type: 'iframe-ready' });
}

export const SANDBOX_SRCDOC = `<!doctype html><meta charset="utf-8"><title>Tensor Dojo sandbox</title><script>(${iframeMain.toString()})(${JSON.stringify(WORKER_BOOT)});</script>`;
