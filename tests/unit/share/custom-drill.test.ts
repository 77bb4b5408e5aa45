import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreCustomDrill } from '../../../src/core/custom-drill';

const valid = JSON.parse(readFileSync('tests/fixtures/share/v1-links.json', 'utf8')).custom.custom;

describe('restoreCustomDrill', () => {
  it('accepts a valid definition and drops unknown fields', () => {
    expect(restoreCustomDrill({ ...valid, extra: 'x' })).toEqual({ ok: true, value: valid });
  });

  it.each([
    [{ id: 'auto-mpg' }, /must start with "custom-"/],
    [{ id: 'custom-Bad_Id' }, /lower-case/],
    [{ title: '   ' }, /title is empty/],
    [{ statement: 'x'.repeat(20_001) }, /statement is longer/],
    [{ metric: { name: 'f1', label: 'x' } }, /metric.name/],
    [{ thresholds: [3, 3.5, 2, 1, 0.5] }, /fall/],
    [{ metric: { name: 'accuracy', label: 'acc' }, thresholds: [0.9, 0.8, 0.7, 0.6, 0.5] }, /rise/],
    [{ metric: { name: 'accuracy', label: 'acc' }, thresholds: [50, 60, 70, 80, 90] }, /fractions/],
    [{ thresholds: [1, 2] }, /five numbers/],
    [{ contract: { inputShape: [0], outputUnits: 1 } }, /inputShape\[0\]/],
    [{ contract: { inputShape: [9], outputUnits: 1.5 } }, /outputUnits/],
    [{ contract: { inputShape: [9], outputUnits: 1, outputActivation: 'relu' } }, /outputActivation/],
    [{ contract: { inputShape: [9], outputUnits: 1, forbiddenLayers: ['<img onerror>'] } }, /not a layer class name/],
    [{ base: '../../etc' }, /base must be/],
  ])('refuses %j with a reason', (change, message) => {
    const r = restoreCustomDrill({ ...valid, ...change });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });

  it('checks the base drill exists when asked to', () => {
    expect(restoreCustomDrill(valid, (id) => id === 'auto-mpg').ok).toBe(true);
    const r = restoreCustomDrill(valid, () => false);
    expect(!r.ok && r.error).toMatch(/does not have/);
  });

  it('never throws on junk', () => {
    for (const junk of [null, 1, 'x', [], { contract: null }, { ...valid, metric: null }, { ...valid, contract: { inputShape: 'abc' } }]) {
      expect(restoreCustomDrill(junk).ok).toBe(false);
    }
  });
});
