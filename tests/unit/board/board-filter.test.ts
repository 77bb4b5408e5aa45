import { describe, expect, it } from 'vitest';
import type { DrillMeta } from '../../../src/core/drill';
import { filterDrills, isFiltered, NO_FILTER } from '../../../src/ui/board/board-filter';
import { summarizeAttempts, type DrillProgress } from '../../../src/state/progress';

const drill = (id: string, area: 1 | 2 | 3 | 4 | 5, title: string, dataset = id): DrillMeta => ({
  id,
  area,
  title,
  summary: `${title} summary`,
  dataset,
  metric: { name: 'accuracy', higherIsBetter: true, label: 'acc' },
  thresholds: [0.5, 0.6, 0.7, 0.8, 0.9],
  contract: { inputShape: [1], outputUnits: 1 },
});

const drills = [drill('auto-mpg', 1, 'Auto MPG'), drill('mnist-cnn', 2, 'Chiffres écrits', 'mnist'), drill('spam-or-ham', 4, 'Spam or ham', 'spam-assassin')];
const progress = new Map<string, DrillProgress>([
  ['auto-mpg', { ...summarizeAttempts([]), status: 'passed', attempts: 2 }],
  ['spam-or-ham', { ...summarizeAttempts([]), status: 'attempted', attempts: 1 }],
]);
const ids = (f: Partial<typeof NO_FILTER>) => filterDrills(drills, progress, { ...NO_FILTER, ...f }).map((d) => d.id);

describe('board filters', () => {
  it('shows everything without a filter', () => {
    expect(ids({})).toEqual(['auto-mpg', 'mnist-cnn', 'spam-or-ham']);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, search: '  ' })).toBe(false);
  });

  it('filters by status, with no attempts meaning not started', () => {
    expect(ids({ status: 'passed' })).toEqual(['auto-mpg']);
    expect(ids({ status: 'attempted' })).toEqual(['spam-or-ham']);
    expect(ids({ status: 'not-started' })).toEqual(['mnist-cnn']);
  });

  it('filters by area and combines filters', () => {
    expect(ids({ area: 4 })).toEqual(['spam-or-ham']);
    expect(ids({ area: 4, status: 'passed' })).toEqual([]);
  });

  it('searches title, dataset and id, every word, ignoring case and accents', () => {
    expect(ids({ search: 'ECRITS' })).toEqual(['mnist-cnn']);
    expect(ids({ search: 'assassin' })).toEqual(['spam-or-ham']);
    expect(ids({ search: 'spam ham' })).toEqual(['spam-or-ham']);
    expect(ids({ search: 'spam mpg' })).toEqual([]);
  });
});
