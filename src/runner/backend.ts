/**
 * Choosing a tfjs backend: WebGPU → WebGL → WASM → CPU, by a real capability
 * check (the backend must initialise *and* compute a small matmul correctly),
 * or the one the learner pinned.
 *
 * On 'auto', a WebGPU or WebGL that is emulated on the CPU (SwiftShader, llvmpipe:
 * what a browser without a usable GPU gives) is passed over for what comes next. Measured here
 * (`dojo bench`, 2 cores): in Chromium auto-mpg's reference runs in 5.7 s on WASM
 * against 20 s on SwiftShader's WebGL, and a Fashion-MNIST CNN is graded in ~7 s
 * against ~100 s; a small conv net trains at ~2,800 samples/s on WASM with our
 * kernels (Node) against ~270 on SwiftShader's WebGL. A pinned backend is used as is.
 */
import type * as tfType from '@tensorflow/tfjs';
import type { BackendAttempt, BackendChoice, BackendName } from './protocol';
import { BACKENDS } from './protocol';

/** The order to try: the pinned backend alone, or the fallback chain from the fastest. */
export function backendOrder(choice: BackendChoice, registered: readonly string[]): BackendName[] {
  const known = BACKENDS.filter((b) => registered.includes(b));
  if (choice === 'auto') return known;
  return known.includes(choice) ? [choice] : [];
}

/** The next backend down the chain, for "retry on the next one" after a failure. */
export function nextBackend(current: BackendName): BackendName | undefined {
  const i = BACKENDS.indexOf(current);
  return BACKENDS[i + 1];
}

export interface BackendSelection {
  backend: BackendName | undefined;
  attempts: BackendAttempt[];
}

/**
 * Tries each backend in order; `probe` runs after a successful `setBackend` so a
 * backend that initialises but computes garbage (seen with broken GPU drivers) is skipped.
 */
export async function selectBackend(tf: typeof tfType, choice: BackendChoice, checks: BackendChecks = {}): Promise<BackendSelection> {
  const { probe = computesCorrectly, emulated = emulatedRenderer } = checks;
  const attempts: BackendAttempt[] = [];
  const registered = BACKENDS.filter((b) => tf.findBackendFactory(b) != null);
  const order = backendOrder(choice, registered);
  if (order.length === 0) {
    attempts.push({ backend: choice === 'auto' ? 'cpu' : choice, ok: false, error: 'not available in this environment' });
  }
  for (const [i, name] of order.entries()) {
    try {
      const ok = await tf.setBackend(name);
      if (!ok) throw new Error('failed to initialise');
      await tf.ready();
      await probe(tf);
      const fallbackLeft = i < order.length - 1;
      const renderer = choice === 'auto' && fallbackLeft ? emulated(tf, name) : undefined;
      if (renderer) {
        // Left registered (unlike a failed one): the learner's own tf.setBackend may still pick it.
        attempts.push({ backend: name, ok: false, error: `emulated on the CPU (${renderer}), slower here than WASM or CPU; choose it to use it anyway` });
        continue;
      }
      attempts.push({ backend: name, ok: true });
      return { backend: name, attempts };
    } catch (e) {
      attempts.push({ backend: name, ok: false, error: (e as Error).message || String(e) });
      tf.removeBackend(name);
    }
  }
  return { backend: undefined, attempts };
}

/** What `selectBackend` checks a started backend with (tests pass stand-ins). */
export interface BackendChecks {
  probe?: (tf: typeof tfType) => Promise<void>;
  /** The software renderer behind a GPU backend, if it is emulated on the CPU. */
  emulated?: (tf: typeof tfType, name: BackendName) => string | undefined;
}

async function computesCorrectly(tf: typeof tfType): Promise<void> {
  const result = tf.tidy(() => tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([5, 6, 7, 8], [2, 2])));
  const values = await result.data();
  result.dispose();
  const expected = [19, 22, 43, 50];
  if (!expected.every((v, i) => Math.abs(values[i] - v) < 1e-3)) {
    throw new Error(`computes wrong results (${Array.from(values).join(', ')} instead of ${expected.join(', ')})`);
  }
}

/** A GPU emulated on the CPU, by its WebGL renderer string or WebGPU adapter info (WebGPU may say architecture "cpu"). */
export const SOFTWARE_GPU = /swiftshader|llvmpipe|softpipe|software|cpu/i;

/**
 * The name of the CPU emulation behind the current GPU backend, if it is one.
 * Reads what the backends keep of their device (tfjs 4.22 internals, hence the
 * defensive access): WebGL's renderer string, WebGPU's adapter info.
 */
export function emulatedRenderer(tf: typeof tfType, name: BackendName): string | undefined {
  const backend = tf.backend() as unknown as {
    gpgpu?: { gl?: WebGLRenderingContext };
    adapterInfo?: { vendor?: unknown; architecture?: unknown };
  };
  let described = '';
  if (name === 'webgl') {
    const gl = backend.gpgpu?.gl;
    if (!gl) return undefined;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    described = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  } else if (name === 'webgpu') {
    const info = backend.adapterInfo;
    described = `${String(info?.vendor ?? '')} ${String(info?.architecture ?? '')}`;
  }
  const match = SOFTWARE_GPU.exec(described);
  return match ? (/swiftshader/i.test(match[0]) ? 'SwiftShader' : match[0]) : undefined;
}
