/** Issue 19 item 8: Stop ends training at a batch's end and hands back the model being trained; the learner's code does not go on. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeLearnerCode, type ExecutionEvent } from '../../../src/runner/execute';
import { lineDrill, lineSplits } from '../../helpers/line-drill';

const drill = lineDrill;
const splits = lineSplits;

/** Runs `source` with a Stop that `stopWhen` presses, as the sandbox worker does on the page's request. */
async function runAndStop(source: string, stopWhen: (e: ExecutionEvent, stop: () => void) => void) {
  const events: ExecutionEvent[] = [];
  const controller = new AbortController();
  const result = await executeLearnerCode({
    tf,
    modules: {},
    source,
    filename: 'drill.ts',
    drill,
    splits,
    backend: 'cpu',
    batchEventIntervalMs: 0,
    stopSignal: controller.signal,
    emit: (e) => {
      events.push(e);
      stopWhen(e, () => controller.abort());
    },
  });
  const logged = events.flatMap((e) => (e.type === 'console' ? [e.text] : []));
  return { result, events, logged };
}

const model = `const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });`;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Stop during a run (graceful)', () => {
  it('ends a long fit at a batch, hands back the model being trained, and never runs the code after fit', async () => {
    const source = `import * as tf from '@tensorflow/tfjs';
export default async function train(lab: any) {
  ${model}
  await model.fit(lab.data.train.xs, lab.data.train.ys, { epochs: 100000, batchSize: 2 });
  console.log('after fit');
  return model;
}`;
    const { result, events, logged } = await runAndStop(source, (e, stop) => {
      if (e.type === 'epoch' && e.epoch === 2) stop();
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.stopped?.artifacts?.weightSpecs?.map((w) => w.shape)).toEqual([[1, 1], [1]]);
    expect(result.stopped?.artifacts?.weightData).toBeInstanceOf(ArrayBuffer);
    // It stopped within the epoch after the request, not 100,000 epochs later.
    expect(events.filter((e) => e.type === 'epoch').length).toBeLessThanOrEqual(5);
    expect(logged).not.toContain('after fit');
  });

  it('stops even when a learner callback clears stopTraining at every batch', async () => {
    const source = `import * as tf from '@tensorflow/tfjs';
export default async function train(lab: any) {
  ${model}
  await model.fit(lab.data.train.xs, lab.data.train.ys, {
    epochs: 100000, batchSize: 2,
    callbacks: { onBatchEnd: async () => { model.stopTraining = false; } },
  });
  return model;
}`;
    const { result, events } = await runAndStop(source, (e, stop) => {
      if (e.type === 'epoch' && e.epoch === 1) stop();
    });
    expect(!result.ok && result.stopped?.artifacts).toBeTruthy();
    expect(events.filter((e) => e.type === 'epoch').length).toBeLessThanOrEqual(4);
  });

  it('between two fits keeps the model the first one trained, and the second never begins', async () => {
    const source = `import * as tf from '@tensorflow/tfjs';
export default async function train(lab: any) {
  ${model}
  await model.fit(lab.data.train.xs, lab.data.train.ys, { epochs: 2, batchSize: 2 });
  console.log('first fit done');
  await new Promise((resolve) => setTimeout(resolve, 50));
  await model.fit(lab.data.train.xs, lab.data.train.ys, { epochs: 2, batchSize: 2 });
  console.log('second fit done');
  return model;
}`;
    const { result, events, logged } = await runAndStop(source, (e, stop) => {
      if (e.type === 'console' && e.text === 'first fit done') stop();
    });
    expect(!result.ok && result.stopped?.artifacts?.weightSpecs).toHaveLength(2);
    expect(events.filter((e) => e.type === 'train-begin')).toHaveLength(1);
    expect(logged).not.toContain('second fit done');
  });

  it('before any batch has trained, there is no model to keep', async () => {
    const source = `import * as tf from '@tensorflow/tfjs';
export default async function train(lab: any) {
  console.log('preparing');
  await new Promise((resolve) => setTimeout(resolve, 50));
  ${model}
  await model.fit(lab.data.train.xs, lab.data.train.ys, { epochs: 2, batchSize: 2 });
  return model;
}`;
    const { result, events } = await runAndStop(source, (e, stop) => {
      if (e.type === 'console' && e.text === 'preparing') stop();
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.stopped).toMatchObject({ artifacts: null });
    expect(events.filter((e) => e.type === 'train-begin')).toHaveLength(0);
  });

  it('without a stop signal (the CLI) a run is unchanged', async () => {
    const { result } = await runAndStop(
      `import * as tf from '@tensorflow/tfjs';
export default async function train(lab: any) {
  ${model}
  await model.fit(lab.data.train.xs, lab.data.train.ys, { epochs: 2, batchSize: 2 });
  return model;
}`,
      () => {},
    );
    expect(result.ok).toBe(true);
  });
});
