/**
 * The trusted grader, off the main thread so grading never freezes the page.
 * Same-origin and ours: it may read the test split, which never enters the sandbox.
 */
import * as tf from '@tensorflow/tfjs';
import { drillEntryFor } from './drill-lookup';
import { loadAllSplits } from './drill-data';
import { gradeArtifacts } from './grade-artifacts';
import type { GraderRequest, GraderResponse } from './grader-protocol';

const scope = self as unknown as { postMessage(m: GraderResponse): void; onmessage: ((e: MessageEvent<GraderRequest>) => void) | null };

let backendReady: Promise<unknown> | undefined;

scope.onmessage = async (event) => {
  const { id, drillId, artifacts, datasetsUrl, custom } = event.data;
  try {
    // WebGL when the worker has OffscreenCanvas, else the CPU: grading is inference only.
    backendReady ??= tf.setBackend('webgl').catch(() => false).then((ok) => (ok ? true : tf.setBackend('cpu')));
    await backendReady;
    const { drill } = drillEntryFor(drillId, custom);
    const splits = await loadAllSplits(drill, datasetsUrl);
    const report = await gradeArtifacts(drill, artifacts, splits);
    scope.postMessage({ id, ok: true, report });
  } catch (e) {
    scope.postMessage({ id, ok: false, message: (e as Error).message ?? String(e) });
  }
};
