/**
 * Choosing a tfjs backend: WebGPU → WebGL → WASM → CPU, by a real capability
 * check (the backend must initialise *and* compute a small matmul correctly),
 * or the one the learner pinned.
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
export async function selectBackend(tf: typeof tfType, choice: BackendChoice): Promise<BackendSelection> {
  const attempts: BackendAttempt[] = [];
  const registered = BACKENDS.filter((b) => tf.findBackendFactory(b) != null);
  const order = backendOrder(choice, registered);
  if (order.length === 0) {
    attempts.push({ backend: choice === 'auto' ? 'cpu' : choice, ok: false, error: 'not available in this environment' });
  }
  for (const name of order) {
    try {
      const ok = await tf.setBackend(name);
      if (!ok) throw new Error('failed to initialise');
      await tf.ready();
      await probe(tf);
      attempts.push({ backend: name, ok: true });
      return { backend: name, attempts };
    } catch (e) {
      attempts.push({ backend: name, ok: false, error: (e as Error).message || String(e) });
      tf.removeBackend(name);
    }
  }
  return { backend: undefined, attempts };
}

async function probe(tf: typeof tfType): Promise<void> {
  const result = tf.tidy(() => tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([5, 6, 7, 8], [2, 2])));
  const values = await result.data();
  result.dispose();
  const expected = [19, 22, 43, 50];
  if (!expected.every((v, i) => Math.abs(values[i] - v) < 1e-3)) {
    throw new Error(`computes wrong results (${Array.from(values).join(', ')} instead of ${expected.join(', ')})`);
  }
}
