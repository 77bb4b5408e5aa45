/**
 * One Node time-to-pass run in a worker thread, so the bench can stop it at its
 * cap: in-process, a `cpu` fit never yields, and no timer could interrupt it.
 * Trains a drill's reference solution (ours: our kernels; stock: none of them),
 * grading the model at epoch ends (`pass-probe.ts`) until it passes, and grades
 * the returned model if no probe did. Posts progress as it goes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { gradeArtifacts } from '../../runner/grade-artifacts';
import { drillFile, loadRegistry } from '../exercises';
import { loadSplitsNode, trainFile, type NodeBackend } from '../node-runner';
import { passProbe, TrainingClock } from './pass-probe';

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
  /** A probe grades (begin) and is done (end): that time is not training, nor counted against the cap. */
  | { type: 'probe'; phase: 'begin' | 'end' }
  /**
   * `ms`: training (probes' grading excluded) plus the deciding grade. `at`: the
   * epoch whose end passed, or null when the returned model was graded.
   */
  | { type: 'done'; ms: number; points: number; passed: boolean; at: { fit: number; epoch: number; epochs: number } | null }
  | { type: 'failed'; message: string };

async function main(req: CappedRunRequest): Promise<CappedRunMessage> {
  const drill = (await loadRegistry()).get(req.drillId).drill;
  const splits = await loadSplitsNode(drill);
  const post = (m: CappedRunMessage) => parentPort!.postMessage(m);
  let fit = 0;
  let epochs = 0;
  let epoch = 0;
  post({ type: 'training' });
  const clock = new TrainingClock();
  const probe = passProbe(drill, splits, clock, {
    onGrade: (phase) => post({ type: 'probe', phase }),
    onPass: ({ report, ms }) => {
      post({ type: 'done', ms, points: report.points, passed: true, at: { fit, epoch, epochs } });
      // The parent ends this thread on `done`; training must not go on meanwhile.
      return new Promise<never>(() => {});
    },
  });
  // Counted here, not from 'epoch' events: those go out once the epoch's logs are read back.
  const onEpochEnd = async (model: Parameters<typeof probe>[0]) => {
    epoch++;
    await probe(model);
  };
  const result = await trainFile({
    drill,
    file: drillFile(drill.id, 'solution'),
    backend: req.backend,
    splits,
    kernels: req.kernels,
    onEpochEnd,
    onEvent: (e) => {
      if (e.type === 'train-begin') {
        fit++;
        epoch = 0;
        epochs = e.epochs;
        post({ type: 'train-begin', epochs: e.epochs, batchesPerEpoch: e.batchesPerEpoch });
      } else if (e.type === 'batch') post({ type: 'progress', epoch: e.epoch, batch: e.batch });
      else if (e.type === 'epoch') post({ type: 'progress', epoch: e.epoch + 1, batch: null });
    },
  });
  if (!result.ok) return { type: 'failed', message: result.error.message };
  const t0 = performance.now();
  const report = await gradeArtifacts(drill, result.artifacts, splits);
  return { type: 'done', ms: clock.trainMs(t0) + (performance.now() - t0), points: report.points, passed: report.passed, at: null };
}

main(workerData as CappedRunRequest).then(
  (m) => parentPort!.postMessage(m),
  (e: Error) => parentPort!.postMessage({ type: 'failed', message: e?.message ?? String(e) }),
);
