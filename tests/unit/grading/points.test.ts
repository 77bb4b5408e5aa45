import { describe, expect, it } from 'vitest';
import { pointsFor, validateThresholds } from '../../../src/core/grading/points';
import type { Thresholds } from '../../../src/core/drill';

const ACC: Thresholds = [0.5, 0.6, 0.7, 0.8, 0.9];
const ERR: Thresholds = [0.2, 0.15, 0.1, 0.07, 0.05];

describe('pointsFor, higher is better', () => {
  it.each([
    [0.4999, 0],
    [0.5, 1],
    [0.5999, 1],
    [0.6, 2],
    [0.7, 3],
    [0.7999, 3],
    [0.8, 4],
    [0.8999, 4],
    [0.9, 5],
    [1, 5],
    [0, 0],
  ])('accuracy %f earns %i (exactly on a threshold earns it)', (value, points) => {
    expect(pointsFor(value, ACC, true)).toBe(points);
  });
});

describe('pointsFor, lower is better', () => {
  it.each([
    [0.2001, 0],
    [0.2, 1],
    [0.1500001, 1],
    [0.15, 2],
    [0.1, 3],
    [0.07, 4],
    [0.0500001, 4],
    [0.05, 5],
    [0, 5],
    [5, 0],
  ])('error %f earns %i', (value, points) => {
    expect(pointsFor(value, ERR, false)).toBe(points);
  });
});

describe('pointsFor, non-finite values', () => {
  it.each([NaN, Infinity, -Infinity])('%f earns 0 in both directions', (v) => {
    expect(pointsFor(v, ACC, true)).toBe(0);
    expect(pointsFor(v, ERR, false)).toBe(0);
  });
});

describe('validateThresholds', () => {
  it('accepts thresholds that rise for accuracy and fall for an error', () => {
    expect(validateThresholds(ACC, true, 'accuracy')).toEqual([]);
    expect(validateThresholds(ERR, false, 'mae')).toEqual([]);
  });

  it('rejects the wrong direction, naming the offending mark', () => {
    expect(validateThresholds(ERR, true)).not.toEqual([]);
    expect(validateThresholds(ACC, false)[0]).toMatch(/2\/5.*lower/);
  });

  it('rejects equal neighbours, wrong count, non-finite and out-of-range values', () => {
    expect(validateThresholds([0.5, 0.6, 0.6, 0.8, 0.9], true)).toHaveLength(1);
    expect(validateThresholds([0.5, 0.6, 0.7, 0.8], true)[0]).toMatch(/Expected 5/);
    expect(validateThresholds([0.5, NaN, 0.7, 0.8, 0.9], true)[0]).toMatch(/2\/5.*finite/);
    expect(validateThresholds([0.5, 0.6, 0.7, 0.8, 1.2], true, 'accuracy')[0]).toMatch(/\(0, 1\]/);
    expect(validateThresholds([0.2, 0.1, 0, -0.1, -0.2], false, 'mae')).toHaveLength(2);
  });

  it('draws the accuracy range at its edges: 0 is refused, 1 is allowed; an error of 0 is allowed', () => {
    expect(validateThresholds([0, 0.6, 0.7, 0.8, 0.9], true, 'accuracy')).toEqual(['Accuracy threshold for 1/5 (0) must lie in (0, 1].']);
    expect(validateThresholds([0.5, 0.6, 0.7, 0.8, 1], true, 'accuracy')).toEqual([]);
    expect(validateThresholds([0.4, 0.3, 0.2, 0.1, 0], false, 'mae')).toEqual([]);
  });
});
