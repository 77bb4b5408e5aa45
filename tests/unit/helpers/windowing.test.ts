import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  makeInputWindows,
  makeWindows,
  modelForecast,
  windowedDataset,
  windowTensors,
  type WindowBatch,
} from '../../../src/core/helpers/windowing';

const range = (n: number) => Float32Array.from({ length: n }, (_, i) => i);

async function collect(ds: tf.data.Dataset<WindowBatch>): Promise<{ xs: number[][][]; ys: number[][]; shapes: number[][][] }> {
  const out = { xs: [] as number[][][], ys: [] as number[][], shapes: [] as number[][][] };
  await ds.forEachAsync((b) => {
    out.shapes.push([b.xs.shape, b.ys.shape]);
    out.xs.push(b.xs.arraySync() as number[][]);
    out.ys.push(b.ys.arraySync() as number[]);
    tf.dispose([b.xs, b.ys]);
  });
  return out;
}

afterEach(() => {
  expect(tf.memory().numTensors).toBe(0);
});

describe('makeWindows', () => {
  it('matches the tf.data course example on range(10)', () => {
    // ds = tf.data.Dataset.range(10).window(5, shift=1, drop_remainder=True)
    //        .flat_map(lambda w: w.batch(5)).map(lambda w: (w[:-1], w[-1:]))
    // -> [0 1 2 3] [4], [1 2 3 4] [5], ..., [5 6 7 8] [9]   (6 windows)
    const w = makeWindows(range(10), 4, 1, 1);
    expect(w.count).toBe(6);
    expect(w.xsShape).toEqual([6, 4, 1]);
    expect(w.ysShape).toEqual([6, 1]);
    expect(Array.from(w.xs.subarray(0, 4))).toEqual([0, 1, 2, 3]);
    expect(Array.from(w.xs.subarray(20, 24))).toEqual([5, 6, 7, 8]);
    expect(Array.from(w.ys)).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('honours shift and horizon like ds.window(n_past + n_future, shift, drop_remainder=True)', () => {
    // range(10), n_past=3, n_future=2, shift=2: windows start at 0, 2, 4 (start 6 would need rows 6..10)
    const w = makeWindows(range(10), 3, 2, 2);
    expect(w.count).toBe(3);
    expect(Array.from(w.starts)).toEqual([0, 2, 4]);
    expect(Array.from(w.xs)).toEqual([0, 1, 2, 2, 3, 4, 4, 5, 6]);
    expect(Array.from(w.ys)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(w.ysShape).toEqual([3, 2]);
  });

  it('property: every window lines up with the series', () => {
    const series = Float32Array.from({ length: 57 }, (_, i) => Math.sin(i) * 10 + i);
    for (const [ws, h, s] of [
      [1, 1, 1],
      [5, 1, 1],
      [7, 3, 2],
      [10, 10, 5],
      [56, 1, 1],
    ]) {
      const w = makeWindows(series, ws, h, s);
      expect(w.count).toBe(Math.floor((series.length - ws - h) / s) + 1);
      for (let k = 0; k < w.count; k++) {
        const start = k * s;
        expect(w.starts[k]).toBe(start);
        expect(Array.from(w.xs.subarray(k * ws, (k + 1) * ws))).toEqual(Array.from(series.subarray(start, start + ws)));
        expect(Array.from(w.ys.subarray(k * h, (k + 1) * h))).toEqual(Array.from(series.subarray(start + ws, start + ws + h)));
      }
    }
  });

  it('gives no windows when the series is shorter than window + horizon', () => {
    expect(makeWindows(range(4), 4, 1).count).toBe(0);
    expect(makeWindows(range(5), 4, 1).count).toBe(1);
  });

  it('windows multivariate series: all channels as targets, or one channel', () => {
    // 5 rows × 2 channels: row r = [r, 10 + r]
    const series = Float32Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? i / 2 : 10 + (i - 1) / 2));
    const all = makeWindows(series, 2, 1, 1, { channels: 2 });
    expect(all.xsShape).toEqual([3, 2, 2]);
    expect(all.ysShape).toEqual([3, 1, 2]);
    expect(Array.from(all.xs.subarray(0, 4))).toEqual([0, 10, 1, 11]);
    expect(Array.from(all.ys)).toEqual([2, 12, 3, 13, 4, 14]);
    const one = makeWindows(series, 2, 2, 1, { channels: 2, target: 1 });
    expect(one.ysShape).toEqual([2, 2]);
    expect(Array.from(one.ys)).toEqual([12, 13, 13, 14]);
  });

  it('rejects bad arguments with clear messages', () => {
    expect(() => makeWindows(range(10), 0)).toThrow(/windowSize/);
    expect(() => makeWindows(range(10), 3, 1, 0)).toThrow(/shift/);
    expect(() => makeWindows(range(9), 3, 1, 1, { channels: 2 })).toThrow(/multiple of channels/);
    expect(() => makeWindows(range(10), 3, 1, 1, { channels: 2, target: 2 })).toThrow(/target/);
  });
});

describe('makeInputWindows', () => {
  it("is the exam's model_forecast windowing (window_size, shift 1, no targets)", () => {
    const w = makeInputWindows(range(5), 3);
    expect(w.shape).toEqual([3, 3, 1]);
    expect(Array.from(w.values)).toEqual([0, 1, 2, 1, 2, 3, 2, 3, 4]);
  });
});

describe('windowedDataset', () => {
  it('without shuffling yields every window in time order with documented shapes', async () => {
    const { xs, ys, shapes } = await collect(windowedDataset(range(10), { windowSize: 4, batchSize: 4 }));
    expect(shapes).toEqual([
      [
        [4, 4, 1],
        [4, 1],
      ],
      [
        [2, 4, 1],
        [2, 1],
      ],
    ]);
    expect(xs[0][0]).toEqual([[0], [1], [2], [3]]);
    expect(ys.flat(2)).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('dropRemainder drops the last partial batch; flattenInputs gives [batch, windowSize]', async () => {
    const { shapes } = await collect(windowedDataset(range(10), { windowSize: 4, batchSize: 4, dropRemainder: true, flattenInputs: true }));
    expect(shapes).toEqual([
      [
        [4, 4],
        [4, 1],
      ],
    ]);
  });

  it("multi-step multivariate shapes match the exam template: xs [b, n_past, f], ys [b, n_future, f]", async () => {
    const series = Float32Array.from({ length: 60 * 3 }, (_, i) => i);
    const { shapes } = await collect(windowedDataset(series, { windowSize: 24, horizon: 6, channels: 3, batchSize: 32 }));
    expect(shapes[0]).toEqual([
      [31, 24, 3],
      [31, 6, 3],
    ]);
  });

  it('shuffles every window exactly once per epoch, and each x still matches its y', async () => {
    const ds = windowedDataset(range(40), { windowSize: 5, batchSize: 8, shuffleBuffer: 10, seed: 3 });
    const { xs, ys } = await collect(ds);
    const firsts = xs.flatMap((batch) => batch.map((win) => (win as unknown as number[][])[0][0]));
    expect([...firsts].sort((a, b) => a - b)).toEqual(Array.from({ length: 35 }, (_, i) => i));
    expect(firsts).not.toEqual(Array.from({ length: 35 }, (_, i) => i));
    const targets = ys.flat(2);
    firsts.forEach((f, i) => expect(targets[i]).toBe(f + 5));
  });

  it('is deterministic for a seed, differs across seeds, and reshuffles each epoch', async () => {
    const order = async (seed: number, epochs = 1) => {
      const ds = windowedDataset(range(60), { windowSize: 3, batchSize: 50, shuffleBuffer: 100, seed });
      const runs: number[][] = [];
      for (let e = 0; e < epochs; e++) runs.push((await collect(ds)).ys.flat(2));
      return runs;
    };
    const [a1, a2] = await order(11, 2);
    const [b1, b2] = await order(11, 2);
    const [c1] = await order(12);
    expect(b1).toEqual(a1);
    expect(b2).toEqual(a2);
    expect(a2).not.toEqual(a1);
    expect(c1).not.toEqual(a1);
  });

  it('trains with model.fitDataset (shapes fit a Dense model on windows)', async () => {
    const series = Float32Array.from({ length: 80 }, (_, i) => Math.sin(i / 4));
    const model = tf.sequential({
      layers: [tf.layers.flatten({ inputShape: [8, 1] }), tf.layers.dense({ units: 1 })],
    });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const h = await model.fitDataset(windowedDataset(series, { windowSize: 8, batchSize: 16, shuffleBuffer: 50 }), {
      epochs: 2,
      verbose: 0,
    });
    expect(h.history.loss).toHaveLength(2);
    model.dispose();
  });
});

describe('windowTensors and modelForecast', () => {
  it('windowTensors matches makeWindows', () => {
    const { xs, ys } = windowTensors(range(12), { windowSize: 3, horizon: 2 });
    const w = makeWindows(range(12), 3, 2);
    expect(xs.shape).toEqual(w.xsShape);
    expect(ys.shape).toEqual(w.ysShape);
    expect(Array.from(xs.dataSync())).toEqual(Array.from(w.xs));
    expect(Array.from(ys.dataSync())).toEqual(Array.from(w.ys));
    tf.dispose([xs, ys]);
  });

  it('modelForecast predicts one row per window, in order', () => {
    // A "model" that returns the last value of each window: forecast row k = series[k + windowSize - 1].
    const lastValue = {
      predict: (x: tf.Tensor) => tf.tidy(() => (x as tf.Tensor3D).slice([0, x.shape[1]! - 1, 0], [-1, 1, 1]).reshape([-1, 1])),
    };
    const out = modelForecast(lastValue, range(10), 4);
    expect(out.shape).toEqual([7, 1]);
    expect(Array.from(out.dataSync())).toEqual([3, 4, 5, 6, 7, 8, 9]);
    out.dispose();
  });
});
