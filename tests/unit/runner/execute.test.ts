import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeLearnerCode, type ExecutionEvent } from '../../../src/runner/execute';
import { lineDrill, lineSplits } from '../../helpers/line-drill';

const drill = lineDrill;
const splits = lineSplits;

async function execute(source: string, onEpochEnd?: (model: tf.LayersModel) => Promise<void>, events: ExecutionEvent[] = []) {
  const result = await executeLearnerCode({
    tf,
    modules: { 'tensor-dojo': { answer: 42 } },
    source,
    filename: 'drill.ts',
    drill,
    splits,
    backend: 'cpu',
    emit: (e) => events.push(e),
    batchEventIntervalMs: 0,
    onEpochEnd,
  });
  return { result, events };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const GOOD = `import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';

export default async function train(lab: Lab<TensorLabData>): Promise<tf.LayersModel> {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
  model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
  console.log('training on', lab.data.train.xs.shape);
  await model.fit(lab.data.train.xs, lab.data.train.ys, {
    epochs: 3, batchSize: 2, validationData: [lab.data.validation.xs, lab.data.validation.ys],
    callbacks: { onEpochEnd: async () => {} },
  });
  return model;
}`;

describe('executeLearnerCode', () => {
  it('trains the learner model and returns its artifacts, streaming curves it never asked for', async () => {
    const { result, events } = await execute(GOOD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const topology = result.artifacts.modelTopology as { class_name: string };
    expect(topology.class_name).toBe('Sequential');
    expect(result.artifacts.weightSpecs?.map((w) => w.shape)).toEqual([[1, 1], [1]]);
    expect(events.find((e) => e.type === 'console')).toEqual({ type: 'console', level: 'log', text: 'training on [6,1]' });
    expect(events.find((e) => e.type === 'train-begin')).toEqual({ type: 'train-begin', epochs: 3, batchesPerEpoch: 3 });
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(epochs).toHaveLength(3);
    expect(Object.keys((epochs[0] as { logs: object }).logs).sort()).toEqual(['loss', 'val_loss']);
    expect(events.filter((e) => e.type === 'batch').length).toBeGreaterThan(0);
    // The model's two weights (plus optimizer state) are accounted for, not called leaks.
    expect(result.tensors.after - result.tensors.before - result.tensors.modelWeights).toBe(0);
  });

  it('streams loss values per batch and per epoch even when the learner passes no callbacks', async () => {
    // tfjs leaves logs as unread scalars unless some callback reads them.
    const plain = GOOD.replace("callbacks: { onEpochEnd: async () => {} },", '');
    expect(plain).not.toContain('callbacks');
    const { result, events } = await execute(plain);
    expect(result.ok).toBe(true);
    const epochs = events.filter((e): e is Extract<ExecutionEvent, { type: 'epoch' }> => e.type === 'epoch');
    expect(epochs.map((e) => e.epoch)).toEqual([0, 1, 2]);
    for (const e of epochs) {
      expect(Number.isFinite(e.logs.loss)).toBe(true);
      expect(Number.isFinite(e.logs.val_loss)).toBe(true);
    }
    const batches = events.filter((e): e is Extract<ExecutionEvent, { type: 'batch' }> => e.type === 'batch');
    expect(batches).toHaveLength(9);
    for (const b of batches) expect(Number.isFinite(b.logs.loss)).toBe(true);
    // Events keep their order: each epoch's batches come before that epoch's end.
    const order = events.filter((e) => e.type === 'batch' || e.type === 'epoch').map((e) => `${e.type}${(e as { epoch: number }).epoch}`);
    expect(order).toEqual(['batch0', 'batch0', 'batch0', 'epoch0', 'batch1', 'batch1', 'batch1', 'epoch1', 'batch2', 'batch2', 'batch2', 'epoch2']);
    // No log scalar is left behind by our reads.
    if (result.ok) expect(result.tensors.after - result.tensors.before - result.tensors.modelWeights).toBe(0);
  });

  it('hands the model being trained to onEpochEnd at each epoch end, and training waits for it', async () => {
    const biases: number[] = [];
    const events: ExecutionEvent[] = [];
    const seen: string[] = [];
    const batches = () => events.filter((e) => e.type === 'batch').length;
    const run = await execute(GOOD, async (model) => {
      // Training must not go on while the hook runs: no batch arrives meanwhile.
      const before = batches();
      await new Promise((r) => setTimeout(r, 5));
      seen.push(`${before}+${batches() - before}`);
      biases.push((await model.getWeights()[1].data())[0]);
    }, events);
    expect(run.result.ok ? 'ok' : run.result.error.message).toBe('ok');
    // 3 batches per epoch: the hook runs after each epoch's batches, and none run during it.
    expect(seen).toEqual(['3+0', '6+0', '9+0']);
    // It is the live model: its weights move between epochs.
    expect(new Set(biases).size).toBe(3);
  });

  describe("the learner's yieldEvery", () => {
    // 6 samples, batch size 2: 3 batches per epoch, 2 epochs. `own` counts yields
    // whenever a callback config uses it as its nextFrameFunc.
    const yielding = (fitOptions: string, after = '') => `import * as tf from '@tensorflow/tfjs';
export default async function train(lab: any) {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  let batches = 0;
  let yields = 0;
  const own = async () => { yields++; };
  const cbs: any[] = [{ nextFrameFunc: own, onBatchEnd: async () => { batches++; } }];
  await model.fit(lab.data.train.xs, lab.data.train.ys, { epochs: 2, batchSize: 2, ${fitOptions} });
  console.log('yields', yields, 'batches', batches);
  ${after}
  return model;
}`;
    const said = (events: ExecutionEvent[], prefix: string) =>
      (events.find((e) => e.type === 'console' && e.text.startsWith(prefix)) as { text: string } | undefined)?.text;

    it('yields once per epoch for epoch, through the nextFrameFunc the learner gave', async () => {
      const { result, events } = await execute(yielding(`yieldEvery: 'epoch', callbacks: cbs`));
      expect(result.ok).toBe(true);
      expect(said(events, 'yields')).toBe('yields 2 batches 6');
    });

    it('yields after every batch for batch, leaving their callbacks list as it was', async () => {
      const { events } = await execute(yielding(`yieldEvery: 'batch', callbacks: cbs`, `console.log('list', cbs.length, cbs[0].nextFrameFunc === own);`));
      expect(said(events, 'yields')).toBe('yields 6 batches 6');
      expect(said(events, 'list')).toBe('list 1 true');
    });

    it('does not yield when unset or never; never with an onYield is refused, as tfjs refuses it', async () => {
      const unset = await execute(yielding(`callbacks: cbs`));
      expect(said(unset.events, 'yields')).toBe('yields 0 batches 6');
      const never = await execute(yielding(`yieldEvery: 'never', callbacks: cbs`));
      expect(said(never.events, 'yields')).toBe('yields 0 batches 6');
      const refused = await execute(yielding(`yieldEvery: 'never', callbacks: { onYield: async () => {} }`));
      expect(refused.result.ok).toBe(false);
      if (!refused.result.ok) expect(refused.result.error.message).toMatch(/yieldEvery is `never` but you provided an `onYield` callback/);
    });
  });

  it('counts tensors the learner leaves behind', async () => {
    const leaky = GOOD.replace("console.log('training on', lab.data.train.xs.shape);", 'tf.ones([3]); tf.zeros([2]);');
    const { result } = await execute(leaky);
    expect(result.ok && result.tensors.after - result.tensors.before - result.tensors.modelWeights).toBe(2);
  });

  it('leaves tf.LayersModel.prototype.fit as it found it', async () => {
    const fit = tf.LayersModel.prototype.fit;
    await execute(GOOD);
    expect(tf.LayersModel.prototype.fit).toBe(fit);
  });

  it('points at the learner line of a runtime error', async () => {
    const { result } = await execute(`export default async function train() {\n  const x = 1;\n  undefinedFunction(x);\n}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('runtime');
    expect(result.error.position?.line).toBe(3);
    expect(result.error.message).toMatch(/undefinedFunction is not defined \(line 3, column \d+\)/);
  });

  it('reports a syntax error without running anything', async () => {
    const { result, events } = await execute(`console.log('ran');\nexport default async function train( {\n}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('syntax');
    expect(events).toHaveLength(0);
  });

  it('refuses imports other than tfjs and the lab', async () => {
    const { result } = await execute(`import fs from 'fs';\nexport default async function train() { return fs; }`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/Only '@tensorflow\/tfjs' and 'tensor-dojo' can be imported.*'fs'/);
  });

  it('gives the lab module to learner code', async () => {
    const { result } = await execute(`import { answer } from 'tensor-dojo';\nexport default async function train() { throw new Error('answer ' + answer); }`);
    expect(!result.ok && result.error.message).toMatch(/answer 42/);
  });

  it('says so when there is no default export or no model is returned', async () => {
    const none = await execute(`export function train() {}`);
    expect(!none.result.ok && none.result.error.kind).toBe('contract');
    const notModel = await execute(`export default async function train() { return 42; }`);
    expect(!notModel.result.ok && notModel.result.error.message).toMatch(/returned a number, not a tf.LayersModel/);
  });
});
