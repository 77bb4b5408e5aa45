/**
 * `dojo bench time-to-pass`: how long a learner waits, per backend, from pressing
 * Run on a fast reference solution to a passing mark — training plus grading.
 * In Node (`cpu`, `wasm`, through `trainFile` + `gradeArtifacts`) and in headless
 * Chromium (the real app: Run, then Submit, on webgl/wasm/cpu).
 *
 * Baseline: stock tfjs `cpu` in Node (our kernels unregistered). For spam-or-ham
 * stock `cpu` trains its Embedding at ~20 samples/s (see the kernels rows), hours
 * for one run, so its baseline is Node `cpu` with our kernels, and the row says so.
 * A browser run gets DOJO_BENCH_RUN_CAP_MS (default 3 min); past that the row says
 * "no result within …" (headless Chromium's WebGL is SwiftShader, on the CPU).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { AllSplits } from '../../core/data';
import { DEFAULT_PASS_POINTS, drillMeta, type Drill } from '../../core/drill';
import * as labApi from '../../core/lab';
import { executeLearnerCode, type ExecuteResult } from '../../runner/execute';
import { gradeArtifacts } from '../../runner/grade-artifacts';
import { unregisterDojoKernels } from '../../runner/kernels';
import { drillFile, loadRegistry } from '../exercises';
import { loadSplitsNode, trainFile, useBackend, type NodeBackend } from '../node-runner';
import { chooseBackend, openDrill, pasteCode, settle, submitForMark, timedRun, type BrowserBackend } from './browser-app';
import { startBrowserBench } from './browser-env';
import type { BenchRow, BenchSection } from './index';

export const TIME_TO_PASS_DRILLS = ['auto-mpg', 'spam-or-ham', 'co2-forecast'];
const NODE_BACKENDS: NodeBackend[] = ['cpu', 'wasm'];
// WebGL last: a run past the cap leaves SwiftShader's queued work slowing whatever runs next.
const BROWSER_BACKENDS: BrowserBackend[] = ['wasm', 'cpu', 'webgl'];
/** Drills whose stock-cpu run is too slow to be a baseline (Embedding → UnsortedSegmentSum). */
const STOCK_TOO_SLOW = new Set(['spam-or-ham']);

interface Outcome {
  ms: number;
  points: number;
  passed: boolean;
}

async function nodeTimeToPass(drill: Drill, backend: NodeBackend, kernels: 'ours' | 'stock'): Promise<Outcome> {
  const splits = await loadSplitsNode(drill);
  const file = drillFile(drill.id, 'solution');
  const t0 = performance.now();
  const result = kernels === 'ours' ? await trainFile({ drill, file, backend, splits }) : await trainStockCpu(drill, file, splits);
  if (!result.ok) throw new Error(`${drill.id} reference failed on ${backend}: ${result.error.message}`);
  const report = await gradeArtifacts(drill, result.artifacts, splits);
  const ms = performance.now() - t0;
  // Later runs get our kernels back.
  if (kernels === 'stock') await useBackend('cpu');
  return { ms, points: report.points, passed: report.passed };
}

/** `trainFile` on stock tfjs `cpu`: the same executor, our kernels unregistered. */
async function trainStockCpu(drill: Drill, file: string, splits: AllSplits): Promise<ExecuteResult> {
  await useBackend('cpu');
  unregisterDojoKernels('cpu');
  return executeLearnerCode({
    tf,
    modules: { 'tensor-dojo': labApi },
    source: readFileSync(file, 'utf8'),
    filename: path.basename(file),
    drill: drillMeta(drill),
    splits: { train: splits.train, validation: splits.validation },
    backend: 'cpu',
    emit: () => {},
    batchEventIntervalMs: 1000,
  });
}

function row(drillId: string, where: string, backend: string, base: { ms: number; label: string }, o: Outcome & { split?: string }): BenchRow {
  const verdict = `${o.passed ? `${o.points}/5` : `did NOT pass: ${o.points}/5`}${o.split ? `; ${o.split}` : ''}`;
  return {
    name: `time-to-pass: ${drillId} reference, ${where} ${backend} (${verdict}) vs ${base.label}`,
    baseline: base.ms / 1000,
    ours: o.ms / 1000,
    ratio: base.ms / o.ms,
    unit: 's',
  };
}

export async function benchTimeToPass(emit: Parameters<BenchSection>[0], opts: { drills?: string[]; browser?: boolean; capMs?: number } = {}): Promise<void> {
  const registry = await loadRegistry();
  const drills = (opts.drills ?? process.env.DOJO_BENCH_DRILLS?.split(',') ?? TIME_TO_PASS_DRILLS).map((id) => registry.get(id).drill);
  const baselines = new Map<string, { ms: number; label: string }>();
  const nodeRuns = new Map<string, Outcome>();
  for (const drill of drills) {
    for (const backend of NODE_BACKENDS) nodeRuns.set(`${drill.id}:${backend}`, await nodeTimeToPass(drill, backend, 'ours'));
    if (STOCK_TOO_SLOW.has(drill.id)) {
      baselines.set(drill.id, { ms: nodeRuns.get(`${drill.id}:cpu`)!.ms, label: 'Node cpu with our kernels (stock cpu: hours)' });
    } else {
      const stock = await nodeTimeToPass(drill, 'cpu', 'stock');
      baselines.set(drill.id, { ms: stock.ms, label: `stock cpu in Node (${stock.passed ? 'passes' : 'fails'})` });
    }
    for (const backend of NODE_BACKENDS) emit(row(drill.id, 'Node', backend, baselines.get(drill.id)!, nodeRuns.get(`${drill.id}:${backend}`)!));
  }
  if (opts.browser === false) return;
  const capMs = opts.capMs ?? Number(process.env.DOJO_BENCH_RUN_CAP_MS || 180_000);

  const env = await startBrowserBench();
  try {
    for (const drill of drills) {
      const { context, page } = await env.newPage();
      try {
        await openDrill(page, env.url, drill.id);
        await pasteCode(page, readFileSync(drillFile(drill.id, 'solution'), 'utf8'));
        for (const backend of (process.env.DOJO_BENCH_BACKENDS?.split(',') as BrowserBackend[] | undefined) ?? BROWSER_BACKENDS) {
          await chooseBackend(page, backend);
          await settle(page);
          let run;
          try {
            run = await timedRun(page, capMs);
          } catch (e) {
            // SwiftShader (CPU-emulated WebGL) can take far longer than a learner would wait.
            await page.getByRole('button', { name: 'Stop', exact: true }).click().catch(() => {});
            const base = baselines.get(drill.id)!;
            emit({
              name: `time-to-pass: ${drill.id} reference, Chromium ${backend} (no result within ${capMs / 1000} s: ${(e as Error).message.slice(0, 60)}) vs ${base.label}`,
              baseline: base.ms / 1000,
              ours: capMs / 1000,
              ratio: base.ms / capMs,
              unit: 's',
            });
            continue;
          }
          const t0 = performance.now();
          // A mark already on screen (from the previous backend) must not be read as this one's.
          await page.getByTestId('mark').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
          const points = await submitForMark(page);
          const gradeMs = performance.now() - t0;
          const split = `run ${(run.wallMs / 1000).toFixed(1)} s + grade ${(gradeMs / 1000).toFixed(1)} s`;
          emit(row(drill.id, 'Chromium', backend, baselines.get(drill.id)!, { ms: run.wallMs + gradeMs, points, passed: points >= DEFAULT_PASS_POINTS, split }));
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await env.close();
  }
}
