import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, shuffleOrder } from '../../../src/core/helpers/random';

const draw = (seed: number, n = 20) => {
  const r = createRng(seed);
  return Array.from({ length: n }, () => r.next());
};

describe('createRng', () => {
  it('same seed → same sequence; nearby seeds → different sequences', () => {
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(2 ** 40)).not.toEqual(draw(0));
  });

  it('stays in range and is roughly uniform', () => {
    const r = createRng(123);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) {
      const v = r.next();
      expect(v >= 0 && v < 1).toBe(true);
      bins[Math.floor(v * 10)]++;
    }
    for (const b of bins) expect(Math.abs(b - 2000)).toBeLessThan(200);
    for (let i = 0; i < 1000; i++) {
      const k = r.int(3);
      expect([0, 1, 2]).toContain(k);
      const u = r.uniform(-2, -1);
      expect(u >= -2 && u < -1).toBe(true);
    }
  });

  it('rejects non-finite seeds and bad int bounds', () => {
    expect(() => createRng(NaN)).toThrow(/finite/);
    expect(() => createRng(1).int(0)).toThrow(/positive integer/);
  });

  it('derived seeds differ by stream', () => {
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(1, 1));
    expect(deriveSeed(1, 0)).toBe(deriveSeed(1, 0));
  });
});

describe('shuffleOrder (tf.data shuffle buffer)', () => {
  it('is a permutation; buffer 1 keeps the order', () => {
    const o = Array.from(shuffleOrder(50, 10, createRng(1)));
    expect([...o].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(shuffleOrder(6, 1, createRng(1)))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('an element cannot come out before the buffer could hold it', () => {
    for (const buffer of [2, 5, 17]) {
      const o = shuffleOrder(100, buffer, createRng(buffer));
      o.forEach((element, position) => expect(position).toBeGreaterThanOrEqual(element - buffer + 1));
    }
  });

  it('a buffer as large as the data shuffles uniformly (first position)', () => {
    const counts = new Array(5).fill(0);
    const rng = createRng(99);
    for (let i = 0; i < 5000; i++) counts[shuffleOrder(5, 5, rng)[0]]++;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(120);
  });
});
