import { describe, expect, it } from 'vitest';
import { SeriesScaler, normalizeSeries } from '../../../src/core/helpers/series-scaler';

const close = (a: ArrayLike<number>, b: ArrayLike<number>, digits = 5) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], digits);
};

describe('SeriesScaler', () => {
  it("minmax maps the fitted data onto [0, 1] (sklearn MinMaxScaler)", () => {
    // MinMaxScaler().fit_transform([[2], [4], [6], [10]]) -> [[0], [0.25], [0.5], [1]]
    const s = new SeriesScaler({ method: 'minmax' }).fit([2, 4, 6, 10]);
    close(s.transform([2, 4, 6, 10]), [0, 0.25, 0.5, 1]);
    close(s.transform([12]), [1.25]); // unseen data may leave [0, 1]
  });

  it('standard uses the population std (numpy ddof=0, sklearn StandardScaler)', () => {
    // StandardScaler().fit([[1], [2], [3], [4]]): mean 2.5, scale sqrt(1.25)
    const s = new SeriesScaler({ method: 'standard' }).fit([1, 2, 3, 4]);
    expect(s.offset[0]).toBe(2.5);
    expect(s.scale[0]).toBeCloseTo(Math.sqrt(1.25), 12);
    close(s.transform([1, 4]), [-1.5 / Math.sqrt(1.25), 1.5 / Math.sqrt(1.25)]);
  });

  it("exam divides by the max, as the template's normalize_series(data, min, max) does", () => {
    // normalize_series(np.array([[2., 10.], [4., 30.]]), data.min(axis=0), data.max(axis=0))
    //   -> [[0, 0], [0.5, 0.6667]]
    const s = new SeriesScaler({ method: 'exam', channels: 2 }).fit([2, 10, 4, 30]);
    close(s.transform([2, 10, 4, 30]), [0, 0, 0.5, 20 / 30]);
  });

  it('scales each channel of a multivariate series separately', () => {
    const s = new SeriesScaler({ method: 'minmax', channels: 2 }).fit([0, 100, 10, 300]);
    expect(s.offset).toEqual([0, 100]);
    expect(s.scale).toEqual([10, 200]);
    close(s.transform([5, 200]), [0.5, 0.5]);
    close(s.transform([5, 7], { channel: 0 }), [0.5, 0.7]);
    close(s.inverseTransform([0.5], { channel: 1 }), [200]);
  });

  it('property: inverseTransform undoes transform for every method', () => {
    const data = Float32Array.from({ length: 300 }, (_, i) => 50 + 20 * Math.sin(i / 7) + (i % 13));
    for (const method of ['minmax', 'standard', 'exam'] as const) {
      const { values, scaler } = normalizeSeries(data, { method, channels: 3 });
      close(scaler.inverseTransform(values), data, 3);
    }
  });

  it('treats a constant channel as scale 1 instead of dividing by zero', () => {
    const s = new SeriesScaler({ method: 'standard' }).fit([3, 3, 3]);
    expect(Array.from(s.transform([3, 4]))).toEqual([0, 1]);
    expect(Array.from(new SeriesScaler({ method: 'minmax' }).fit([5, 5]).transform([5]))).toEqual([0]);
  });

  it('round-trips through toJSON / fromJSON', () => {
    const s = new SeriesScaler({ method: 'standard', channels: 2 }).fit([1, 2, 3, 5, 8, 13]);
    const copy = SeriesScaler.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(Array.from(copy.transform([4, 4]))).toEqual(Array.from(s.transform([4, 4])));
  });

  it('explains misuse', () => {
    expect(() => new SeriesScaler().transform([1])).toThrow(/fit/);
    expect(() => new SeriesScaler().fit([1, NaN])).toThrow(/finite/);
    expect(() => new SeriesScaler({ channels: 2 }).fit([1, 2, 3])).toThrow(/multiple of channels/);
    expect(() => new SeriesScaler({ method: 'log' as 'minmax' })).toThrow(/unknown method/);
  });
});
