/**
 * Trains a learner's solution file in Node, through the same executor and lab API
 * as the browser sandbox, on tfjs's pure-JS `cpu` or the `wasm` backend (with our
 * kernels). tfjs-node is not used: it downloads a native binary at install.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { AllSplits } from '../core/data';
import type { Drill } from '../core/drill';
import { drillMeta } from '../core/drill';
import { loadDataset } from '../core/datasets';
import * as labApi from '../core/lab';
import { executeLearnerCode, type ExecuteOptions, type ExecutionEvent, type ExecuteResult } from '../runner/execute';
import { registerDojoKernels, unregisterDojoKernels } from '../runner/kernels';
import { fsSource } from './datasets/fs-source';
import { DATASETS_DIR } from './paths';
import { readPretrained } from './models/files';

export type NodeBackend = 'cpu' | 'wasm';

export async function useBackend(backend: NodeBackend): Promise<void> {
  if (tf.getBackend() !== backend) {
    if (!(await tf.setBackend(backend))) throw new Error(`The ${backend} backend could not start.`);
  }
  await tf.ready();
  registerDojoKernels(backend);
}

const datasets = new Map<string, ReturnType<typeof loadDataset>>();

export async function loadSplitsNode(drill: Drill, options: { limit?: number } = {}): Promise<AllSplits> {
  let loaded = datasets.get(drill.dataset);
  if (!loaded) {
    loaded = loadDataset(fsSource(DATASETS_DIR), drill.dataset);
    datasets.set(drill.dataset, loaded);
  }
  const splits = drill.splits(await loaded);
  return options.limit ? limitSplits(splits, options.limit) : splits;
}

export async function trainFile(opts: {
  drill: Drill;
  file: string;
  backend: NodeBackend;
  splits: AllSplits;
  onEvent?: (e: ExecutionEvent) => void;
  /** 'stock' trains on tfjs's own kernels, ours unregistered (the bench's baseline). */
  kernels?: 'ours' | 'stock';
  onEpochEnd?: ExecuteOptions['onEpochEnd'];
  /** Train a model that breaks the contract instead of stopping at fit (`--train-anyway`). */
  trainAnyway?: boolean;
}): Promise<ExecuteResult> {
  const source = await readFile(opts.file, 'utf8');
  await useBackend(opts.backend);
  if (opts.kernels === 'stock') unregisterDojoKernels(opts.backend);
  return executeLearnerCode({
    tf,
    modules: { 'tensor-dojo': labApi },
    source,
    filename: path.basename(opts.file),
    drill: drillMeta(opts.drill),
    // The drill's pretrained bases, read from public/models/ as the browser's data worker fetches them.
    splits: { train: opts.splits.train, validation: opts.splits.validation, pretrained: opts.drill.pretrained?.map((name) => readPretrained(name)) },
    backend: opts.backend,
    emit: opts.onEvent ?? (() => {}),
    batchEventIntervalMs: 1000,
    onEpochEnd: opts.onEpochEnd,
    trainAnyway: opts.trainAnyway,
  });
}

/** Keeps the first `n` examples of train and validation (tests train on small slices). */
export function limitSplits(splits: AllSplits, n: number): AllSplits {
  return { ...splits, train: headOf(splits.train, n), validation: headOf(splits.validation, Math.max(1, Math.floor(n / 4))) };
}

function headOf<S extends AllSplits['train']>(split: S, n: number): S {
  switch (split.kind) {
    case 'tensor': {
      const rows = Math.min(n, split.xs.shape[0]);
      const cut = (b: typeof split.xs) => {
        const per = b.shape.slice(1).reduce((a, c) => a * c, 1);
        return { ...b, shape: [rows, ...b.shape.slice(1)], values: b.values.slice(0, rows * per) };
      };
      return { ...split, xs: cut(split.xs), ys: cut(split.ys) };
    }
    case 'images':
      return { ...split, images: split.images.slice(0, n), labels: split.labels.slice(0, n) };
    case 'text':
      return { ...split, texts: split.texts.slice(0, n), labels: split.labels.slice(0, n) };
    case 'series':
      // Series keep their order; n counts time steps.
      return { ...split, values: split.values.slice(0, n * split.channels), time: split.time?.slice(0, n) };
  }
}
