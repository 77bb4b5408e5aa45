/**
 * The trusted grader, off the main thread so grading never freezes the page.
 * Same-origin and ours: it may read the test split, which never enters the sandbox.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { selectBackend } from './backend';
import { drillEntryFor } from './drill-lookup';
import { registerDojoKernels } from './kernels';
import { WASM_ASSET_URLS } from './wasm-assets';
import { withThreadedFallback } from './wasm-paths';
import { loadAllSplits } from './drill-data';
import { gradeArtifacts } from './grade-artifacts';
import type { GraderRequest, GraderResponse } from './grader-protocol';

const scope = self as unknown as { postMessage(m: GraderResponse): void; onmessage: ((e: MessageEvent<GraderRequest>) => void) | null };

let backendReady: Promise<unknown> | undefined;

/**
 * WebGL on a real GPU, else WASM, else the CPU: grading is inference only, over the
 * whole test split. `selectBackend` passes over a WebGL emulated on the CPU; measured
 * on a Fashion-MNIST CNN's 10,000 test images: WASM 3–7 s, SwiftShader WebGL 57–100 s,
 * `cpu` 135 s.
 */
async function startBackend(): Promise<void> {
  // Same-origin and ours, so WASM comes from the app's own (precached) files.
  // Never the threaded build here, even where the app is cross-origin isolated:
  // its pthread workers load the main script with importScripts, which this
  // module worker (a Vite ES chunk) cannot give them — they died with
  // "ReferenceError: e is not defined" and every Submit with "The grader crashed".
  // Grading is one pass of inference; the sandbox's classic worker trains threaded.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // setWasmPaths insists on a path for every build; this one is never loaded.
  setWasmPaths(withThreadedFallback(WASM_ASSET_URLS));
  const { backend, attempts } = await selectBackend(tf, 'auto');
  if (!backend) throw new Error(`No backend could start for grading: ${attempts.map((a) => `${a.backend} (${a.error})`).join('; ')}.`);
  if (backend === 'cpu' || backend === 'wasm') registerDojoKernels(backend);
}

scope.onmessage = async (event) => {
  const { id, drillId, artifacts, datasetsUrl, custom } = event.data;
  try {
    backendReady ??= startBackend().catch((e: unknown) => {
      backendReady = undefined; // the next Submit tries again
      throw e;
    });
    await backendReady;
    const { drill } = drillEntryFor(drillId, custom);
    const splits = await loadAllSplits(drill, datasetsUrl);
    const report = await gradeArtifacts(drill, artifacts, splits);
    scope.postMessage({ id, ok: true, report });
  } catch (e) {
    scope.postMessage({ id, ok: false, message: (e as Error).message ?? String(e) });
  }
};
