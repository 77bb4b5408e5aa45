/**
 * One Node time-to-pass run in a worker thread, so the bench can stop it at its
 * cap: in-process, a `cpu` fit never yields, and no timer could interrupt it.
 * Trains a drill's reference solution (ours: our kernels; stock: none of them)
 * and grades it, posting progress as it goes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { gradeArtifacts } from '../../runner/grade-artifacts';
import { drillFile, loadRegistry } from '../exercises';
import { loadSplitsNode, trainFile, type NodeBackend } from '../node-runner';

export interface CappedRunRequest {
  drillId: string;
  backend: NodeBackend;
  kernels: 'ours' | 'stock';
}

export type CappedRunMessage =
  /** Data loaded; training starts now (the cap counts from here). */
  | { type: 'training' }
  | { type: 'train-begin'; epochs: number; batchesPerEpoch: number | null }
  /** `batch: null` is an epoch's end. */
  | { type: 'progress'; epoch: number; batch: number | null }
  | { type: 'done'; ms: number; points: number; passed: boolean }
  | { type: 'failed'; message: string };

async function main(req: CappedRunRequest): Promise<CappedRunMessage> {
  const drill = (await loadRegistry()).get(req.drillId).drill;
  const splits = await loadSplitsNode(drill);
  const post = (m: CappedRunMessage) => parentPort!.postMessage(m);
  const t0 = performance.now();
  post({ type: 'training' });
  const result = await trainFile({
    drill,
    file: drillFile(drill.id, 'solution'),
    backend: req.backend,
    splits,
    kernels: req.kernels,
    onEvent: (e) => {
      if (e.type === 'train-begin') post({ type: 'train-begin', epochs: e.epochs, batchesPerEpoch: e.batchesPerEpoch });
      else if (e.type === 'batch') post({ type: 'progress', epoch: e.epoch, batch: e.batch });
      else if (e.type === 'epoch') post({ type: 'progress', epoch: e.epoch + 1, batch: null });
    },
  });
  if (!result.ok) return { type: 'failed', message: result.error.message };
  const report = await gradeArtifacts(drill, result.artifacts, splits);
  return { type: 'done', ms: performance.now() - t0, points: report.points, passed: report.passed };
}

main(workerData as CappedRunRequest).then(
  (m) => parentPort!.postMessage(m),
  (e: Error) => parentPort!.postMessage({ type: 'failed', message: e?.message ?? String(e) }),
);
