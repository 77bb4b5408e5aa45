/**
 * `dojo bench threads`: the lab's WASM backend on every core against one thread,
 * side by side in one Chromium and one build. Baseline: the app served WITHOUT the
 * COOP/COEP headers (and its service worker kept out), which is the one-thread
 * fallback the app keeps for such hosts; ours: the same build served as it ships,
 * cross-origin isolated, where the sandbox's worker gets tfjs' threaded SIMD build
 * (src/runner/sandbox/isolation.ts) on BENCH_THREADS threads (DOJO_BENCH_THREADS,
 * default 2) whatever the machine's cores, so 1 vs 2 threads is measured on 2 cores.
 *
 * Rows:
 * - a small conv net's training samples/s (Fashion-MNIST, the drill's CNN shape);
 * - the GFLOP/s that training achieves against a plain matmul of its largest GEMM's
 *   shape on the same side (how near training gets to what the machine's XNNPACK
 *   does with the same threads);
 * - `threads-pass`: time to a passing model (Run, then Submit for the mark) of the
 *   fashion-mnist-cnn and spam-lstm references, minutes per side.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { DEFAULT_PASS_POINTS } from '../../core/drill';
import { drillFile } from '../exercises';
import { chooseBackend, openDrill, pasteCode, settle, submitForMark, timedRun, type TimedRun } from './browser-app';
import { benchRepeats, median, startBrowserBench, type BrowserBench } from './browser-env';
import type { BenchRow, BenchSection } from './index';

const DRILL = 'fashion-mnist-cnn';
const LINE = 'THREADS_BENCH ';

/**
 * Multiply-adds per sample of the bench's conv net, forward (28×28×1 input):
 * conv 3×3×1→16 'same' (28·28·16·9), conv 3×3×16→32 on 14×14 (14·14·32·144),
 * dense 1568→64 and 64→10. Training costs ~3× the forward pass (forward, input
 * gradient, weight gradient), the usual estimate for conv and dense layers.
 */
export const CONV_NET_TRAIN_FLOP_PER_SAMPLE = 3 * 2 * (28 * 28 * 16 * 9 + 14 * 14 * 32 * 144 + 1568 * 64 + 64 * 10);

/**
 * The learner file each side runs: a warm-up epoch, then `epochs` timed ones on
 * `samples` images, then a matmul of conv2's forward GEMM shape for one batch of 64
 * ([64·14·14, 144] × [144, 32]) timed over as many FLOPs as the training did.
 */
export function convNetSource(samples: number, epochs: number): string {
  return `import * as tf from '@tensorflow/tfjs';

export default async function train(lab: any): Promise<tf.LayersModel> {
  const n = ${samples};
  const xs = lab.data.train.xs.slice(0, n).div(255);
  const ys = tf.oneHot(lab.data.train.ys.slice(0, n).toInt(), 10);
  const model = tf.sequential({ layers: [
    tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, activation: 'relu', padding: 'same' }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', padding: 'same' }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 64, activation: 'relu' }),
    tf.layers.dense({ units: 10, activation: 'softmax' }),
  ] });
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  // Warm-up: kernels compiled and memory grown before the clock starts.
  await model.fit(xs.slice(0, 256), ys.slice(0, 256), { epochs: 1, batchSize: 64, yieldEvery: 'never' });
  const t0 = performance.now();
  await model.fit(xs, ys, { epochs: ${epochs}, batchSize: 64, yieldEvery: 'never' });
  const trainMs = performance.now() - t0;
  const a = tf.randomNormal([64 * 14 * 14, 144]);
  const b = tf.randomNormal([144, 32]);
  const flopPerCall = 2 * 64 * 14 * 14 * 144 * 32;
  tf.matMul(a, b).dispose();
  const calls = 200;
  const m0 = performance.now();
  for (let i = 0; i < calls; i++) {
    const c = tf.matMul(a, b);
    if (i === calls - 1) await c.data();
    c.dispose();
  }
  const matMulMs = performance.now() - m0;
  tf.dispose([a, b, xs, ys]);
  console.log('${LINE}' + JSON.stringify({ samples: n * ${epochs}, trainMs, matMulGflops: (flopPerCall * calls) / matMulMs / 1e6 }));
  return model;
}
`;
}

interface ConvNetResult {
  samplesPerSecond: number;
  trainGflops: number;
  matMulGflops: number;
  threadsNote: string;
}

function parse(run: TimedRun): ConvNetResult {
  const line = run.consoleLines.find((l) => l.startsWith(LINE));
  if (!line) throw new Error(`the bench run printed no result (console: ${run.consoleLines.slice(0, 3).join(' | ')})`);
  const r = JSON.parse(line.slice(LINE.length)) as { samples: number; trainMs: number; matMulGflops: number };
  const samplesPerSecond = (r.samples * 1000) / r.trainMs;
  return {
    samplesPerSecond,
    trainGflops: (samplesPerSecond * CONV_NET_TRAIN_FLOP_PER_SAMPLE) / 1e9,
    matMulGflops: r.matMulGflops,
    threadsNote: run.consoleLines.find((l) => l.startsWith('WASM backend:')) ?? '(no WASM note)',
  };
}

type Side = 'single' | 'threaded';

/** Threads the threaded side trains on, whatever this machine has (the app would keep one core for the page). */
export const BENCH_THREADS = Number(process.env.DOJO_BENCH_THREADS) || 2;

/** The page tells the sandbox how many threads to use from its cores (all but one): show it one more than wanted. */
async function forceThreads(context: BrowserContext, side: Side): Promise<void> {
  if (side === 'threaded') await context.addInitScript(`Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { configurable: true, get: () => ${BENCH_THREADS + 1} });`);
}

/** The app for one side: not isolated (one thread) or isolated (threads). */
async function openSide(env: BrowserBench, side: Side) {
  const { context, page } = await env.newPage({ serviceWorkers: side === 'single' ? 'block' : 'allow' });
  await forceThreads(context, side);
  const url = side === 'single' ? `${env.url}?isolation=off` : env.url;
  await openDrill(page, url, DRILL);
  const isolated = await page.evaluate(() => globalThis.crossOriginIsolated === true);
  if (isolated !== (side === 'threaded')) throw new Error(`the ${side} side's page is ${isolated ? '' : 'not '}cross-origin isolated`);
  await chooseBackend(page, 'wasm');
  return { context, page };
}

export async function benchThreads(emit: (row: BenchRow) => void, opts: { samples?: number; epochs?: number; repeats?: number } = {}): Promise<void> {
  const samples = opts.samples ?? 2048;
  const epochs = opts.epochs ?? 2;
  const repeats = opts.repeats ?? benchRepeats(3);
  const env = await startBrowserBench();
  try {
    const sides = { single: await openSide(env, 'single'), threaded: await openSide(env, 'threaded') };
    for (const s of Object.values(sides)) await pasteCode(s.page, convNetSource(samples, epochs));
    const results: Record<Side, ConvNetResult[]> = { single: [], threaded: [] };
    // Alternating sides, so a busy moment on the shared machine hits both alike.
    for (let i = 0; i < repeats; i++) {
      for (const side of ['single', 'threaded'] as const) {
        await settle(sides[side].page);
        results[side].push(parse(await timedRun(sides[side].page)));
      }
    }
    for (const side of ['single', 'threaded'] as const) process.stderr.write(`bench threads: ${side}: ${results[side][0].threadsNote}\n`);
    const med = (side: Side, key: keyof Omit<ConvNetResult, 'threadsNote'>) => median(results[side].map((r) => r[key]));
    const threads = /(\d+) threads/.exec(results.threaded[0].threadsNote)?.[1] ?? '?';
    const row = (name: string, baseline: number, ours: number, unit: string): BenchRow => ({ name, baseline, ours, ratio: ours / baseline, unit });
    emit(row(`conv net training, lab sandbox WASM: 1 thread vs ${threads}`, med('single', 'samplesPerSecond'), med('threaded', 'samplesPerSecond'), 'samples/s'));
    emit(row(`conv net training GFLOP/s vs plain matmul, 1 thread`, med('single', 'matMulGflops'), med('single', 'trainGflops'), 'GFLOP/s'));
    emit(row(`conv net training GFLOP/s vs plain matmul, ${threads} threads`, med('threaded', 'matMulGflops'), med('threaded', 'trainGflops'), 'GFLOP/s'));
    emit(row(`plain matmul [12544,144]×[144,32]: 1 thread vs ${threads}`, med('single', 'matMulGflops'), med('threaded', 'matMulGflops'), 'GFLOP/s'));
    for (const s of Object.values(sides)) await s.context.close();
  } finally {
    await env.close();
  }
}

/** Time to a passing model on WASM, one thread against threads: Run the reference, then Submit. */
export async function benchThreadsTimeToPass(emit: (row: BenchRow) => void, drills = ['fashion-mnist-cnn', 'spam-lstm']): Promise<void> {
  const env = await startBrowserBench();
  try {
    for (const drill of drills) {
      const ms: Partial<Record<Side, { ms: number; points: number }>> = {};
      for (const side of ['single', 'threaded'] as const) {
        const { context, page } = await env.newPage({ serviceWorkers: side === 'single' ? 'block' : 'allow' });
        await forceThreads(context, side);
        try {
          await openDrill(page, side === 'single' ? `${env.url}?isolation=off` : env.url, drill);
          await pasteCode(page, readFileSync(drillFile(drill, 'solution'), 'utf8'));
          await chooseBackend(page, 'wasm');
          await settle(page);
          const run = await timedRun(page, 1_800_000);
          const t0 = performance.now();
          const points = await submitForMark(page);
          ms[side] = { ms: run.wallMs + performance.now() - t0, points };
          process.stderr.write(`bench threads-pass: ${drill} ${side}: ${(ms[side].ms / 1000).toFixed(1)} s, ${points}/5\n`);
        } finally {
          await context.close();
        }
      }
      const { single, threaded } = ms as Record<Side, { ms: number; points: number }>;
      const passed = (p: number) => (p >= DEFAULT_PASS_POINTS ? 'pass' : 'FAIL');
      emit({
        name: `${drill} time to a passing model, WASM 1 thread vs threads (${passed(single.points)}/${passed(threaded.points)})`,
        baseline: single.ms / 1000,
        ours: threaded.ms / 1000,
        ratio: single.ms / threaded.ms,
        unit: 's',
      });
    }
  } finally {
    await env.close();
  }
}

export const threadsSection: BenchSection = (emit) => benchThreads(emit);
export const threadsPassSection: BenchSection = (emit) => benchThreadsTimeToPass(emit);
