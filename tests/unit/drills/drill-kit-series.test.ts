/**
 * The multivariate series pieces of drill-kit-extra on a small hand-made dataset:
 * channel picking, season channels from time stamps, history-prefixed splits and
 * the grader's windows, checked value by value.
 */
import { describe, expect, it } from 'vitest';
import type { DatasetManifest, LoadedDataset } from '../../../src/core/datasets/types';
import { multiSeriesGradeInputs, multiSeriesSplits, seriesChannels, withCycleChannels } from '../../../src/core/drill-kit-extra';

const ROWS = 12;
const DAY = 86_400_000;

/** 12 rows × 3 channels: value = 100·channel + row; one time stamp per day. */
function fakeDataset(): LoadedDataset {
  const values = new Float32Array(ROWS * 3);
  for (let r = 0; r < ROWS; r++) for (let c = 0; c < 3; c++) values[r * 3 + c] = 100 * c + r;
  const manifest = {
    name: 'fake',
    meta: { splits: { train: [0, 6], validation: [6, 9], test: [9, 12] } },
  } as unknown as DatasetManifest;
  return {
    manifest,
    arrays: {
      values: { dtype: 'float32', shape: [ROWS, 3], values },
      time: { dtype: 'float64', shape: [ROWS], values: Float64Array.from({ length: ROWS }, (_, r) => r * DAY) },
    },
    strings: {},
    images: {},
  };
}

describe('seriesChannels', () => {
  it('keeps the chosen channels of the chosen rows, in the order given, with their time stamps', () => {
    const s = seriesChannels(fakeDataset(), 'values', [2, 0], [3, 5]);
    expect(s.channels).toBe(2);
    expect(Array.from(s.values)).toEqual([203, 3, 204, 4]);
    expect(Array.from(s.time!)).toEqual([3 * DAY, 4 * DAY]);
  });

  it('names a missing channel', () => {
    expect(() => seriesChannels(fakeDataset(), 'values', [3], [0, 2])).toThrow(/no channel 3/);
  });
});

describe('withCycleChannels', () => {
  it('appends sine and cosine of the phase in the period after the existing channels', () => {
    const s = withCycleChannels(seriesChannels(fakeDataset(), 'values', [1], [0, 5]), 4 * DAY);
    expect(s.channels).toBe(3);
    const rows = Array.from({ length: 5 }, (_, r) => Array.from(s.values.subarray(r * 3, r * 3 + 3)));
    // Days 0…4 in a 4-day cycle: phases 0, ¼, ½, ¾ and 0 again.
    const expected = [
      [100, 0, 1],
      [101, 1, 0],
      [102, 0, -1],
      [103, -1, 0],
      [104, 0, 1],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => expect(v, `row ${r} channel ${c}`).toBeCloseTo(expected[r][c], 6)));
  });

  it('needs time stamps', () => {
    expect(() => withCycleChannels({ kind: 'series', values: new Float32Array(2), channels: 1 }, DAY)).toThrow(/time stamps/);
  });
});

describe('multiSeriesSplits and multiSeriesGradeInputs', () => {
  const settings = { window: 2, horizon: 2, method: 'minmax' as const, channels: 2, target: 1 };
  const cut = (data: LoadedDataset) => (range: [number, number]) => seriesChannels(data, 'values', [0, 1], range);

  it('cuts the manifest ranges and prefixes the test part with `history` rows', () => {
    const data = fakeDataset();
    const { train, validation, test } = multiSeriesSplits(data, 2, cut(data));
    expect(Array.from(train.values.filter((_, i) => i % 2 === 0))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(validation.values.filter((_, i) => i % 2 === 0))).toEqual([6, 7, 8]);
    expect(Array.from(test.values.filter((_, i) => i % 2 === 0))).toEqual([7, 8, 9, 10, 11]);
    expect(() => multiSeriesSplits(data, 10, cut(data))).toThrow(/history/);
  });

  it('scales each channel with the training statistics and windows all channels in, the target channel out', () => {
    const data = fakeDataset();
    const { train, test } = multiSeriesSplits(data, 2, cut(data));
    const g = multiSeriesGradeInputs(test, train, settings, 'u');
    // Train rows 0…5: channel 0 spans 0…5, channel 1 spans 100…105, so both scale by 1/5.
    const scaledRow = (r: number) => [r / 5, r / 5];
    expect(g.xs.shape).toEqual([2, 2, 2]);
    expect(Array.from(g.xs.values)).toEqual([...scaledRow(7), ...scaledRow(8), ...scaledRow(8), ...scaledRow(9)].map(Math.fround));
    expect(g.ys.shape).toEqual([2, 2]);
    expect(Array.from(g.ys.values)).toEqual([9 / 5, 10 / 5, 10 / 5, 11 / 5].map(Math.fround));
    expect(g.scale).toEqual({ factor: 5, unit: 'u' });
  });

  it('rejects series with another number of channels', () => {
    const data = fakeDataset();
    const one = seriesChannels(data, 'values', [0], [0, 6]);
    expect(() => multiSeriesGradeInputs(one, one, settings, 'u')).toThrow(/Expected 2 channels/);
  });
});
