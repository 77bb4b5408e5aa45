import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DraftRecord, NewAttempt, NewKeptDraft } from '../../../src/storage/db';
import { describeMerge, planMerge, type LocalSnapshot } from '../../../src/storage/merge';

const draft = (drillId: string, code: string, updatedAt: number): DraftRecord => ({ drillId, code, updatedAt });
const attempt = (drillId: string, at: number, points: number, code = `// ${points}`): NewAttempt => ({
  drillId,
  at,
  code,
  metric: { name: 'mae', value: 3 - points / 2 },
  points,
  passed: points === 5,
  backend: 'cpu',
});
const snap = (s: Partial<LocalSnapshot>): LocalSnapshot => ({ drafts: [], attempts: [], kept: [], ...s });
const NOW = 10_000;

describe('planMerge: drafts', () => {
  it('adds drafts for drills that have none here', () => {
    const plan = planMerge(snap({ drafts: [draft('a', 'mine', 5)] }), snap({ drafts: [draft('b', 'theirs', 1)] }), NOW);
    expect(plan.putDrafts).toEqual([draft('b', 'theirs', 1)]);
    expect(plan.addKept).toEqual([]);
    expect(plan.summary.draftsAdded).toBe(1);
  });

  it('lets the newer draft win and keeps the older one aside, whichever side it is on', () => {
    const newerImported = planMerge(snap({ drafts: [draft('a', 'mine', 5)] }), snap({ drafts: [draft('a', 'theirs', 9)] }), NOW);
    expect(newerImported.putDrafts).toEqual([draft('a', 'theirs', 9)]);
    expect(newerImported.addKept).toEqual([{ drillId: 'a', code: 'mine', updatedAt: 5, keptAt: NOW, reason: 'import' }]);
    expect(newerImported.summary.draftsReplaced).toBe(1);

    const olderImported = planMerge(snap({ drafts: [draft('a', 'mine', 9)] }), snap({ drafts: [draft('a', 'theirs', 5)] }), NOW);
    expect(olderImported.putDrafts).toEqual([]);
    expect(olderImported.addKept).toEqual([{ drillId: 'a', code: 'theirs', updatedAt: 5, keptAt: NOW, reason: 'import' }]);
    expect(olderImported.summary.draftsKeptAside).toBe(1);
  });

  it('keeps ours on a tie, and does nothing for identical text', () => {
    const tie = planMerge(snap({ drafts: [draft('a', 'mine', 5)] }), snap({ drafts: [draft('a', 'theirs', 5)] }), NOW);
    expect(tie.putDrafts).toEqual([]);
    expect(tie.addKept.map((k) => k.code)).toEqual(['theirs']);
    const same = planMerge(snap({ drafts: [draft('a', 'same', 5)] }), snap({ drafts: [draft('a', 'same', 99)] }), NOW);
    expect(same.putDrafts).toEqual([]);
    expect(same.addKept).toEqual([]);
    expect(same.summary.draftsUnchanged).toBe(1);
  });

  it('does not keep the same text twice, across imports or within one', () => {
    const already: NewKeptDraft = { drillId: 'a', code: 'theirs', updatedAt: 1, keptAt: 2, reason: 'import' };
    const plan = planMerge(
      snap({ drafts: [draft('a', 'mine', 9)], kept: [already] }),
      snap({ drafts: [draft('a', 'theirs', 5)], kept: [already, { ...already, code: 'other' }] }),
      NOW,
    );
    expect(plan.addKept.map((k) => k.code)).toEqual(['other']);
  });

  it('takes the newest of several imported drafts for one drill and keeps the rest', () => {
    const plan = planMerge(snap({}), snap({ drafts: [draft('a', 'v1', 1), draft('a', 'v3', 3), draft('a', 'v2', 2)] }), NOW);
    expect(plan.putDrafts).toEqual([draft('a', 'v3', 3)]);
    expect(plan.addKept.map((k) => k.code).sort()).toEqual(['v1', 'v2']);
  });

  it('loses no text: every draft from either side is a draft or kept afterwards', () => {
    const rand = (() => {
      let s = 42;
      return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    })();
    for (let round = 0; round < 200; round++) {
      const gen = (side: string) =>
        Array.from({ length: Math.floor(rand() * 4) }, (_, i) => draft(`d${Math.floor(rand() * 3)}`, rand() < 0.3 ? 'shared' : `${side}${round}-${i}`, Math.floor(rand() * 4)));
      const local = gen('L').filter((d, i, all) => all.findIndex((o) => o.drillId === d.drillId) === i); // one draft per drill here
      const incoming = gen('I');
      const plan = planMerge(snap({ drafts: local }), snap({ drafts: incoming }), NOW);
      const after = new Map(local.map((d) => [d.drillId, d.code]));
      for (const d of plan.putDrafts) after.set(d.drillId, d.code);
      const present = new Set([...[...after].map(([id, code]) => `${id}:${code}`), ...plan.addKept.map((k) => `${k.drillId}:${k.code}`)]);
      for (const d of [...local, ...incoming]) expect(present.has(`${d.drillId}:${d.code}`)).toBe(true);
      // And the draft each drill ends with is the newest text offered for it.
      for (const [id, code] of after) {
        const newest = Math.max(...[...local, ...incoming].filter((d) => d.drillId === id).map((d) => d.updatedAt));
        expect([...local, ...incoming].some((d) => d.drillId === id && d.code === code && d.updatedAt === newest)).toBe(true);
      }
    }
  });
});

describe('planMerge: attempts', () => {
  it('unions attempts by what they are, not by per-browser ids', () => {
    const mine = [attempt('a', 1, 3), attempt('a', 2, 5)];
    const theirs = [attempt('a', 2, 5), attempt('a', 3, 4), attempt('b', 1, 3)];
    const plan = planMerge(snap({ attempts: mine }), snap({ attempts: theirs }), NOW);
    expect(plan.addAttempts).toEqual([attempt('a', 3, 4), attempt('b', 1, 3)]);
    expect(plan.summary).toMatchObject({ attemptsAdded: 2, attemptsAlreadyHere: 1 });
  });

  it('treats attempts at the same time with different code as different', () => {
    const plan = planMerge(snap({ attempts: [attempt('a', 1, 3, 'x')] }), snap({ attempts: [attempt('a', 1, 3, 'y'), attempt('a', 1, 3, 'y')] }), NOW);
    expect(plan.addAttempts).toEqual([attempt('a', 1, 3, 'y')]);
  });

  it('adds nothing when the same file is merged twice', () => {
    const file = snap({ drafts: [draft('a', 'theirs', 9)], attempts: [attempt('a', 1, 2)] });
    const first = planMerge(snap({ drafts: [draft('a', 'mine', 5)] }), file, NOW);
    const afterFirst = snap({ drafts: first.putDrafts, attempts: first.addAttempts, kept: first.addKept });
    const second = planMerge(afterFirst, file, NOW + 1);
    expect(second.putDrafts).toEqual([]);
    expect(second.addAttempts).toEqual([]);
    expect(second.addKept).toEqual([]);
    expect(describeMerge(second.summary, 0)).toMatch(/Nothing new/);
    expect(describeMerge(first.summary, 2)).toMatch(/1 draft restored, 1 attempt added, 1 older draft kept aside.*2 unreadable records skipped/);
  });
});

describe('planMerge: custom drills', () => {
  const definition = JSON.parse(readFileSync('tests/fixtures/share/v1-links.json', 'utf8')).custom.custom;
  const record = (title: string, updatedAt: number) => ({ id: definition.id, definition: { ...definition, title }, updatedAt });

  it('keeps an older imported version beside ours once, however often the same file is imported', () => {
    const ours = record('mine, newer', 9);
    const file = snap({ customDrills: [record('theirs, older', 5)] });
    const first = planMerge(snap({ customDrills: [ours] }), file, NOW);
    expect(first.putCustomDrills).toHaveLength(1);
    const copy = first.putCustomDrills[0];
    expect(copy.id).not.toBe(ours.id);
    expect(copy.definition.title).toMatch(/theirs, older/);
    const second = planMerge(snap({ customDrills: [ours, ...first.putCustomDrills] }), file, NOW + 1);
    expect(second.putCustomDrills).toEqual([]);
    expect(describeMerge(second.summary, 0)).toMatch(/Nothing new/);
  });
});
