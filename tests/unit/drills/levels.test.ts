/**
 * Issue 19 item 3: levels and order are drill metadata; the registry orders each area
 * by them (the board and `dojo list` show that order), one drill is where to start, and
 * a variant names the drill it builds on.
 */
import { describe, expect, it } from 'vitest';
import type { Drill, DrillMeta, Level } from '../../../src/core/drill';
import { DrillRegistry, type DrillEntry } from '../../../src/core/registry';
import { dojo } from '../../helpers/dojo-process';


function entry(id: string, area: 1 | 2, title: string, extra: Partial<Drill> = {}): DrillEntry {
  const drill = {
    id,
    area,
    title,
    summary: '',
    dataset: 'x',
    metric: { name: 'mae', higherIsBetter: false, label: 'MAE' },
    thresholds: [5, 4, 3, 2, 1],
    contract: { inputShape: [1], outputUnits: 1 },
    splits: () => {
      throw new Error('unused');
    },
    gradeInputs: () => {
      throw new Error('unused');
    },
    ...extra,
  } as Drill;
  return { drill, statement: '', starter: '' };
}

describe('drill levels in the registry', () => {
  it('orders an area by level, a base before what builds on it, not by title', () => {
    const registry = new DrillRegistry([
      entry('b-variant', 1, 'A variant first in the alphabet', { level: 2, buildsOn: 'b-core' }),
      entry('b-core', 1, 'Core task', { level: 2 }),
      entry('z-first', 1, 'Zebra: the first steps', { level: 1, startHere: true }),
      entry('stretch', 1, 'Aardvark stretch', { level: 3 }),
      entry('two', 2, 'Area two', { level: 1 }),
    ]);
    expect(registry.list().map((d) => d.id)).toEqual(['z-first', 'b-core', 'b-variant', 'stretch', 'two']);
    expect(registry.startHere()?.id).toBe('z-first');
  });

  it('refuses a level outside 1–3, a builds-on that is not a drill, two starts', () => {
    expect(() => new DrillRegistry([entry('a', 1, 'A', { level: 4 as Level })])).toThrow(/levels are 1–3/);
    expect(() => new DrillRegistry([entry('a', 1, 'A', { level: 1, buildsOn: 'gone' })])).toThrow(/builds on "gone"/);
    expect(
      () => new DrillRegistry([entry('a', 1, 'A', { level: 1, startHere: true }), entry('b', 1, 'B', { level: 1, startHere: true })]),
    ).toThrow(/Only one drill/);
  });
});

describe('the shipped drills', () => {
  it('`dojo list --json` gives each a level, in board order, starting at one neuron', async () => {
    const { code, stdout } = await dojo('list', '--json');
    expect(code).toBe(0);
    const drills = JSON.parse(stdout) as DrillMeta[];
    for (const d of drills) expect([1, 2, 3], d.id).toContain(d.level);
    // Within an area the levels never go down.
    for (let i = 1; i < drills.length; i++) {
      if (drills[i].area === drills[i - 1].area) expect(drills[i].level as Level, drills[i].id).toBeGreaterThanOrEqual(drills[i - 1].level as Level);
    }
    expect(drills.filter((d) => d.startHere).map((d) => d.id)).toEqual(['mpg-one-neuron']);
    expect(drills[0].id).toBe('mpg-one-neuron');
    // Every variant comes after the drill it builds on, which is a real drill.
    const at = new Map(drills.map((d, i) => [d.id, i]));
    for (const d of drills.filter((x) => x.buildsOn)) {
      expect(at.has(d.buildsOn!), d.id).toBe(true);
      expect(at.get(d.buildsOn!)!, d.id).toBeLessThan(at.get(d.id)!);
    }
    expect(drills.find((d) => d.id === 'fashion-mnist-cnn')?.buildsOn).toBeDefined();
    expect(drills.find((d) => d.id === 'spam-conv1d')?.buildsOn).toBe('spam-or-ham');
  });
});
