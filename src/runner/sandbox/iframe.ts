/**
 * The sandbox iframe's whole document. It is loaded with `sandbox="allow-scripts"`
 * (no `allow-same-origin`), so it gets an opaque origin: localStorage, IndexedDB and
 * cookies throw, and it cannot touch the app's DOM. It starts the learner's worker
 * from a `data:` URL — a blob: worker would not be a secure context, and WebGPU
 * needs one — hands it the host's port, and then only terminates it on Stop and
 * reports a crash. The run's messages go over the port and never pass through here.
 *
 * Or from a `blob:` URL, when the page asks for it: that worker is cross-origin
 * isolated (SharedArrayBuffer, tfjs' threaded WASM) but not a secure context (no
 * WebGPU). Why, and how the page chooses: ./isolation.ts.
 *
 * It only talks to its parent window, and the parent only listens to this iframe.
 *
 * The network is closed by the platform, not by deleting globals (learner code can
 * get those back): the document carries a Content-Security-Policy, and Chromium,
 * Firefox and Safari apply a creator's policy to a worker started from a `data:`
 * (or `blob:`) URL, and on to workers that worker starts. An opaque origin alone is
 * not enough: a static host that sends `Access-Control-Allow-Origin: *` (GitHub
 * Pages, most CDNs) lets an opaque origin read the app's files, test split
 * included. Checked in Chromium 156 by `tests/e2e/trust.e2e.ts`.
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
      worker =
        m.worker === 'blob'
          ? new Worker(URL.createObjectURL(new Blob([workerBoot], { type: 'text/javascript' })))
          : new Worker('data:text/javascript;charset=utf-8,' + encodeURIComponent(workerBoot));
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

/**
 * What the sandbox may do, and nothing else:
 * - `script-src 'unsafe-inline'`: this document's own script; `'unsafe-eval'`: the
 *   worker evaluates the runner bundle and the learner's code; `'wasm-unsafe-eval'`:
 *   the WASM backend compiles its binaries. No source lists a URL, so
 *   `importScripts(url)` and `import(url)` fail.
 * - `worker-src data: blob:`: the learner's worker, `data:` or `blob:` (see above),
 *   and the threaded WASM build's pthread workers, which tfjs starts from `blob:`
 *   URLs; any worker started here inherits all of this policy.
 * - `script-src blob:`: those pthread workers `importScripts` tfjs' module from a
 *   `blob:` URL. A blob URL resolves only in the origin that made it (this opaque
 *   one), so it only ever runs text already inside the sandbox: no network.
 * - `connect-src blob:`: tfjs reads the WASM binaries from `blob:` URLs the worker
 *   made of the bytes the host sent. fetch, XHR, WebSocket, EventSource and
 *   WebTransport to any URL fail.
 * - `default-src 'none'` for everything else (images, fonts, frames, media).
 */
export const SANDBOX_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
  'worker-src data: blob:',
  'connect-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const SANDBOX_SRCDOC = `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"><title>Tensor Dojo sandbox</title><script>(${iframeMain.toString()})(${JSON.stringify(WORKER_BOOT)});</script>`;
