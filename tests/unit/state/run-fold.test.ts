import { describe, expect, it } from 'vitest';
import { CONSOLE_LIMIT, POINTS_LIMIT, createRunFold, formatDuration, leakedTensors, pickMetricKey } from '../../../src/state/run-fold';
import type { RunEvent } from '../../../src/runner/types';

const runId = 'r1';
const batch = (epoch: number, b: number, loss: number, extra: Record<string, number> = {}): RunEvent => ({
  type: 'batch',
  runId,
  epoch,
  batch: b,
  logs: { batch: b, size: 32, loss, ...extra },
});
const epoch = (e: number, logs: Record<string, number>): RunEvent => ({ type: 'epoch', runId, epoch: e, logs });

describe('leakedTensors', () => {
  it('counts tensors beyond the model weights', () => {
    expect(leakedTensors({ before: 10, after: 25, modelWeights: 8 })).toBe(7);
  });
  it('is zero when the learner cleaned up, never negative', () => {
    expect(leakedTensors({ before: 10, after: 18, modelWeights: 8 })).toBe(0);
    expect(leakedTensors({ before: 10, after: 12, modelWeights: 8 })).toBe(0);
    expect(leakedTensors(null)).toBe(0);
  });
});

describe('pickMetricKey', () => {
  it("prefers the drill's metric, else the first non-loss key", () => {
    expect(pickMetricKey({ loss: 1, mse: 2, mae: 3 }, 'mae')).toBe('mae');
    expect(pickMetricKey({ loss: 1, batch: 0, size: 32, acc: 0.5 }, 'mae')).toBe('acc');
    expect(pickMetricKey({ loss: 1, val_loss: 2 })).toBeNull();
  });
});

describe('run fold', () => {
  it('places per-batch and per-epoch points on one epoch axis', () => {
    const f = createRunFold({ metric: 'accuracy' });
    f.apply({ type: 'train-begin', runId, epochs: 2, batchesPerEpoch: 4 }, 0);
    f.apply(batch(0, 1, 1.0, { acc: 0.1 }), 10);
    f.apply(batch(0, 3, 0.8, { acc: 0.2 }), 20);
    f.apply(epoch(0, { loss: 0.9, acc: 0.15, val_loss: 0.95, val_acc: 0.12 }), 21);
    // Throttled: batch 0 of epoch 1 was never sent.
    f.apply(batch(1, 1, 0.6, { acc: 0.3 }), 30);
    const v = f.snapshot();
    expect(v.series.metricKey).toBe('acc');
    expect(v.series.batch).toEqual({ x: [0.5, 1, 1.5], loss: [1.0, 0.8, 0.6], metric: [0.1, 0.2, 0.3] });
    expect(v.series.epoch).toEqual({ x: [1], loss: [0.9], valLoss: [0.95], metric: [0.15], valMetric: [0.12] });
    expect(v.seriesVersion).toBe(4);
  });

  it('holds batch points of an epoch of unknown length until it ends', () => {
    const f = createRunFold();
    f.apply({ type: 'train-begin', runId, epochs: 3, batchesPerEpoch: null }, 0);
    f.apply(batch(0, 0, 3), 1);
    f.apply(batch(0, 3, 2), 2);
    expect(f.snapshot().series.batch.x).toEqual([]);
    f.apply(epoch(0, { loss: 2.5 }), 3);
    expect(f.snapshot().series.batch.x).toEqual([0.25, 1]);
    // The learned length places later batches at once.
    f.apply(batch(1, 1, 1), 4);
    expect(f.snapshot().series.batch.x).toEqual([0.25, 1, 1.5]);
  });

  it('continues the axis across a second fit call', () => {
    const f = createRunFold();
    f.apply({ type: 'train-begin', runId, epochs: 2, batchesPerEpoch: 1 }, 0);
    f.apply(epoch(0, { loss: 3 }), 1);
    f.apply(epoch(1, { loss: 2 }), 2);
    f.apply({ type: 'train-begin', runId, epochs: 1, batchesPerEpoch: 1 }, 3);
    f.apply(batch(0, 0, 1.5), 4);
    f.apply(epoch(0, { loss: 1.4 }), 5);
    const s = f.snapshot().series;
    expect(s.epoch.x).toEqual([1, 2, 3]);
    expect(s.batch.x).toEqual([3]);
    expect(f.snapshot().progress).toMatchObject({ epochs: 1, epoch: 1, fraction: 1 });
  });

  it('records NaN for values a log lacks (no validation data)', () => {
    const f = createRunFold({ metric: 'mae' });
    f.apply(epoch(0, { loss: 3, mae: 1.5 }), 1);
    f.apply(epoch(1, { loss: 2, mae: 1.2, val_mae: 1.3 }), 2);
    const s = f.snapshot().series;
    expect(s.epoch.x).toEqual([1, 2]);
    expect(s.epoch.valLoss.every(Number.isNaN)).toBe(true);
    expect(s.epoch.valMetric[0]).toBeNaN();
    expect(s.epoch.valMetric[1]).toBe(1.3);
  });

  it('tracks progress and estimates the time left from the pace so far', () => {
    const f = createRunFold();
    f.apply({ type: 'train-begin', runId, epochs: 4, batchesPerEpoch: 10 }, 1000);
    expect(f.snapshot().progress).toMatchObject({ epoch: 0, batchesDone: 0, fraction: 0, etaMs: null });
    f.apply(batch(0, 4, 1), 2000); // 5 of 40 batches in 1 s
    let p = f.snapshot().progress!;
    expect(p.fraction).toBeCloseTo(5 / 40);
    expect(p.etaMs).toBeCloseTo(7000);
    f.apply(batch(0, 9, 1), 3000);
    f.apply(epoch(0, { loss: 1 }), 3000);
    p = f.snapshot().progress!;
    expect(p).toMatchObject({ epoch: 1, batchesDone: 0 });
    expect(p.fraction).toBeCloseTo(0.25);
    expect(p.etaMs).toBeCloseTo(6000);
    f.apply({ type: 'done', runId, ms: 5000, tensors: { before: 1, after: 5, modelWeights: 2 } }, 6000);
    expect(f.snapshot().progress!.etaMs).toBe(0);
    expect(leakedTensors(f.snapshot().tensors)).toBe(2);
  });

  it('learns the batches per epoch for progress when the runner does not know them', () => {
    const f = createRunFold();
    f.apply({ type: 'train-begin', runId, epochs: 2, batchesPerEpoch: null }, 0);
    f.apply(batch(0, 0, 1), 100);
    expect(f.snapshot().progress!.fraction).toBe(0);
    f.apply(batch(0, 1, 1), 200);
    f.apply(epoch(0, { loss: 1 }), 200);
    f.apply(batch(1, 0, 1), 300);
    expect(f.snapshot().progress!.fraction).toBeCloseTo(0.75);
  });

  it('keeps console lines in order, capped, counting what it dropped', () => {
    const f = createRunFold();
    for (let i = 0; i < CONSOLE_LIMIT + 5; i++) f.apply({ type: 'console', runId, level: i % 2 ? 'warn' : 'log', text: `line ${i}` }, i);
    const v = f.snapshot();
    expect(v.console).toHaveLength(CONSOLE_LIMIT);
    expect(v.consoleDropped).toBe(5);
    expect(v.console[0]).toEqual({ level: 'warn', text: 'line 5' });
    expect(v.console.at(-1)!.text).toBe(`line ${CONSOLE_LIMIT + 4}`);
  });

  it('records backend, model, error and leaves earlier snapshots alone', () => {
    const f = createRunFold();
    const before = f.snapshot();
    f.apply({ type: 'backend', runId, backend: 'webgl', attempts: [{ backend: 'webgpu', ok: false, error: 'no adapter' }, { backend: 'webgl', ok: true }] }, 0);
    f.apply({ type: 'model', runId, artifacts: {} }, 0);
    f.apply({ type: 'error', runId, error: { kind: 'runtime', message: 'boom', position: { line: 3, column: 7 } } }, 0);
    const after = f.snapshot();
    expect(before.backend).toBeNull();
    expect(after.backend).toBe('webgl');
    expect(after.backendAttempts).toHaveLength(2);
    expect(after.hasModel).toBe(true);
    expect(after.error?.position).toEqual({ line: 3, column: 7 });
  });
});

describe('run fold under a flood', () => {
  it('takes 300,000 batch events before train-begin without overflowing the stack', () => {
    const fold = createRunFold();
    for (let i = 0; i < 300_000; i++) fold.apply({ type: 'batch', runId: 'r', epoch: 0, batch: i, logs: { loss: 1 } }, i);
    expect(() => fold.apply({ type: 'epoch', runId: 'r', epoch: 0, logs: { loss: 1 } }, 300_001)).not.toThrow();
    expect(fold.snapshot().series.batch.x.length).toBeLessThanOrEqual(POINTS_LIMIT);
  });

  it('keeps a curve of a very long run within the point limit, spanning the whole run', () => {
    const fold = createRunFold();
    const epochs = 5 * POINTS_LIMIT + 7;
    fold.apply({ type: 'train-begin', runId: 'r', epochs, batchesPerEpoch: 1 }, 0);
    for (let e = 0; e < epochs; e++) {
      fold.apply({ type: 'batch', runId: 'r', epoch: e, batch: 0, logs: { loss: e } }, e);
      fold.apply({ type: 'epoch', runId: 'r', epoch: e, logs: { loss: e, val_loss: e } }, e);
    }
    const { batch, epoch } = fold.snapshot().series;
    for (const curve of [batch.x, batch.loss, epoch.x, epoch.loss, epoch.valLoss]) {
      expect(curve.length).toBeLessThanOrEqual(POINTS_LIMIT);
      expect(curve.length).toBeGreaterThan(POINTS_LIMIT / 4);
    }
    expect(epoch.x[0]).toBe(1);
    expect(epoch.x.at(-1)).toBeGreaterThan(epochs - 20);
    // Points stay in order and paired with their values.
    expect(epoch.x.every((x, i) => i === 0 || x > epoch.x[i - 1])).toBe(true);
    expect(epoch.loss.every((l, i) => l === epoch.x[i] - 1)).toBe(true);
  });
});

describe('a run stopped by Stop', () => {
  const artifacts = { modelTopology: {}, weightSpecs: [], weightData: new ArrayBuffer(0) };

  it('records the epoch training was in (cut short mid-epoch: tfjs still ends that epoch) and that a model came back', () => {
    const f = createRunFold();
    f.apply({ type: 'train-begin', runId, epochs: 40, batchesPerEpoch: 10 }, 0);
    for (let e = 0; e < 12; e++) f.apply(epoch(e, { loss: 1 }), e);
    f.apply(batch(12, 3, 0.5), 13);
    expect(f.snapshot().stoppedAt).toBeNull();
    f.apply(epoch(12, { loss: 0.5 }), 14);
    f.apply({ type: 'stopped', runId, artifacts: artifacts as never, ms: 14 }, 15);
    expect(f.snapshot()).toMatchObject({ stoppedAt: { epoch: 13, epochs: 40 }, hasModel: true, progress: { etaMs: null } });
  });

  it('says where training stood when the sandbox was ended without a model (last news: a batch)', () => {
    const f = createRunFold();
    f.apply({ type: 'train-begin', runId, epochs: 5, batchesPerEpoch: 20 }, 0);
    f.apply(batch(0, 3, 2), 1);
    f.apply({ type: 'stopped', runId, artifacts: null, ms: 2 }, 2);
    expect(f.snapshot()).toMatchObject({ stoppedAt: { epoch: 1, epochs: 5 }, hasModel: false });
  });

  it('has no position when no fit had begun', () => {
    const f = createRunFold();
    f.apply({ type: 'stopped', runId, artifacts: null, ms: 2 }, 2);
    expect(f.snapshot()).toMatchObject({ stoppedAt: null, hasModel: false, progress: null });
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [12_400, '12 s'],
    [65_000, '1:05'],
    [3_725_000, '1:02:05'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('chart columns', () => {
  it('aligns batch and epoch lines on one x column with gaps as null', async () => {
    const { alignLines, trainingLines } = await import('../../../src/state/chart-data');
    const f = createRunFold({ metric: 'mae' });
    f.apply({ type: 'train-begin', runId, epochs: 2, batchesPerEpoch: 2 }, 0);
    f.apply(batch(0, 0, 4, { mae: 2 }), 0);
    f.apply(batch(0, 1, 3, { mae: 1.5 }), 0);
    f.apply(epoch(0, { loss: 3.5, mae: 1.7, val_loss: 3.9, val_mae: 1.8 }), 0);
    f.apply(batch(1, 0, 2, { mae: 1 }), 0);
    const lines = trainingLines(f.snapshot().series, 'loss');
    expect(lines.map((l) => l.label)).toEqual(['loss (batch)', 'loss (epoch)', 'val_loss']);
    const { x, ys } = alignLines(lines);
    expect(x).toEqual([0.5, 1, 1.5]);
    expect(ys).toEqual([
      [4, 3, 2],
      [null, 3.5, null],
      [null, 3.9, null],
    ]);
  });

  it('leaves out lines that never had a value (no validation data)', async () => {
    const { trainingLines } = await import('../../../src/state/chart-data');
    const f = createRunFold();
    f.apply(epoch(0, { loss: 1 }), 0);
    expect(trainingLines(f.snapshot().series, 'loss').map((l) => l.label)).toEqual(['loss (epoch)']);
    expect(trainingLines(f.snapshot().series, 'metric')).toEqual([]);
  });
});
