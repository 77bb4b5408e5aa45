/**
 * Every drill folder under exercises/ (discovered, not listed), loaded the CLI way:
 * metadata that the board and grader rely on, splits that are deterministic and cut
 * as the manifest says, grade inputs that fit the contract, and a smoke run of each
 * reference solution on a small slice through the real train → artifacts → grade path.
 *
 * The full-data calibration (reference passes, baseline fails) is `dojo verify`;
 * here the slices are tiny so the whole file stays within a couple of minutes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drillFile, EXERCISES_DIR, loadRegistry } from '../../../src/cli/exercises';
import { fsSource } from '../../../src/cli/datasets/fs-source';
import { limitSplits, trainFile } from '../../../src/cli/node-runner';
import { DATASETS_DIR } from '../../../src/cli/paths';
import type { AllSplits, DenseBlock, Split } from '../../../src/core/data';
import type { Drill } from '../../../src/core/drill';
import { loadDataset } from '../../../src/core/datasets/load';
import { splitRanges } from '../../../src/core/datasets/manifest';
import type { LoadedDataset } from '../../../src/core/datasets/types';
import { validateThresholds } from '../../../src/core/grading';
import type { DrillRegistry } from '../../../src/core/registry';
import { gradeArtifacts } from '../../../src/runner/grade-artifacts';

const ids = readdirSync(EXERCISES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const datasets = new Map<string, Promise<LoadedDataset>>();
function dataset(name: string): Promise<LoadedDataset> {
  let d = datasets.get(name);
  if (!d) {
    d = loadDataset(fsSource(DATASETS_DIR), name);
    datasets.set(name, d);
  }
  return d;
}

/** FNV-1a over a split's contents: equal digests of two cuts mean the same data in the same order. */
function digest(split: Split): string {
  let h = 0x811c9dc5;
  const mix = (x: number) => {
    h ^= x & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  const bytes = (a: ArrayBufferView) => {
    const u = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < u.length; i++) mix(u[i]!);
  };
  const block = (b: DenseBlock) => {
    b.shape.forEach(mix);
    bytes(b.values);
  };
  switch (split.kind) {
    case 'tensor':
      block(split.xs);
      block(split.ys);
      break;
    case 'images':
      for (const im of split.images) {
        mix(im.width);
        mix(im.height);
        bytes(im.pixels);
      }
      bytes(split.labels);
      break;
    case 'text':
      for (const t of split.texts) bytes(new TextEncoder().encode(t));
      bytes(split.labels);
      break;
    case 'series':
      bytes(split.values);
      break;
  }
  return `${split.kind}:${examples(split)}:${h.toString(16)}`;
}

/** Examples (rows, images, texts or time steps) in a split. */
function examples(split: Split): number {
  switch (split.kind) {
    case 'tensor':
      return split.xs.shape[0]!;
    case 'images':
      return split.images.length;
    case 'text':
      return split.texts.length;
    case 'series':
      return split.values.length / split.channels;
  }
}

function labelsOf(split: Split): Int32Array | undefined {
  if (split.kind === 'images' || split.kind === 'text') return split.labels;
  return undefined;
}

/** Train/validation slice for the smoke run: enough for every window or batch, small enough to be quick. */
const SMOKE_LIMIT: Record<Split['kind'], number> = { tensor: 128, text: 64, images: 16, series: 100 };

// Loaded before the tests are collected, so a test can be declared only for the drills it applies to.
const registry: DrillRegistry = await loadRegistry();

describe('drill folders', () => {
  it('every folder under exercises/ is a registered drill with the folder name as id', () => {
    expect(ids.length).toBeGreaterThan(0);
    expect(registry.list().map((d) => d.id).sort()).toEqual(ids);
  });

  it('together cover all five exam areas', () => {
    const areas = new Set(registry.list().map((d) => d.area));
    for (const a of [1, 2, 3, 4, 5] as const) expect(areas.has(a), `no drill in area ${a}`).toBe(true);
  });
});

describe.each(ids)('drill %s', (id) => {
  let drill: Drill;
  let statement: string;
  let starter: string;
  let data: LoadedDataset;
  let splits: AllSplits;

  beforeAll(async () => {
    ({ drill, statement, starter } = registry.get(id));
    data = await dataset(drill.dataset);
    splits = drill.splits(data);
  });

  it('has usable metadata', () => {
    expect(drill.id).toBe(id);
    expect([1, 2, 3, 4, 5]).toContain(drill.area);
    expect(drill.title.trim()).not.toBe('');
    expect(drill.summary.trim()).not.toBe('');
    expect(validateThresholds(drill.thresholds, drill.metric.higherIsBetter, drill.metric.name)).toEqual([]);
    expect(drill.metric.higherIsBetter).toBe(drill.metric.name === 'accuracy');
    // A calibration note that says how the thresholds were measured, not a placeholder.
    expect(drill.calibration ?? '').toMatch(/\d/);
    expect(drill.calibration).not.toMatch(/CALIBRATION|TODO/);
  });

  it('has a sane contract that fits its metric', () => {
    const c = drill.contract;
    expect(c.inputShape.length).toBeGreaterThan(0);
    for (const d of c.inputShape) expect(Number.isInteger(d) && d > 0, `input dim ${d}`).toBe(true);
    expect(Number.isInteger(c.outputUnits) && c.outputUnits > 0).toBe(true);
    if (c.maxParams !== undefined) expect(c.maxParams).toBeGreaterThan(0);
    if (drill.metric.name === 'accuracy') {
      expect(c.outputActivation).toBe(c.outputUnits === 1 ? 'sigmoid' : 'softmax');
      expect(drill.classNames).toHaveLength(c.outputUnits === 1 ? 2 : c.outputUnits);
    } else {
      expect(c.outputActivation ?? 'linear').toBe('linear');
    }
  });

  // The thresholds are not repeated in the README: the marks table is drawn from drill.ts (statements.test.ts).
  it('states its input shape in the README', () => {
    expect(statement).toContain(`[${drill.contract.inputShape.join(', ')}]`);
    expect(statement).toMatch(/^# /);
  });

  it('ships a blank starter: imports and the signature, no model code', () => {
    expect(starter).toMatch(/export default async function train\(lab: Lab<\w+>\): Promise<tf\.LayersModel>/);
    for (const banned of ['tf.sequential', 'tf.model(', 'tf.layers.', '.compile(', '.fit(', '.fitDataset(', 'return model']) {
      expect(starter, `starter contains ${banned}`).not.toContain(banned);
    }
  });

  it('cuts deterministic splits of the sizes the manifest gives', () => {
    const again = drill.splits(data);
    for (const name of ['train', 'validation', 'test'] as const) expect(digest(again[name])).toBe(digest(splits[name]));
    const ranges = splitRanges(data.manifest);
    for (const name of ['train', 'validation', 'test'] as const) {
      const [start, end] = ranges[name]!;
      const n = examples(splits[name]);
      if (splits[name].kind === 'images') {
        // Image drills may keep a subset of the classes.
        expect(n).toBeGreaterThan(0);
        expect(n).toBeLessThanOrEqual(end - start);
      } else if (splits[name].kind === 'series' && name === 'test') {
        // The test part carries history in front (a window, or more when the drill differences
        // the series): the grader forecasts every test step from the steps before it.
        expect(n).toBeGreaterThanOrEqual(end - start + drill.contract.inputShape[0]!);
        const horizon = drill.contract.outputUnits;
        expect(drill.gradeInputs(splits.test, splits.train).xs.shape[0]).toBe(end - start - horizon + 1);
      } else {
        expect(n, name).toBe(end - start);
      }
    }
    const labels = labelsOf(splits.train);
    if (labels) {
      const classes = drill.contract.outputUnits === 1 ? 2 : drill.contract.outputUnits;
      for (const name of ['train', 'validation', 'test'] as const) {
        const seen = new Set(labelsOf(splits[name]));
        expect([...seen].sort(), `${name} labels`).toEqual(Array.from({ length: classes }, (_, i) => i));
      }
    }
  });

  // Declared for the text drills (area 4) only: skipped, not passed, for the others.
  it.runIf(registry.get(id).drill.area === 4)('never shows the test texts in training (text drills)', () => {
    if (splits.train.kind !== 'text' || splits.test.kind !== 'text') throw new Error(`a text drill with ${splits.train.kind} splits`);
    const train = new Set(splits.train.texts);
    expect(splits.test.texts.filter((t) => train.has(t))).toEqual([]);
  });

  it('feeds the grader inputs that match the contract', () => {
    const inputs = drill.gradeInputs(splits.test, splits.train);
    const n = inputs.xs.shape[0]!;
    expect(n).toBeGreaterThan(0);
    expect(inputs.xs.shape).toEqual([n, ...drill.contract.inputShape]);
    expect(inputs.xs.values.length).toBe(inputs.xs.shape.reduce((a, b) => a * b, 1));
    expect(inputs.ys.shape[0]).toBe(n);
    for (const v of inputs.xs.values) if (!Number.isFinite(v)) throw new Error(`non-finite grade input ${v}`);
    const labels = labelsOf(splits.test);
    if (labels) {
      expect(n).toBe(labels.length);
      expect(Array.from(inputs.ys.values)).toEqual(Array.from(labels));
    } else if (drill.metric.name !== 'accuracy') {
      expect(inputs.ys.values.length).toBe(n * drill.contract.outputUnits);
    }
    if (splits.test.kind === 'images' || drill.dataset.includes('mnist')) {
      // Pixels are fed scaled to [0, 1], as every image statement says.
      let max = 0;
      for (const v of inputs.xs.values) max = Math.max(max, v);
      expect(max).toBeLessThanOrEqual(1);
      expect(max).toBeGreaterThan(0.5);
    }
  });

  it('trains its reference on a small slice and gets a finite grade', { timeout: 120_000 }, async () => {
    const small = limitSplits(splits, SMOKE_LIMIT[splits.train.kind]);
    const result = await trainFile({ drill, file: drillFile(id, 'solution'), backend: 'wasm', splits: small });
    if (!result.ok) throw new Error(`${id}/solution.ts failed: ${result.error.message}`);
    const report = await gradeArtifacts(drill, result.artifacts, small);
    expect(report.checks.every((c) => c.passed), report.reasons.join(' ')).toBe(true);
    expect(Number.isFinite(report.value)).toBe(true);
    expect(report.testExamples).toBe(drill.gradeInputs(splits.test, splits.train).xs.shape[0]);
  });

  it('keeps the solution and baseline files next to the drill', () => {
    for (const which of ['solution', 'baseline'] as const) {
      const src = readFileSync(drillFile(id, which), 'utf8');
      expect(src).toMatch(/export default async function train/);
    }
    expect(path.basename(path.dirname(drillFile(id, 'starter')))).toBe(id);
  });
});
