import { describe, expect, it } from 'vitest';
import { transpileLearnerSource } from '../../../src/runner/transpile';

describe('transpileLearnerSource', () => {
  it('strips types and turns imports into require calls, keeping every line in place', () => {
    const source = [
      "import * as tf from '@tensorflow/tfjs';",
      "import { padSequences } from 'tensor-dojo';",
      'export default async function train(lab: { seed: number }): Promise<tf.LayersModel> {',
      '  const n: number = lab.seed;',
      '  return padSequences([[n]]) as never;',
      '}',
    ].join('\n');
    const result = transpileLearnerSource(source);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.code).toContain("require('tensor-dojo')");
    expect(result.code).not.toContain(': number');
    const lines = result.code.split('\n');
    expect(lines.length).toBe(source.split('\n').length);
    expect(lines[3]).toContain('const n = lab.seed');
  });

  it('reports a syntax error with its 1-based line and column', () => {
    const result = transpileLearnerSource('const ok = 1;\nconst broken = ;\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('syntax');
    expect(result.error.position).toEqual({ line: 2, column: 16 });
    expect(result.error.message).toMatch(/^Syntax error: Unexpected token/);
    expect(result.error.message).not.toMatch(/\(\d+:\d+\)/);
  });

  it('reports an unclosed block at the end of the file', () => {
    const result = transpileLearnerSource('function f() {\n  return 1;\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.position?.line).toBe(3);
  });
});
