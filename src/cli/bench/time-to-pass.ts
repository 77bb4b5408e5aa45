/**
 * `dojo bench time-to-pass`: how long a learner waits, per backend, for a passing
 * mark from each drill's reference solution.
 * - In Node (`cpu`, `wasm`, in a worker thread): the time until the model first
 *   passes, graded at epoch ends as if the code had stopped there (`pass-probe.ts`;
 *   the probes' grading is not counted, the deciding grade is). A reference trains
 *   on past its pass for margin; that part is not waiting for a pass.
 * - In headless Chromium (the real app): the whole reference run, then Submit, on
 *   wasm/cpu/webgl — what a learner pressing Run and Submit waits.
 *
 * Baseline: stock tfjs `cpu` in Node (our kernels unregistered), the same reference
 * and probes. Where stock is too slow to pass within its cap (Embedding and conv
 * gradients: hours), the baseline is the cap — so the ratio is a lower bound — and
 * the row gives the stock run's progress and its first fit's estimate at its pace.
 * Headless Chromium's WebGL is SwiftShader, on the CPU: no GPU here.
 * DOJO_BENCH_BROWSER=0 leaves the browser runs out; DOJO_BENCH_NODE_BACKENDS picks
 * Node's (empty: none, only the stock baseline, e.g. to give the browser the hours).
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_PASS_POINTS } from '../../core/drill';
import { drillFile, loadRegistry } from '../exercises';
import type { NodeBackend } from '../node-runner';
import { runCapped, type CappedOutcome } from './capped-node-run';
import { chooseBackend, openDrill, pasteCode, settle, submitForMark, timedRun, type BrowserBackend } from './browser-app';
import { startBrowserBench } from './browser-env';
import type { BenchRow, BenchSection } from './index';

const NODE_BACKENDS: NodeBackend[] = ['cpu', 'wasm'];

function nodeBackends(): NodeBackend[] {
  const picked = process.env.DOJO_BENCH_NODE_BACKENDS;
  if (picked === undefined) return NODE_BACKENDS;
  const list = picked.split(',').filter(Boolean);
  const unknown = list.filter((b) => !(NODE_BACKENDS as string[]).includes(b));
  if (unknown.length) throw new Error(`DOJO_BENCH_NODE_BACKENDS: unknown backend ${unknown.join(', ')} (Node has ${NODE_BACKENDS.join(', ')}).`);
  return list as NodeBackend[];
}
// WebGL last: a run past the cap leaves SwiftShader's queued work slowing whatever runs next.
const BROWSER_BACKENDS: BrowserBackend[] = ['wasm', 'cpu', 'webgl'];

interface Outcome {
  ms: number;
  points: number;
  passed: boolean;
  /** Where a Node run passed: an epoch's end, or (null) the returned model. */
  at?: { fit: number; epoch: number; epochs: number } | null;
}

function whereItPassed(at: Outcome['at']): string {
  if (at === undefined) return '';
  if (at === null) return ', graded at the end';
  // A reference that calls fit once per epoch (fresh augmentation each time) counts fits.
  if (at.epochs === 1 && at.fit > 1) return ` after fit ${at.fit} (one epoch each)`;
  return ` after epoch ${at.epoch} of ${at.epochs}${at.fit > 1 ? ` in fit ${at.fit}` : ''}`;
}

interface Baseline {
  ms: number;
  label: string;
  /** The stock run was stopped at the cap: `ms` is the cap, a lower bound. */
  stopped: boolean;
  /** A stopped stock run's estimate of its first fit (for most references, the whole run) at its pace so far. */
  estimateMs?: number;
}

/** What a capped stock run says as a baseline: its time, or at least the cap (and the estimate, when there is one). */
function stockBaseline(o: CappedOutcome): Baseline {
  if (o.kind === 'done') return { ms: o.ms, stopped: false, label: `stock cpu in Node (${o.passed ? `passes${whereItPassed(o.at)}` : 'fails'})` };
  // Progress and estimate are of the first fit: whether the reference calls fit again is not known yet.
  const done = o.fraction === null || o.fits !== 1 ? '' : `, fit 1 ${(o.fraction * 100).toFixed(o.fraction < 0.01 ? 2 : o.fraction < 0.1 ? 1 : 0)} % done`;
  const estimate = o.estimateMs === null ? '' : `, fit 1 ~${formatDuration(o.estimateMs)} at that pace`;
  return { ms: o.capMs, stopped: true, estimateMs: o.estimateMs ?? undefined, label: `stock cpu in Node, stopped at ${o.capMs / 1000} s${done}${estimate}` };
}

function formatDuration(ms: number): string {
  const s = ms / 1000;
  return s < 120 ? `${s.toFixed(0)} s` : s < 7200 ? `${(s / 60).toFixed(0)} min` : `${(s / 3600).toFixed(1)} h`;
}

/** A stopped single-fit stock run's time to the epoch where ours passed, at its pace: what the lower bound leaves out. */
function stockToSameEpoch(base: Baseline, o: Outcome): string {
  if (!base.stopped || base.estimateMs === undefined || !o.at || o.at.fit !== 1) return '';
  const ms = (base.estimateMs * o.at.epoch) / o.at.epochs;
  return `; stock to that epoch ~${formatDuration(ms)} at its pace (~${(ms / o.ms).toFixed(0)}×)`;
}

function row(drillId: string, where: string, backend: string, base: Baseline, o: Outcome & { split?: string }): BenchRow {
  const verdict = `${o.passed ? `${o.points}/5${whereItPassed(o.at)}` : `did NOT pass: ${o.points}/5`}${o.split ? `; ${o.split}` : ''}`;
  return {
    name: `time-to-pass: ${drillId} reference, ${where} ${backend} (${verdict}) vs ${base.label}${base.stopped || o.at === undefined ? '; ratio is a lower bound' : ''}${stockToSameEpoch(base, o)}`,
    baseline: base.ms / 1000,
    ours: o.ms / 1000,
    ratio: base.ms / o.ms,
    unit: 's',
  };
}

/** A run of ours stopped at the cap: compared by estimates when both sides have one, else by what is known. */
function cappedRow(drillId: string, where: string, backend: string, base: Baseline, capMs: number, note: string, estimateMs?: number | null): BenchRow {
  const byEstimates = base.estimateMs !== undefined && estimateMs != null;
  const basis = byEstimates ? 'ratio of the two estimates' : base.stopped ? 'ratio says nothing: both stopped' : 'ratio is an upper bound';
  return {
    name: `time-to-pass: ${drillId} reference, ${where} ${backend} (no result within ${capMs / 1000} s${note}) vs ${base.label}; ${basis}`,
    baseline: (byEstimates ? base.estimateMs! : base.ms) / 1000,
    ours: (byEstimates ? estimateMs! : capMs) / 1000,
    ratio: byEstimates ? base.estimateMs! / estimateMs! : base.ms / capMs,
    unit: 's',
  };
}

/**
 * Every shipped drill by default (DOJO_BENCH_DRILLS picks some). Each run, in Node
 * and in the browser, is stopped at DOJO_BENCH_RUN_CAP_MS of training (default
 * 3 min; DOJO_BENCH_STOCK_CAP_MS for the stock baseline) and then says so: the CNN
 * and Embedding references take tens of minutes on `cpu`, and the stock-`cpu`
 * baseline hours, which would make the bench a day's work.
 */
export async function benchTimeToPass(emit: Parameters<BenchSection>[0], opts: { drills?: string[]; browser?: boolean; capMs?: number } = {}): Promise<void> {
  const registry = await loadRegistry();
  const ids = opts.drills ?? process.env.DOJO_BENCH_DRILLS?.split(',') ?? registry.list().map((d) => d.id);
  const drills = ids.map((id) => registry.get(id).drill);
  const capMs = opts.capMs ?? Number(process.env.DOJO_BENCH_RUN_CAP_MS || 180_000);
  // Stock is hours where our kernels matter; its cap only bounds the lower bound it gives.
  const stockCapMs = Number(process.env.DOJO_BENCH_STOCK_CAP_MS || capMs);
  const baselines = new Map<string, Baseline>();
  for (const drill of drills) {
    const base = stockBaseline(await runCapped({ drillId: drill.id, backend: 'cpu', kernels: 'stock' }, stockCapMs));
    baselines.set(drill.id, base);
    for (const backend of nodeBackends()) {
      const o = await runCapped({ drillId: drill.id, backend, kernels: 'ours' }, capMs);
      if (o.kind === 'done') emit(row(drill.id, 'Node', backend, base, o));
      else emit(cappedRow(drill.id, 'Node', backend, base, capMs, o.estimateMs === null ? '' : `; fit 1 ~${formatDuration(o.estimateMs)} at that pace`, o.estimateMs));
    }
  }
  if ((opts.browser ?? process.env.DOJO_BENCH_BROWSER !== '0') === false) return;

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
            emit(cappedRow(drill.id, 'Chromium', backend, baselines.get(drill.id)!, capMs, `: ${(e as Error).message.slice(0, 60)}`));
            continue;
          }
          const t0 = performance.now();
          // A mark already on screen (from the previous backend) must not be read as this one's.
          await page.getByTestId('mark').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
          const points = await submitForMark(page);
          const gradeMs = performance.now() - t0;
          // Ours here is the whole run, past the pass: against the stock first pass, a lower bound.
          const split = `whole run ${(run.wallMs / 1000).toFixed(1)} s + grade ${(gradeMs / 1000).toFixed(1)} s`;
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
