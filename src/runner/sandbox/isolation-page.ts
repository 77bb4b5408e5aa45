/**
 * The page's side of sandbox threads (see ./isolation.ts): what this page can
 * offer a sandbox, and the one reload that turns isolation on where only the
 * service worker can add the headers.
 */
import type { BackendChoice } from '../protocol';
import { sandboxWorkerKind, singleThreadReason, wasmThreadCount, type IsolationFacts, type SandboxWorkerKind } from './isolation';
import { SOFTWARE_GPU } from '../backend';

/** Matches what `emulatedRenderer` (../backend.ts) calls a CPU emulation. */

let realWebGpu: Promise<boolean> | undefined;

/** Whether WebGPU here runs on a real GPU: only then is giving up threads for it worth it. */
function hasRealWebGpu(): Promise<boolean> {
  realWebGpu ??= (async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    if (!gpu) return false;
    try {
      const adapter = (await gpu.requestAdapter()) as { isFallbackAdapter?: boolean; info?: Record<string, unknown> } | null;
      if (!adapter || adapter.isFallbackAdapter || adapter.info?.isFallbackAdapter) return false;
      const info = adapter.info ?? {};
      return !SOFTWARE_GPU.test(`${String(info.vendor ?? '')} ${String(info.architecture ?? '')} ${String(info.description ?? '')}`);
    } catch {
      return false;
    }
  })();
  return realWebGpu;
}

export interface SandboxPlan {
  worker: SandboxWorkerKind;
  threads: number;
  singleThreadReason?: string;
}

/** How to start a sandbox for a run on `backend`. */
export async function planSandbox(backend: BackendChoice): Promise<SandboxPlan> {
  const pageIsolated = globalThis.crossOriginIsolated === true;
  // Asked only where it changes the answer (an isolated page on Auto): it wakes the GPU process.
  const facts: IsolationFacts = { pageIsolated, realWebGpu: pageIsolated && backend === 'auto' ? await hasRealWebGpu() : false };
  const worker = sandboxWorkerKind(backend, facts);
  const reason = singleThreadReason(worker, facts, { protocol: location.protocol, serviceWorker: 'serviceWorker' in navigator });
  if (reason) return { worker, threads: 1, singleThreadReason: reason };
  const threads = wasmThreadCount(navigator.hardwareConcurrency);
  const fewCores = `this device reports ${navigator.hardwareConcurrency || 1} core${navigator.hardwareConcurrency === 1 ? '' : 's'}, and one is left for the page`;
  return { worker, threads, singleThreadReason: threads > 1 ? undefined : fewCores };
}

const RELOADED_KEY = 'tensor-dojo:reloaded-for-isolation';

/**
 * On a host that sends no COOP/COEP headers, the first visit is not isolated; the
 * service worker adds the headers to what it serves, so once it controls the page
 * one reload makes it isolated. That reload happens only when it cannot cost the
 * learner anything: the worker just took control, nothing has been run, and the
 * learner has not clicked or typed yet (a first visit's first seconds). Otherwise
 * the run pane says one thread and why, and the next visit is isolated. At most
 * once per tab (sessionStorage), so never a loop, even where the reload does not
 * isolate.
 */
export function installIsolationReload(anyRunStarted: () => boolean): void {
  if (globalThis.crossOriginIsolated === true || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  let touched = false;
  const touch = () => (touched = true);
  for (const type of ['pointerdown', 'keydown']) addEventListener(type, touch, { capture: true, once: true });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (touched || anyRunStarted() || globalThis.crossOriginIsolated === true) return;
    try {
      if (sessionStorage.getItem(RELOADED_KEY)) return;
      sessionStorage.setItem(RELOADED_KEY, '1');
    } catch {
      return; // no sessionStorage, no way to rule out a loop: stay on one thread
    }
    location.reload();
  });
}
