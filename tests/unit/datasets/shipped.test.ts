/**
 * Decodes every dataset shipped in public/datasets (checksums included) and checks
 * the facts drills rely on: shapes, label ranges, class counts, split ranges.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../../src/cli/datasets/build';
import { fsSource } from '../../../src/cli/datasets/fs-source';
import { loadDataset } from '../../../src/core/datasets/load';
import { splitRanges } from '../../../src/core/datasets/manifest';
import type { LoadedDataset, NumericArray } from '../../../src/core/datasets/types';

const DIR = 'public/datasets';
const source = fsSource(DIR);
const load = (name: string) => loadDataset(source, name);

function counts(values: NumericArray, k: number): number[] {
  const c = new Array<number>(k).fill(0);
  for (const v of values) {
    expect(Number.isInteger(v) && v >= 0 && v < k).toBe(true);
    c[v]!++;
  }
  return c;
}

function expectSplits(d: LoadedDataset, n: number): void {
  const s = splitRanges(d.manifest);
  expect(s.train![0]).toBe(0);
  expect(s.train![1]).toBe(s.validation![0]);
  expect(s.validation![1]).toBe(s.test![0]);
  expect(s.test![1]).toBe(n);
  for (const k of ['train', 'validation', 'test']) expect(s[k]![1] - s[k]![0]).toBeGreaterThan(0);
}

function allFinite(v: NumericArray): boolean {
  for (const x of v) if (!Number.isFinite(x)) return false;
  return true;
}

describe('shipped datasets', () => {
  it('every builder has a shipped folder', () => {
    for (const name of DATASET_NAMES) expect(existsSync(`${DIR}/${name}/manifest.json`), name).toBe(true);
  });

  it('fashion-mnist: 70,000 28×28 images, 7,000 per class', async () => {
    const d = await load('fashion-mnist');
    expect(d.arrays.images!.shape).toEqual([70000, 28, 28]);
    expect(counts(d.arrays.labels!.values, 10)).toEqual(new Array(10).fill(7000));
    expect(d.manifest.meta.classes).toHaveLength(10);
    expect(splitRanges(d.manifest)).toEqual({ train: [0, 50000], validation: [50000, 60000], test: [60000, 70000] });
    // Pixels use the full byte range (not 0–1 floats squeezed into bytes).
    expect(Math.max(...d.arrays.images!.values.subarray(0, 784 * 20))).toBe(255);
  });

  it('mnist: 10,000 digits, every class present', async () => {
    const d = await load('mnist');
    expect(d.arrays.images!.shape).toEqual([10000, 28, 28]);
    const c = counts(d.arrays.labels!.values, 10);
    expect(c.reduce((a, b) => a + b)).toBe(10000);
    expect(Math.min(...c)).toBeGreaterThan(800);
    expectSplits(d, 10000);
  });

  it('auto-mpg: complete rows, features and target', async () => {
    const d = await load('auto-mpg');
    const n = d.arrays.mpg!.shape[0]!;
    expect(n).toBe(392);
    expect(d.arrays.features!.shape).toEqual([n, 6]);
    expect(d.manifest.meta.columns).toHaveLength(6);
    expect(allFinite(d.arrays.features!.values) && allFinite(d.arrays.mpg!.values)).toBe(true);
    expect(counts(d.arrays.origin!.values, 3).every((c) => c > 50)).toBe(true);
    expect(d.strings.names).toHaveLength(n);
    expectSplits(d, n);
  });

  it('boston-housing: 506 × 13 features, medv ≤ 50', async () => {
    const d = await load('boston-housing');
    expect(d.arrays.features!.shape).toEqual([506, 13]);
    expect(Math.max(...d.arrays.medv!.values)).toBe(50);
    expectSplits(d, 506);
  });

  it('spam-assassin: texts with 0/1 labels, both classes well represented', async () => {
    const d = await load('spam-assassin');
    const texts = d.strings.texts!;
    const n = texts.length;
    expect(n).toBeGreaterThan(5500);
    const c = counts(d.arrays.labels!.values, 2);
    expect(c).toEqual(d.manifest.meta.perClass);
    expect(c[1]! / n).toBeGreaterThan(0.25);
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(2000);
    expect(new Set(texts).size).toBe(n);
    // Groups agree with labels: spam groups are 3 and 4.
    const g = d.arrays.groups!.values;
    for (let i = 0; i < n; i++) expect(g[i]! >= 3 ? 1 : 0).toBe(d.arrays.labels!.values[i]);
    expectSplits(d, n);
  });

  for (const [name, channels, minRows] of [
    ['seattle-weather', 4, 1461],
    ['co2', 2, 700],
    ['seattle-hourly-normals', 3, 8759],
  ] as const) {
    it(`${name}: time-ordered float32 series`, async () => {
      const d = await load(name);
      const n = d.arrays.time!.shape[0]!;
      expect(n).toBeGreaterThanOrEqual(minRows);
      expect(d.arrays.values!.shape).toEqual([n, channels]);
      expect(d.arrays.values!.dtype).toBe('float32');
      const t = d.arrays.time!.values;
      for (let i = 1; i < n; i++) expect(t[i]! > t[i - 1]!).toBe(true);
      expect(allFinite(d.arrays.values!.values)).toBe(true);
      expectSplits(d, n);
    });
  }

  it('emoji-categories: varied-size RGB images, 5 classes, ≥ 500 per binary class, split by emoji', async () => {
    const d = await load('emoji-categories');
    const ims = d.images.images!;
    const n = ims.length;
    const labels = d.arrays.labels!.values;
    const c = counts(labels, 5);
    expect(c).toEqual(d.manifest.meta.perClass);
    expect(c[0]).toBeGreaterThanOrEqual(500);
    expect(c[1]).toBeGreaterThanOrEqual(500);
    const sizes = new Set(ims.map((im) => `${im.width}x${im.height}`));
    expect(sizes.size).toBeGreaterThanOrEqual(3);
    expect(ims.every((im) => Math.max(im.width, im.height) <= 128 && im.pixels.length === im.width * im.height * 3)).toBe(true);
    expect(counts(d.arrays.artists!.values, 4).every((k) => k > 400)).toBe(true);
    expectSplits(d, n);
    // No emoji (by name) appears in two splits.
    const s = splitRanges(d.manifest);
    const names = d.strings.names!;
    const inSplit = (k: string) => new Set(names.slice(s[k]![0], s[k]![1]));
    const [tr, va, te] = ['train', 'validation', 'test'].map(inSplit);
    for (const x of te!) expect(tr!.has(x) || va!.has(x)).toBe(false);
    for (const x of va!) expect(tr!.has(x)).toBe(false);
  });
});
