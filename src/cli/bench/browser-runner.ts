/**
 * `dojo bench runner`: the lab's overhead. The same model code on the same data,
 * trained (1) through the real app — Run in the workspace, sandbox iframe, worker,
 * executor with its fit patch and live curves — and (2) by bare tfjs in a plain
 * same-origin worker built from the same tfjs with the same kernels. Both sides
 * start a fresh worker's backend per run, as the lab does, and are timed on the
 * page's clock from the request to the trained, saved model.
 *
 * Two lab rows: the app as the learner sees it (the page draws the curves while
 * the worker trains), and the runner alone — the same run with the sandbox's
 * batch/epoch messages still posted to the page but kept from the app's UI — so the
 * runner's own cost and the cost of drawing the curves on the same cores show apart.
 * The workload times its own epochs in the worker on both sides, which splits the
 * wall-time gap into what is paid per epoch and what once per run.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { DenseBlock, TensorSplit } from '../../core/data';
import { loadRegistry } from '../exercises';
import { loadSplitsNode } from '../node-runner';
import { projectRoot } from '../paths';
import type { BaselineReply, BaselineRequest } from './browser-baseline-worker';
import { chooseBackend, hideCurves, openDrill, pasteCode, settle, timedRun, type BrowserBackend, type TimedRun } from './browser-app';
import { benchRepeats, median, startBrowserBench } from './browser-env';
import { canMeasureProcessCpu, startCpuMeter, type CpuSpan } from './process-cpu';
import type { BenchSection } from './index';

const DRILL = 'auto-mpg';
const BASELINE_ROUTE = '/__bench/baseline-worker.js';

export interface RunnerBenchOptions {
  backends?: BrowserBackend[];
  epochs?: number;
  repeats?: number;
}

/**
 * The model code both sides run, with `tf` and `data` ({ train, validation } of tensors) in scope.
 *
 * `yieldEvery: 'never'` keeps the two fit loops the same. Bare tfjs otherwise adds
 * a callback that awaits requestAnimationFrame every 125 ms, and a worker using
 * rAF gets its thread raised to display priority by Chromium (nice −8, read from
 * /proc while it trained), while the executor's fit never yields, so the baseline
 * would outrun the lab on a loaded machine for a reason that is not the runner.
 */
export function workloadBody(epochs: number): string {
  return `const model = tf.sequential({ layers: [
    tf.layers.dense({ inputShape: [data.train.xs.shape[1]], units: 64, activation: 'relu' }),
    tf.layers.dense({ units: 64, activation: 'relu' }),
    tf.layers.dense({ units: 1 }),
  ] });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });
  const epochEnds = [performance.now()];
  await model.fit(data.train.xs, data.train.ys, {
    epochs: ${epochs}, batchSize: 32, yieldEvery: 'never', validationData: [data.validation.xs, data.validation.ys],
    callbacks: { onEpochEnd: async () => void epochEnds.push(performance.now()) },
  });
  report(epochEnds.slice(1).map((t, i) => t - epochEnds[i]));
  return model;`;
}

/** How the lab side reports its epochs' times: one console line, read from the run's messages. */
const EPOCH_LINE = 'EPOCH_MS ';

/** The same body as a lab file: `lab.data` is `{ train, validation }` of tensors for a tensor drill. */
export function learnerSource(epochs: number): string {
  return `import * as tf from '@tensorflow/tfjs';

export default async function train(lab: any): Promise<tf.LayersModel> {
  const data = lab.data;
  const report = (ms: number[]) => console.log('${EPOCH_LINE}' + JSON.stringify(ms));
  ${workloadBody(epochs)}
}
`;
}

/** The epoch times a lab run printed (see learnerSource). */
function labEpochMs(run: TimedRun): number[] {
  const line = run.consoleLines.find((l) => l.startsWith(EPOCH_LINE));
  if (!line) throw new Error('The lab run printed no epoch times.');
  return JSON.parse(line.slice(EPOCH_LINE.length)) as number[];
}

/** The baseline worker: same entry style and esbuild settings as the sandbox bundle. */
export async function bundleBaselineWorker(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(projectRoot, 'src/cli/bench/browser-baseline-worker.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** URLs of the build's WASM binaries (hashed names), keyed as tfjs asks for them. */
export function wasmPaths(dist: string, baseUrl: string): Record<string, string> {
  const assets = readdirSync(path.join(dist, 'assets'));
  const find = (re: RegExp) => {
    const f = assets.find((a) => re.test(a));
    if (!f) throw new Error(`No ${re} in ${dist}/assets.`);
    return new URL(`assets/${f}`, baseUrl).href;
  };
  const plain = find(/^tfjs-backend-wasm-[\w-]+\.wasm$/);
  const simd = find(/^tfjs-backend-wasm-simd-[\w-]+\.wasm$/);
  return { 'tfjs-backend-wasm.wasm': plain, 'tfjs-backend-wasm-simd.wasm': simd, 'tfjs-backend-wasm-threaded-simd.wasm': simd };
}

type Plain = { dtype: DenseBlock['dtype']; shape: number[]; values: number[] };
const plain = (b: DenseBlock): Plain => ({ dtype: b.dtype, shape: [...b.shape], values: Array.from(b.values as ArrayLike<number>) });

export async function tensorSplits(drillId: string): Promise<BaselineRequest['data']> {
  const drill = (await loadRegistry()).get(drillId).drill;
  const splits = await loadSplitsNode(drill);
  const t = splits.train as TensorSplit;
  const v = splits.validation as TensorSplit;
  if (t.kind !== 'tensor') throw new Error(`${drillId} is not a tensor drill.`);
  return { train: { xs: t.xs, ys: t.ys }, validation: { xs: v.xs, ys: v.ys } };
}

/** Puts the data in the page once (as typed arrays) for every baseline run. */
async function installBaselineData(page: Page, data: BaselineRequest['data']): Promise<void> {
  const p = { train: { xs: plain(data.train.xs), ys: plain(data.train.ys) }, validation: { xs: plain(data.validation.xs), ys: plain(data.validation.ys) } };
  await page.evaluate((d) => {
    const typed = (b: Plain) => ({ ...b, values: b.dtype === 'int32' ? Int32Array.from(b.values) : Float32Array.from(b.values) });
    (window as unknown as { __benchData: unknown }).__benchData = {
      train: { xs: typed(d.train.xs), ys: typed(d.train.ys) },
      validation: { xs: typed(d.validation.xs), ys: typed(d.validation.ys) },
    };
  }, p);
}

/** One baseline run in a fresh, already-loaded worker; page clock from request to reply. */
export async function baselineRun(page: Page, workerUrl: string, req: Omit<BaselineRequest, 'data'>): Promise<Span & { workerMs: number; epochMs: number[] }> {
  const r = await page.evaluate(
    async ({ workerUrl, req }) => {
      const worker = new Worker(workerUrl);
      try {
        await new Promise<void>((resolve, reject) => {
          worker.onmessage = () => resolve();
          worker.onerror = (e) => reject(new Error(e.message));
        });
        const data = (window as unknown as { __benchData: unknown }).__benchData;
        const t0 = performance.now();
        const reply = await new Promise<BaselineReply>((resolve) => {
          worker.onmessage = (e: MessageEvent<BaselineReply>) => resolve(e.data);
          worker.postMessage({ ...req, data });
        });
        const endedAt = performance.now();
        return reply.ok ? { wallMs: endedAt - t0, startedAt: t0, endedAt, workerMs: reply.ms, epochMs: reply.epochMs } : { error: reply.message };
      } finally {
        worker.terminate();
      }
    },
    { workerUrl, req },
  );
  if ('error' in r) throw new Error(`Baseline run failed: ${r.error}`);
  return r;
}

export async function benchRunner(emit: Parameters<BenchSection>[0], opts: RunnerBenchOptions = {}): Promise<void> {
  const backends = opts.backends ?? ((process.env.DOJO_BENCH_BACKENDS?.split(',') as BrowserBackend[] | undefined) || ['webgl', 'cpu']);
  const epochs = opts.epochs ?? 30;
  const repeats = opts.repeats ?? benchRepeats(9);
  const [workerSource, data] = await Promise.all([bundleBaselineWorker(), tensorSplits(DRILL)]);
  const env = await startBrowserBench({ routes: { [BASELINE_ROUTE]: { type: 'text/javascript', body: async () => workerSource } } });
  try {
    const { page, context } = await env.newPage();
    await openDrill(page, env.url, DRILL);
    await pasteCode(page, learnerSource(epochs));
    await installBaselineData(page, data);
    const workerUrl = new URL(BASELINE_ROUTE.slice(1), env.url).href;
    const paths = wasmPaths(env.dist, env.url);
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    for (const backend of backends) {
      await chooseBackend(page, backend);
      const req = { backend: backend as BaselineRequest['backend'], wasmPaths: paths, body: workloadBody(epochs) };
      // Warm-up: the first run loads the dataset and compiles shaders into the browser's caches.
      await settle(page);
      const first = await timedRun(page);
      if (first.backend !== backend) throw new Error(`The lab ran on ${first.backend}, not ${backend}.`);
      await baselineRun(page, workerUrl, req);
      // Rounds of one run per side, in a rotating order so neither drift in the
      // machine's load nor the position in a round favours a side; settle before
      // each run (also before the baseline: after a lab run the app boots its next
      // spare sandbox, ~0.3 s of CPU that would otherwise land on the baseline's run).
      const labRun = (hide: boolean) => async () => {
        await hideCurves(page, hide);
        const run = await timedRun(page);
        return { ...run, epochMs: labEpochMs(run) };
      };
      const sides: Record<Side, () => Promise<Measured>> = {
        lab: () => measured(timeOrigin, labRun(false)),
        runner: () => measured(timeOrigin, labRun(true)),
        bare: () => measured(timeOrigin, () => baselineRun(page, workerUrl, req)),
      };
      const runs: Record<Side, Measured[]> = { lab: [], runner: [], bare: [] };
      for (let round = 0; round < repeats; round++) {
        for (const side of rotate(SIDES, round)) {
          await settle(page);
          runs[side].push(await sides[side]());
        }
        await hideCurves(page, false);
        if (process.env.DOJO_BENCH_VERBOSE) {
          const f = (m: Measured) => `${m.wallMs.toFixed(0)} ms${m.cpu ? ` (CPU ${m.cpu.totalMs.toFixed(0)}, workers ${m.cpu.threadMs.toFixed(0)})` : ''}`;
          process.stderr.write(`  ${backend} round ${round + 1}: lab ${f(runs.lab[round])}  runner only ${f(runs.runner[round])}  bare ${f(runs.bare[round])}\n`);
        }
      }
      const label = (side: Side) =>
        side === 'lab' ? `${DRILL} dense net, ${epochs} epochs on ${backend}, lab run in the app (curves drawn)` : 'the same, sandboxed runner alone (messages posted, curves not drawn)';
      for (const side of ['lab', 'runner'] as const) {
        const wall = pairedRatio(runs.bare.map((m) => m.wallMs), runs[side].map((m) => m.wallMs));
        emit({
          name: `runner: ${label(side)} vs bare tfjs worker; wall time, median of ${repeats} rounds (ratios ${wall.spread})`,
          baseline: median(runs.bare.map((m) => m.wallMs)),
          ours: median(runs[side].map((m) => m.wallMs)),
          ratio: wall.ratio,
          unit: 'ms',
        });
      }
      // Where a wall-time gap sits. Whole runs differ by a few % between rounds on
      // two shared cores; the epochs' own times in the worker tell a cost paid per
      // epoch (the fit patch, messages) from one paid once per run.
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const parts = [
        { what: `the epochs after the third (${epochs - 3}), summed, timed in the worker`, of: (m: Measured) => sum(m.epochMs.slice(3)), sides: ['lab', 'runner'] as const },
        { what: 'the first epoch (code not yet compiled in a fresh worker), timed in the worker', of: (m: Measured) => m.epochMs[0], sides: ['runner'] as const },
        { what: 'the rest of the run: wall time minus its epochs (start: data, backend, code; end: the saved model back on the page)', of: (m: Measured) => m.wallMs - sum(m.epochMs), sides: ['runner'] as const },
      ];
      for (const part of parts) {
        for (const side of part.sides) {
          const r = pairedRatio(runs.bare.map(part.of), runs[side].map(part.of));
          emit({
            name: `runner: ${side === 'lab' ? 'lab run in the app' : 'runner alone'} on ${backend}, ${part.what}, vs bare (ratios ${r.spread})`,
            baseline: median(runs.bare.map(part.of)),
            ours: median(runs[side].map(part.of)),
            ratio: r.ratio,
            unit: 'ms',
          });
        }
      }
      if (runs.bare.every((m) => m.cpu)) {
        const cpuRows = [
          { key: 'threadMs', what: "CPU time of the workers' threads (training + the lab's data worker)" },
          { key: 'totalMs', what: 'CPU time of all browser processes' },
        ] as const;
        for (const { key, what } of cpuRows) {
          for (const side of ['lab', 'runner'] as const) {
            const of = (list: Measured[]) => list.map((m) => m.cpu![key]);
            const cpu = pairedRatio(of(runs.bare), of(runs[side]));
            emit({
              name: `runner: ${side === 'lab' ? 'lab run in the app' : 'runner alone'} on ${backend}, ${what} per run vs bare (ratios ${cpu.spread})`,
              baseline: median(of(runs.bare)),
              ours: median(of(runs[side])),
              ratio: cpu.ratio,
              unit: 'ms CPU',
            });
          }
        }
      }
    }
    await context.close();
  } finally {
    await env.close();
  }
}

type Side = 'lab' | 'runner' | 'bare';
const SIDES: Side[] = ['lab', 'runner', 'bare'];

interface Measured {
  wallMs: number;
  /** Each epoch's time in the worker, as the workload measured it (fit's own callback). */
  epochMs: number[];
  /** CPU time during the run (Linux only): all browser processes, and the workers' threads (the one training, and the lab's data worker). */
  cpu?: CpuSpan;
}

/** Page-clock span of one run (`performance.now()` there). */
type Span = { wallMs: number; startedAt: number; endedAt: number };

async function measured(timeOrigin: number, run: () => Promise<Span & { epochMs: number[] }>): Promise<Measured> {
  const meter = canMeasureProcessCpu() ? startCpuMeter() : undefined;
  const span = await run();
  return { wallMs: span.wallMs, epochMs: span.epochMs, cpu: meter?.stop(timeOrigin + span.startedAt, timeOrigin + span.endedAt) };
}

export function rotate<T>(list: readonly T[], by: number): T[] {
  const k = ((by % list.length) + list.length) % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

/**
 * The median over rounds of baseline/ours (> 1: ours faster or cheaper), and the
 * quartiles of those ratios as text. Pairing by round cancels slow drift in the
 * machine's load, which a ratio of two separate medians would not.
 */
export function pairedRatio(baseline: number[], ours: number[]): { ratio: number; spread: string } {
  const ratios = baseline.map((b, i) => b / ours[i]).sort((a, b) => a - b);
  const q = (p: number) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.round(p * (ratios.length - 1))))];
  return { ratio: median(ratios), spread: `${q(0.25).toFixed(2)}–${q(0.75).toFixed(2)} between quartiles` };
}
