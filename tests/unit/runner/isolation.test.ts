import { describe, expect, it } from 'vitest';
import { sandboxWorkerKind, singleThreadReason, wasmThreadCount, wasmThreadsNote } from '../../../src/runner/sandbox/isolation';
import { SANDBOX_CSP } from '../../../src/runner/sandbox/iframe';
import { isolationServiceWorkerScript } from '../../../scripts/vite-pwa';

describe('WASM thread count', () => {
  it('uses all cores but one (one thread on two cores), at most 4 (tfjs caps its pool there)', () => {
    expect(wasmThreadCount(1)).toBe(1);
    expect(wasmThreadCount(2)).toBe(1);
    expect(wasmThreadCount(3)).toBe(2);
    expect(wasmThreadCount(4)).toBe(3);
    expect(wasmThreadCount(8)).toBe(4);
    expect(wasmThreadCount(32)).toBe(4);
  });
  it('falls back to one thread when the browser does not say', () => {
    expect(wasmThreadCount(undefined)).toBe(1);
    expect(wasmThreadCount(0)).toBe(1);
    expect(wasmThreadCount(2.5)).toBe(1);
  });
});

describe('which worker the sandbox starts', () => {
  const isolated = { pageIsolated: true, realWebGpu: false };
  it('a blob worker (threads) on an isolated page, for every backend but WebGPU', () => {
    for (const b of ['auto', 'webgl', 'wasm', 'cpu'] as const) expect(sandboxWorkerKind(b, isolated)).toBe('blob');
    expect(sandboxWorkerKind('webgpu', isolated)).toBe('data');
  });
  it('the data: worker (WebGPU) for Auto on a real GPU, and whenever the page is not isolated', () => {
    expect(sandboxWorkerKind('auto', { pageIsolated: true, realWebGpu: true })).toBe('data');
    expect(sandboxWorkerKind('wasm', { pageIsolated: true, realWebGpu: true })).toBe('blob');
    for (const b of ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const) expect(sandboxWorkerKind(b, { pageIsolated: false, realWebGpu: false })).toBe('data');
  });
});

describe('what the run pane says about threads', () => {
  const web = { protocol: 'https:', serviceWorker: true };
  it('names the reason for one thread in the learner’s terms', () => {
    expect(singleThreadReason('data', { pageIsolated: false, realWebGpu: false }, web)).toMatch(/not cross-origin isolated yet.*reload/);
    expect(singleThreadReason('data', { pageIsolated: false, realWebGpu: false }, { protocol: 'file:', serviceWorker: false })).toMatch(/opened from a file/);
    expect(singleThreadReason('data', { pageIsolated: false, realWebGpu: false }, { protocol: 'http:', serviceWorker: false })).toMatch(/cannot isolate/);
    expect(singleThreadReason('data', { pageIsolated: true, realWebGpu: true }, web)).toMatch(/WebGPU.*choose WASM/);
    expect(singleThreadReason('blob', { pageIsolated: true, realWebGpu: false }, web)).toBeUndefined();
  });
  it('one line either way', () => {
    expect(wasmThreadsNote(3, undefined)).toBe('WASM backend: training on 3 threads (tfjs threaded SIMD build).');
    expect(wasmThreadsNote(1, 'because')).toBe('WASM backend: training on 1 thread: because.');
  });
});

describe('the sandbox CSP with threads', () => {
  const directive = (name: string) => SANDBOX_CSP.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';
  it('admits blob: workers and blob: scripts (pthreads) but still no URL anywhere', () => {
    expect(directive('worker-src').split(' ').slice(1).sort()).toEqual(['blob:', 'data:']);
    expect(directive('script-src')).toContain('blob:');
    expect(directive('connect-src').split(' ').slice(1)).toEqual(['blob:']);
    expect(SANDBOX_CSP).not.toMatch(/https?:|\*|'self'/);
  });
});

describe('the service worker’s isolation headers', () => {
  /** Runs the generated script against a fake service worker scope and one fetch event. */
  async function serve(request: { mode: string; destination: string }, answer: Response | undefined) {
    let listener: ((e: unknown) => void) | undefined;
    const self = { addEventListener: (type: string, fn: (e: unknown) => void) => type === 'fetch' && (listener = fn) };
    new Function('self', isolationServiceWorkerScript())(self);
    let responded: Promise<Response> | undefined;
    const event: { request: typeof request; respondWith: (r: Promise<Response> | Response) => void } = {
      request,
      respondWith: (r) => void (responded = Promise.resolve(r)),
    };
    listener!(event);
    // What Workbox does next: answer through event.respondWith.
    if (answer) event.respondWith(Promise.resolve(answer));
    return responded && (await responded);
  }

  it('adds COOP and COEP to a page and to a worker script, keeping body and status', async () => {
    for (const request of [{ mode: 'navigate', destination: 'document' }, { mode: 'same-origin', destination: 'worker' }]) {
      const r = (await serve(request, new Response('<p>app</p>', { status: 200, headers: { 'content-type': 'text/html' } })))!;
      expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(r.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      expect(r.headers.get('content-type')).toBe('text/html');
      expect(r.status).toBe(200);
      expect(await r.text()).toBe('<p>app</p>');
    }
  });

  it('leaves other requests alone', async () => {
    const r = (await serve({ mode: 'cors', destination: '' }, new Response('{}')))!;
    expect(r.headers.get('cross-origin-embedder-policy')).toBeNull();
  });
});
