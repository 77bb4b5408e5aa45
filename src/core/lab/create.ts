/**
 * Builds the `lab` object a learner's training function receives, from raw
 * train/validation splits. Tensors are made here, on the side that trains.
 */
import type * as tfType from '@tensorflow/tfjs';
import type { DenseBlock, LearnerSplits, Split } from '../data';
import type { DrillMeta } from '../drill';
import type { Lab, LabData, LabelledSplit } from './types';
import { type PretrainedArtifacts, modelFromPretrained, unknownPretrained } from './pretrained';

export function denseToTensor(tf: typeof tfType, block: DenseBlock): tfType.Tensor {
  // tfjs has no uint8 dtype; pixels become float32 so `x.div(255)` divides (int32 / int32 would floor).
  const values = block.dtype === 'uint8' ? Float32Array.from(block.values) : block.values;
  return tf.tensor(values as Float32Array | Int32Array, block.shape, block.dtype === 'int32' ? 'int32' : 'float32');
}

/**
 * Class ids as they come, and as the float32 tensor `fit` takes: float32 because
 * tfjs' sparse cross-entropy floors its labels and refuses int32 ("floor must be
 * float32 tensor"), and shape `[n]` as Keras' arrays (fit makes it `[n, 1]`).
 */
function labelled(tf: typeof tfType, labels: Int32Array): LabelledSplit {
  return { labels, ys: tf.tensor1d(Float32Array.from(labels), 'float32') };
}

export function toLabData(tf: typeof tfType, splits: LearnerSplits, meta: DrillMeta): LabData {
  const { train, validation } = splits;
  const same = <K extends Split['kind']>(kind: K) => {
    if (train.kind !== kind || validation.kind !== kind) throw new Error('Train and validation splits differ in kind.');
  };
  switch (train.kind) {
    case 'tensor': {
      same('tensor');
      const v = validation as typeof train;
      return {
        kind: 'tensor',
        train: { xs: denseToTensor(tf, train.xs), ys: denseToTensor(tf, train.ys) },
        validation: { xs: denseToTensor(tf, v.xs), ys: denseToTensor(tf, v.ys) },
        classNames: meta.classNames,
      };
    }
    case 'images': {
      same('images');
      const v = validation as typeof train;
      return {
        kind: 'images',
        train: { images: train.images, ...labelled(tf, train.labels) },
        validation: { images: v.images, ...labelled(tf, v.labels) },
        classNames: meta.classNames ?? [],
      };
    }
    case 'text': {
      same('text');
      const v = validation as typeof train;
      return {
        kind: 'text',
        train: { texts: train.texts, ...labelled(tf, train.labels) },
        validation: { texts: v.texts, ...labelled(tf, v.labels) },
        classNames: meta.classNames ?? [],
      };
    }
    case 'series': {
      same('series');
      const v = validation as typeof train;
      return {
        kind: 'series',
        train: { values: train.values, channels: train.channels, time: train.time },
        validation: { values: v.values, channels: v.channels, time: v.time },
      };
    }
  }
}

export function createLab(opts: {
  tf: typeof tfType;
  drill: DrillMeta;
  splits: LearnerSplits;
  backend: string;
  seed: number;
  log: (...values: unknown[]) => void;
}): Lab {
  return {
    drill: opts.drill,
    data: toLabData(opts.tf, opts.splits, opts.drill),
    backend: opts.backend,
    seed: opts.seed,
    log: opts.log,
    pretrained: pretrainedLoader(opts.tf, opts.splits.pretrained ?? []),
  };
}

function pretrainedLoader(tf: typeof tfType, bases: readonly PretrainedArtifacts[]): Lab['pretrained'] {
  return async (name) => {
    const base = bases.find((b) => b.name === name);
    if (!base) throw unknownPretrained(name, bases.map((b) => b.name));
    return modelFromPretrained(tf, base);
  };
}
