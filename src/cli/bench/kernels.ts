/**
 * Kernel rows of `dojo bench`: training throughput with our kernels against
 * stock tfjs, measured side by side in this process (ours are unregistered
 * for the baseline and registered again for our run).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerDojoKernels, unregisterDojoKernels, type DojoBackendName } from '../../runner/kernels';

export interface BenchRow {
  name: string;
  baseline: number;
  ours: number;
  /** ours / baseline: above 1 means ours is faster (the unit is a rate). */
  ratio: number;
  unit: string;
}

export type BenchSize = 'small' | 'full';

export interface KernelBenchOptions {
  /** `small` (default) keeps the whole kernel bench around 20–30 s on 2 busy cores; `full` uses drill-sized models. */
  size?: BenchSize;
  /** Time spent measuring each side of a row, after one warm-up step. */
  budgetMs?: number;
}

export type Setup = { backend: DojoBackendName; kernels: 'stock' | 'ours' };

export interface Workload {
  build: () => tf.LayersModel;
  x: () => tf.Tensor;
  y: () => tf.Tensor;
  batch: number;
}

const BATCH = 32;

function budget(opts: KernelBenchOptions): number {
  return opts.budgetMs ?? (opts.size === 'full' ? 8000 : 1500);
}

async function useSetup({ backend, kernels }: Setup): Promise<void> {
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend '${backend}' failed to initialise`);
  if (kernels === 'ours') registerDojoKernels(backend);
  else unregisterDojoKernels(backend);
}

/**
 * Samples per second of `trainOnBatch` on one fixed batch. Steps are whole:
 * a stock step slower than the budget still counts once (stock cpu Embedding
 * steps take seconds to minutes).
 */
export async function trainingThroughput(setup: Setup, work: Workload, budgetMs: number): Promise<number> {
  await useSetup(setup);
  const model = work.build();
  const x = work.x();
  const y = work.y();
  try {
    await model.trainOnBatch(x, y);
    let steps = 0;
    const start = performance.now();
    let elapsed = 0;
    while (steps < 2 || elapsed < budgetMs) {
      await model.trainOnBatch(x, y);
      steps++;
      elapsed = performance.now() - start;
    }
    return (steps * work.batch * 1000) / elapsed;
  } finally {
    tf.dispose([x, y]);
    model.dispose();
  }
}

function row(name: string, baseline: number, ours: number): BenchRow {
  const round = (v: number) => Math.round(v * 10) / 10;
  return { name, baseline: round(baseline), ours: round(ours), ratio: round(ours / baseline), unit: 'samples/s' };
}

function embeddingWorkload(size: BenchSize): Workload {
  const vocab = size === 'full' ? 10000 : 1000;
  const length = size === 'full' ? 120 : 20;
  return {
    batch: BATCH,
    build: () => {
      const model = tf.sequential({
        layers: [
          tf.layers.embedding({ inputDim: vocab, outputDim: 16, inputLength: length }),
          tf.layers.globalAveragePooling1d(),
          tf.layers.dense({ units: 16, activation: 'relu' }),
          tf.layers.dense({ units: 1, activation: 'sigmoid' }),
        ],
      });
      model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
      return model;
    },
    x: () => tf.randomUniform([BATCH, length], 0, vocab, 'int32').cast('float32'),
    y: () => tf.randomUniform([BATCH, 1], 0, 2, 'int32').cast('float32'),
  };
}

function convWorkload(size: BenchSize): Workload {
  const [f1, f2] = size === 'full' ? [32, 64] : [8, 16];
  return {
    batch: BATCH,
    build: () => {
      const model = tf.sequential({
        layers: [
          tf.layers.conv2d({ inputShape: [28, 28, 1], filters: f1, kernelSize: 3, activation: 'relu' }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.conv2d({ filters: f2, kernelSize: 3, activation: 'relu' }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.flatten(),
          tf.layers.dropout({ rate: 0.2 }),
          tf.layers.dense({ units: 10, activation: 'softmax' }),
        ],
      });
      model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
      return model;
    },
    x: () => tf.randomUniform([BATCH, 28, 28, 1]),
    y: () => tf.oneHot(tf.randomUniform([BATCH], 0, 10, 'int32'), 10),
  };
}

function recurrentWorkload(size: BenchSize): Workload {
  const steps = size === 'full' ? 64 : 24;
  const units = size === 'full' ? 64 : 32;
  return {
    batch: BATCH,
    build: () => {
      const model = tf.sequential({
        layers: [
          tf.layers.conv1d({ inputShape: [steps, 1], filters: 16, kernelSize: 5, padding: 'same', activation: 'relu' }),
          tf.layers.gru({ units, returnSequences: true }),
          tf.layers.lstm({ units }),
          tf.layers.dense({ units: 1 }),
        ],
      });
      model.compile({ optimizer: 'adam', loss: tf.losses.huberLoss });
      return model;
    },
    x: () => tf.randomUniform([BATCH, steps, 1]),
    y: () => tf.randomUniform([BATCH, 1]),
  };
}

/** Embedding-model training on cpu: our kernels vs stock (UnsortedSegmentSum). */
export async function benchEmbeddingCpu(opts: KernelBenchOptions = {}): Promise<BenchRow> {
  const work = embeddingWorkload(opts.size ?? 'small');
  const baseline = await trainingThroughput({ backend: 'cpu', kernels: 'stock' }, work, budget(opts));
  const ours = await trainingThroughput({ backend: 'cpu', kernels: 'ours' }, work, budget(opts));
  return row('Embedding training: cpu ours vs cpu stock', baseline, ours);
}

/** The same Embedding model on wasm with our kernels vs stock cpu (stock wasm cannot train it). */
export async function benchEmbeddingWasm(opts: KernelBenchOptions = {}): Promise<BenchRow> {
  const work = embeddingWorkload(opts.size ?? 'small');
  const baseline = await trainingThroughput({ backend: 'cpu', kernels: 'stock' }, work, budget(opts));
  const ours = await trainingThroughput({ backend: 'wasm', kernels: 'ours' }, work, budget(opts));
  return row('Embedding training: wasm ours vs cpu stock', baseline, ours);
}

/** A small conv net on wasm with our kernels vs stock cpu (stock wasm cannot train it). */
export async function benchConvWasm(opts: KernelBenchOptions = {}): Promise<BenchRow> {
  const work = convWorkload(opts.size ?? 'small');
  const baseline = await trainingThroughput({ backend: 'cpu', kernels: 'stock' }, work, budget(opts));
  const ours = await trainingThroughput({ backend: 'wasm', kernels: 'ours' }, work, budget(opts));
  return row('Conv-net training: wasm ours vs cpu stock', baseline, ours);
}

/** The same conv net on cpu: ours (Conv2DBackpropFilter, MaxPoolGrad) vs stock. */
export async function benchConvCpu(opts: KernelBenchOptions = {}): Promise<BenchRow> {
  const work = convWorkload(opts.size ?? 'small');
  const baseline = await trainingThroughput({ backend: 'cpu', kernels: 'stock' }, work, budget(opts));
  const ours = await trainingThroughput({ backend: 'cpu', kernels: 'ours' }, work, budget(opts));
  return row('Conv-net training: cpu ours vs cpu stock', baseline, ours);
}

/** Conv1D + GRU + LSTM forecaster on cpu: ours (SplitV, Conv2DBackpropFilter) vs stock. */
export async function benchRecurrentCpu(opts: KernelBenchOptions = {}): Promise<BenchRow> {
  const work = recurrentWorkload(opts.size ?? 'small');
  const baseline = await trainingThroughput({ backend: 'cpu', kernels: 'stock' }, work, budget(opts));
  const ours = await trainingThroughput({ backend: 'cpu', kernels: 'ours' }, work, budget(opts));
  return row('Conv1D+GRU+LSTM training: cpu ours vs cpu stock', baseline, ours);
}

/** Every kernel row, one after another; `onRow` lets the CLI print each as it lands. */
export async function runKernelBenches(
  opts: KernelBenchOptions = {},
  onRow?: (row: BenchRow) => void,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const bench of [benchEmbeddingCpu, benchEmbeddingWasm, benchConvWasm, benchConvCpu, benchRecurrentCpu]) {
    const r = await bench(opts);
    onRow?.(r);
    rows.push(r);
  }
  return rows;
}
