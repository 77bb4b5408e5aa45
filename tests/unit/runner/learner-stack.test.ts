import { describe, expect, it } from 'vitest';
import { learnerFrames, measureFunctionHeaderLines, parseStack, toLearnerError } from '../../../src/runner/learner-stack';

describe('learner stack mapping', () => {
  it('measures the new Function header so positions land on the learner line', () => {
    const header = measureFunctionHeaderLines('probe.ts');
    const body = 'const a = 1;\nconst b = 2;\nnull.boom;\n//# sourceURL=probe.ts';
    try {
      new Function(body)();
      expect.unreachable();
    } catch (e) {
      const error = toLearnerError(e, 'probe.ts', header);
      expect(error.kind).toBe('runtime');
      expect(error.position?.line).toBe(3);
      expect(error.message).toMatch(/line 3, column \d+/);
      expect(error.stack).toMatch(/^at probe\.ts:3:\d+/);
    }
  });

  it('parses V8 and Firefox style frames', () => {
    const frames = parseStack('Error: x\n    at train (drill.ts:7:11)\n    at async run (worker.js:1:99)\ntrain@drill.ts:8:3');
    expect(frames.map((f) => [f.file, f.line, f.column])).toEqual([
      ['drill.ts', 7, 11],
      ['worker.js', 1, 99],
      ['drill.ts', 8, 3],
    ]);
  });

  it('keeps only learner frames, shifted by the header', () => {
    const frames = learnerFrames('Error\n at a (drill.ts:5:2)\n at b (tfjs.js:100:1)', 'drill.ts', 2);
    expect(frames).toHaveLength(1);
    expect(frames[0].position).toEqual({ line: 3, column: 2 });
  });

  it('classifies backend failures and suggests the next backend', () => {
    const e = toLearnerError(new Error("Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'"), 'drill.ts', 2);
    expect(e.kind).toBe('backend');
    expect(e.hint).toMatch(/next backend/);
  });

  it('gives a misspelt call a pointer under the raw message, and a translated message none', () => {
    let thrown: unknown;
    try {
      // What V8 throws for `tf.sequentail()`: no rule translates it.
      (({}) as { sequentail: () => void }).sequentail();
    } catch (e) {
      thrown = e;
    }
    const misspelt = toLearnerError(thrown, 'drill.ts', 2);
    expect(misspelt.original).toBeUndefined();
    expect(misspelt.message).toMatch(/sequentail is not a function/);
    expect(misspelt.hint).toMatch(/spelling/);
    const translated = toLearnerError(new Error('Input 0 is incompatible with layer conv2d_Conv2D1: expected min_ndim=4, found ndim=2.'), 'drill.ts', 2);
    expect(translated.original).toBeDefined();
    expect(translated.hint).toBeUndefined();
  });

  it('describes non-Error throws', () => {
    expect(toLearnerError('plain', 'drill.ts', 2).message).toBe('plain');
    expect(toLearnerError({ a: 1 }, 'drill.ts', 2).message).toContain('{"a":1}');
  });
});
