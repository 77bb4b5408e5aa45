/**
 * Threads for the sandbox: when its worker can have SharedArrayBuffer (and so tfjs'
 * threaded SIMD WASM build), how many threads it gets, and what the run pane says
 * when it cannot.
 *
 * What Chromium 156 does (measured with throwaway pages in headless Chromium, page
 * served with COOP `same-origin` + COEP `require-corp`, and again with
 * `credentialless`: same results; `sandbox="allow-scripts"` srcdoc iframe carrying
 * the sandbox CSP):
 *
 * | where                                   | crossOriginIsolated | SharedArrayBuffer | secure context, navigator.gpu |
 * | --------------------------------------- | ------------------- | ----------------- | ----------------------------- |
 * | the page                                | true                | yes               | yes                           |
 * | srcdoc iframe without `allow=`          | false               | no                | yes                           |
 * | srcdoc iframe, `allow="cross-origin-isolated"` | true         | yes               | yes                           |
 * | its `data:` worker                      | **false**           | no                | yes, WebGPU available         |
 * | its `blob:` worker                      | true                | yes               | **no** (`blob:null/…`), no WebGPU |
 * | a `blob:` worker that worker starts     | true                | yes               | no                            |
 *
 * - The srcdoc document inherits the page's COEP (it has no response of its own),
 *   but an opaque-origin frame is "cross-origin" to the page, so the
 *   `cross-origin-isolated` permission policy (default `self`) must be delegated
 *   with `allow="cross-origin-isolated"`.
 * - A `data:` worker is never isolated: it gets no COEP of its own (no response
 *   headers) and Chromium does not pass the creator's on to it; posting a shared
 *   `WebAssembly.Memory` from it fails with "SharedArrayBuffer transfer requires
 *   self.crossOriginIsolated". A `blob:` worker inherits the creator's policies
 *   (COEP and CSP alike) and is isolated, but a blob URL made in an opaque origin
 *   is `blob:null/…`, which is not a secure context, so it has no WebGPU.
 * - Either worker inherits the sandbox CSP: fetch, importScripts of a URL and
 *   nested workers' fetch all fail, and the server sees no request (the same probe
 *   as tests/e2e/trust.e2e.ts).
 *
 * So one worker cannot have both WebGPU and threads. The page picks per sandbox
 * (`sandboxWorkerKind`): the `data:` worker where WebGPU may be used on a real GPU,
 * the `blob:` worker (threaded WASM) everywhere else, which on a machine without
 * a usable GPU is what Auto ends on anyway.
 */
import type { BackendChoice } from '../protocol';

/** How the sandbox iframe starts its worker (see the table above). */
export type SandboxWorkerKind = 'data' | 'blob';

/**
 * Threads for tfjs' WASM backend (XNNPACK's pool, the worker itself included):
 * all cores but one, which is left for the page and the rest of the machine; one
 * thread on two cores. Measured on this 2-core machine (`dojo bench threads`,
 * which forces 2 threads; others' jobs kept the load at 3.5–4): a plain matmul of
 * the conv net's largest GEMM shape ran 1.83× faster on 2 threads (28.6 → 52.5
 * GFLOP/s), but the conv net trained at 0.98× (823 → 807 samples/s; 0.79× in a
 * busier run): training reaches only ~5.5 GFLOP/s, a fifth of the 1-thread matmul,
 * so ~80 % of its time is single-threaded work (our kernels' im2col and pooling
 * loops in JS, element-wise ops, Adam) and 2 threads cannot pay on 2 cores.
 * Again after our kernels moved their heavy work to XNNPACK, on a quiet machine: the
 * matmul 1.98×, the conv net 0.94× (1,676 → 1,579 samples/s). A per-kernel profile
 * shows why: only XNNPACK's convs gain (Conv2D 4.4 → 3.6 ms a step), and element-wise
 * ops and our JS loops get slower in the threaded build (Add 1.4 → 2.4–3.0 ms,
 * MaxPoolGrad 3.9 → 5.0–5.6), their thread competing with the page on 2 cores.
 * Never more than 4: tfjs 4.22 sizes its pool at most 4 (see claimCoresForXnnpack
 * in ./worker.ts), whatever it is asked.
 */
export function wasmThreadCount(hardwareConcurrency: number | undefined): number {
  const cores = Number.isInteger(hardwareConcurrency) && hardwareConcurrency! > 0 ? hardwareConcurrency! : 1;
  return Math.max(1, Math.min(4, cores - 1));
}

export interface IsolationFacts {
  /** `crossOriginIsolated` on the page: without it the sandbox cannot be isolated either. */
  pageIsolated: boolean;
  /** A WebGPU adapter that is a real GPU (not SwiftShader or another CPU fallback). */
  realWebGpu: boolean;
}

/**
 * `blob:` (threads, no WebGPU) unless WebGPU is pinned, or Auto on a real GPU
 * where WebGPU comes first; `data:` (today's worker) when the page is not isolated,
 * since a blob worker would then buy nothing and lose WebGPU.
 */
export function sandboxWorkerKind(backend: BackendChoice, facts: IsolationFacts): SandboxWorkerKind {
  if (!facts.pageIsolated) return 'data';
  if (backend === 'webgpu') return 'data';
  if (backend === 'auto' && facts.realWebGpu) return 'data';
  return 'blob';
}

/**
 * Why the sandbox will train WASM on one thread, in the learner's terms, or
 * undefined when it can use threads. Shown in the run pane's console.
 */
export function singleThreadReason(kind: SandboxWorkerKind, facts: IsolationFacts, env: { protocol: string; serviceWorker: boolean }): string | undefined {
  if (!facts.pageIsolated) {
    if (env.protocol === 'file:') return 'the app was opened from a file, which cannot be cross-origin isolated; serve it (npm run preview) to train on every core';
    if (env.serviceWorker)
      return 'this page is not cross-origin isolated yet (the server sends no COOP/COEP headers); reload once the app has finished installing for offline use and runs use every core';
    return 'this browser cannot isolate the page (no service worker and no COOP/COEP headers from the server)';
  }
  if (kind === 'data') return 'the sandbox was started for WebGPU, which cannot share memory between threads; choose WASM to train on every core';
  return undefined;
}

/** The run pane's one line about WASM threads, from what tfjs actually started. */
export function wasmThreadsNote(threads: number, reason: string | undefined): string {
  if (threads > 1) return `WASM backend: training on ${threads} threads (tfjs threaded SIMD build).`;
  return `WASM backend: training on 1 thread${reason ? `: ${reason}` : ''}.`;
}
