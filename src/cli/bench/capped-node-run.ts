/**
 * Runs `time-to-pass-worker.ts` in a worker thread and ends it at its first pass or
 * at a cap on training time (probes' grading left out). A run cut short reports
 * how far it got and, still in its first fit, an estimate of that fit at its pace
 * (for most references the whole run: whether more fits follow is not known yet).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../paths';
import type { CappedRunMessage, CappedRunRequest } from './time-to-pass-worker';

export type CappedOutcome =
  | ({ kind: 'done' } & Omit<Extract<CappedRunMessage, { type: 'done' }>, 'type'>)
  | { kind: 'capped'; capMs: number; fits: number; fraction: number | null; estimateMs: number | null };

export function runCapped(req: CappedRunRequest, capMs: number): Promise<CappedOutcome> {
  // The CLI runs under tsx's loader, which a worker thread does not inherit.
  const tsx = import.meta.resolve('tsx/esm/api');
  const file = pathToFileURL(path.join(projectRoot, 'src/cli/bench/time-to-pass-worker.ts')).href;
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(file)}); });`, {
    eval: true,
    workerData: req,
    // Each thread's tfjs would print its "install tfjs-node" banner; results come by message.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  return new Promise((resolve, reject) => {
    let trainingStart: number | undefined;
    // Probes' grading is not training: the cap leaves it out.
    let gradingMs = 0;
    let gradingSince: number | undefined;
    let fits = 0;
    let plan: { epochs: number; batchesPerEpoch: number | null } | undefined;
    let fraction: number | null = null;
    let timer: NodeJS.Timeout | undefined;
    const finish = (o: CappedOutcome | Error) => {
      clearTimeout(timer);
      void worker.terminate();
      if (o instanceof Error) reject(o);
      else resolve(o);
    };
    const trainedMs = (now = performance.now()) => now - trainingStart! - gradingMs - (gradingSince === undefined ? 0 : now - gradingSince);
    const checkCap = () => {
      const trained = trainedMs();
      if (gradingSince !== undefined || trained < capMs) {
        // Still short of the cap in training time (or grading): look again when it could be reached.
        timer = setTimeout(checkCap, Math.max(50, capMs - trained));
        return;
      }
      const estimateMs = fits === 1 && fraction ? trained / fraction : null;
      finish({ kind: 'capped', capMs, fits, fraction, estimateMs });
    };
    worker.on('message', (m: CappedRunMessage) => {
      switch (m.type) {
        case 'training':
          // The cap counts from here: loading and decoding the dataset is not the run.
          trainingStart = performance.now();
          timer = setTimeout(checkCap, capMs);
          return;
        case 'probe':
          if (m.phase === 'begin') gradingSince = performance.now();
          else if (gradingSince !== undefined) {
            gradingMs += performance.now() - gradingSince;
            gradingSince = undefined;
          }
          return;
        case 'train-begin':
          fits++;
          plan = { epochs: m.epochs, batchesPerEpoch: m.batchesPerEpoch };
          fraction = 0;
          return;
        case 'progress':
          if (plan) {
            const within = m.batch === null ? 0 : plan.batchesPerEpoch ? (m.batch + 1) / plan.batchesPerEpoch : null;
            fraction = within === null ? null : (m.epoch + within) / plan.epochs;
          }
          return;
        case 'done':
          return finish({ kind: 'done', ms: m.ms, points: m.points, passed: m.passed, at: m.at });
        case 'failed':
          return finish(new Error(`${req.drillId} reference failed on ${req.backend}: ${m.message}`));
      }
    });
    worker.on('error', (e) => finish(e));
  });
}
