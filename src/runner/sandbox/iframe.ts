/**
 * The sandbox iframe's whole document. It is loaded with `sandbox="allow-scripts"`
 * (no `allow-same-origin`), so it gets an opaque origin: localStorage, IndexedDB and
 * cookies throw, and it cannot touch the app's DOM. It starts the learner's worker
 * from a `data:` URL — a blob: worker would not be a secure context, and WebGPU
 * needs one — and relays messages both ways.
 *
 * It only talks to its parent window, and the parent only listens to this iframe.
 */

/** Runs inside the worker before the runner bundle arrives: evaluates it once. */
const WORKER_BOOT = `self.onmessage = function (e) {
  if (!e.data || e.data.type !== 'boot') return;
  self.onmessage = null;
  (0, eval)(e.data.workerSource);
};`;

function iframeMain(workerBoot: string): void {
  const host = window.parent;
  let worker: Worker | undefined;
  let runId = '';
  window.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== host) return;
    const m = e.data as { type?: string; runId?: string; workerSource?: string };
    if (m.type === 'boot' && !worker) {
      worker = new Worker('data:text/javascript;charset=utf-8,' + encodeURIComponent(workerBoot));
      worker.onmessage = (ev) => host.postMessage(ev.data, '*');
      worker.onerror = (ev) => {
        ev.preventDefault();
        host.postMessage({ type: 'error', runId, error: { kind: 'runtime', message: 'The sandbox worker crashed: ' + (ev.message || 'unknown error') } }, '*');
      };
      worker.postMessage({ type: 'boot', workerSource: m.workerSource });
      return;
    }
    if (m.type === 'stop') {
      worker?.terminate();
      worker = undefined;
      return;
    }
    if (m.type === 'run') runId = m.runId ?? '';
    // A run's data port arrives transferred to us and must be transferred on, not cloned.
    worker?.postMessage(m, Array.from(e.ports));
  });
  host.postMessage({ type: 'iframe-ready' }, '*');
}

export const SANDBOX_SRCDOC = `<!doctype html><meta charset="utf-8"><title>Tensor Dojo sandbox</title><script>(${iframeMain.toString()})(${JSON.stringify(WORKER_BOOT)});</script>`;
