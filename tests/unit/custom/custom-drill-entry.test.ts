/**
 * Custom drills end to end in the core: a definition becomes a drill on its base's
 * data, is refused with a reason when it could never be graded, and is graded by
 * its own metric, thresholds and rules through the one grader.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../src/cli/exercises';
import type { CustomDrillDefinition } from '../../../src/core/custom-drill';
import { compatibleMetrics, customDrillFrom, customDrillId, resolveCustomDrill, restoreAndResolve } from '../../../src/core/custom-drill-entry';
import type { GradeInputs } from '../../../src/core/drill';
import { gradeModel } from '../../../src/core/grading/grade';
import { DrillRegistry, type DrillEntry } from '../../../src/core/registry';
import { MAE, block, fakeDrill, linearModel } from '../grading/fixtures';

const FIXTURE: CustomDrillDefinition = JSON.parse(readFileSync('tests/fixtures/share/v1-links.json', 'utf8')).custom.custom;

// y = 2x + 1; linearModel() predicts 2x + 1.5: every error is 0.5 (MAE 0.5, MSE 0.25).
const xs = [0, 1, 2, 3, -1, 10];
const inputs: GradeInputs = { xs: block(xs, [6, 1]), ys: block(xs.map((x) => 2 * x + 1), [6]) };
const baseEntry: DrillEntry = {
  drill: fakeDrill({
    id: 'line',
    metric: MAE,
    thresholds: [2, 1.5, 1, 0.75, 0.5],
    contract: { inputShape: [1], outputUnits: 1, outputActivation: 'linear' },
    inputs,
  }),
  statement: '# Line',
  starter: 'export default async function train() {}\n',
};
const shipped = new DrillRegistry([baseEntry]);

const custom = (change: Partial<CustomDrillDefinition> = {}): CustomDrillDefinition => ({
  ...customDrillFrom(baseEntry, 'custom-line-mse', 'Line, squared'),
  metric: { name: 'mse', label: 'test MSE' },
  thresholds: [1, 0.5, 0.3, 0.26, 0.2],
  ...change,
});

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('resolveCustomDrill', () => {
  it('keeps the base drill’s data and splits, and takes the definition’s rules', () => {
    const r = resolveCustomDrill(custom(), baseEntry);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { drill } = r.value;
    expect(drill).toMatchObject({ id: 'custom-line-mse', title: 'Line, squared', base: 'line', area: baseEntry.drill.area, dataset: baseEntry.drill.dataset });
    expect(drill.metric).toEqual({ name: 'mse', label: 'test MSE', higherIsBetter: false });
    expect(drill.splits).toBe(baseEntry.drill.splits);
    expect(drill.gradeInputs).toBe(baseEntry.drill.gradeInputs);
    expect(r.value.custom?.id).toBe('custom-line-mse');
  });

  it.each([
    [{ metric: { name: 'accuracy' as const, label: 'acc' }, thresholds: [0.5, 0.6, 0.7, 0.8, 0.9] as const }, /graded on numbers, so the metric must be mae, mse or rmse/],
    [{ contract: { inputShape: [2], outputUnits: 1 } }, /model input must be \[1\].*it says \[2\]/],
    [{ contract: { inputShape: [1], outputUnits: 3 } }, /output layer must have 1 unit.*it says 3/],
    [{ base: 'other' }, /built on “other”, not “line”/],
  ])('refuses %j, which could never be graded on this data', (change, message) => {
    const r = resolveCustomDrill(custom(change as Partial<CustomDrillDefinition>), baseEntry);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });

  it('lets classifiers use accuracy only and regressions the three errors', () => {
    expect(compatibleMetrics('accuracy')).toEqual(['accuracy']);
    expect(compatibleMetrics('mae')).toEqual(['mae', 'mse', 'rmse']);
  });

  it('refuses a definition built on another custom drill', () => {
    const first = resolveCustomDrill(custom(), baseEntry);
    if (!first.ok) throw new Error(first.error);
    const onCustom = new DrillRegistry([baseEntry, first.value]);
    const r = restoreAndResolve({ ...custom(), id: 'custom-second', base: 'custom-line-mse' }, onCustom);
    expect(!r.ok && r.error).toMatch(/does not have/);
  });
});

describe('grading a custom drill', () => {
  it('marks by the custom metric and thresholds, not the base’s', async () => {
    const r = resolveCustomDrill(custom(), baseEntry);
    if (!r.ok) throw new Error(r.error);
    const model = linearModel();
    const baseReport = await gradeModel(baseEntry.drill, model, baseEntry.drill.gradeInputs(undefined as never, undefined as never));
    const customReport = await gradeModel(r.value.drill, model, r.value.drill.gradeInputs(undefined as never, undefined as never));
    model.dispose();
    expect(baseReport).toMatchObject({ drill: 'line', metric: { name: 'mae' }, points: 5, passed: true });
    expect(baseReport.value).toBeCloseTo(0.5, 6);
    // MSE 0.25 is ≤ 0.26 (4 points) but not ≤ 0.2 (5 points).
    expect(customReport).toMatchObject({ drill: 'custom-line-mse', metric: { name: 'mse', label: 'test MSE' }, points: 4, passed: false });
    expect(customReport.value).toBeCloseTo(0.25, 6);
    expect(customReport.thresholds).toEqual([1, 0.5, 0.3, 0.26, 0.2]);
  });

  it('applies the custom contract’s extra rules', async () => {
    const r = resolveCustomDrill(custom({ contract: { inputShape: [1], outputUnits: 1, requiredLayers: ['Conv1D'] } }), baseEntry);
    if (!r.ok) throw new Error(r.error);
    const model = linearModel();
    const report = await gradeModel(r.value.drill, model, inputs);
    model.dispose();
    expect(report.points).toBe(0);
    expect(report.value).toBeNull();
    expect(report.reasons.join(' ')).toMatch(/Conv1D/);
  });
});

describe('DrillRegistry.withCustom', () => {
  it('adds the custom drills that fit and reports, without throwing, the ones that do not', () => {
    const good = custom();
    const wrongShape = custom({ id: 'custom-bad-shape', title: 'Bad', contract: { inputShape: [7], outputUnits: 1 } });
    const gone = custom({ id: 'custom-gone', title: 'Gone', base: 'removed-drill' });
    const { registry, problems } = shipped.withCustom([good, wrongShape, gone, { ...good, title: 'Duplicate' }]);
    expect(registry.list().map((d) => d.id).sort()).toEqual(['custom-line-mse', 'line']);
    expect(registry.get('custom-line-mse').drill.base).toBe('line');
    expect(problems.map((p) => p.id)).toEqual(['custom-bad-shape', 'custom-gone', 'custom-line-mse']);
    expect(problems[0]!.error).toMatch(/model input must be \[1\]/);
    expect(problems[1]!.error).toMatch(/removed-drill/);
    expect(problems[2]!.error).toMatch(/share the id/);
    // The shipped registry itself is not changed.
    expect(shipped.has('custom-line-mse')).toBe(false);
  });
});

describe('custom drills on the shipped drills', () => {
  it('starts every shipped drill’s copy as a valid custom drill, and the frozen v1 link’s drill still fits its base', async () => {
    const registry = await loadRegistry();
    for (const meta of registry.list()) {
      const entry = registry.get(meta.id);
      const r = restoreAndResolve(customDrillFrom(entry, customDrillId(`My ${meta.title}`, 'abc123')), registry);
      expect(r.ok, `${meta.id}: ${!r.ok && r.error}`).toBe(true);
      if (r.ok) expect(r.value.drill.splits).toBe(entry.drill.splits);
    }
    expect(restoreAndResolve(FIXTURE, registry).ok).toBe(true);
  });
});

describe('customDrillId', () => {
  it('makes a valid, prefixed id from any title', () => {
    expect(customDrillId('Auto MPG — tighter!', 'A1b2C3')).toBe('custom-auto-mpg-tighter-a1b2c3');
    expect(customDrillId('Ünïcódé 日本', 'x')).toBe('custom-unicode-x');
    expect(customDrillId('!!!', '9')).toBe('custom-9');
    expect(customDrillId('a'.repeat(200), 'abcdef').length).toBeLessThanOrEqual(64);
    for (const title of ['Auto MPG — tighter!', 'Ünïcódé 日本', '!!!', '-a-', 'a'.repeat(200)]) {
      expect(customDrillId(title, 'zz')).toMatch(/^custom-[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });
});
