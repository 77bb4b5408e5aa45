/**
 * `dojo grade` as a learner from Keras meets it: issue 14's cases as learner
 * files in a child process, on small slices. `--json` leaves exactly one JSON
 * object on stdout in every case; the type check runs first, as in the editor.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dojo } from '../../helpers/dojo-process';

const FIX = 'tests/fixtures/keras-parity';


// Written at test time, not kept in tests/fixtures: the project's own tsc run checks that folder.
const TYPE_ERRORS = `// Three mistakes the editor underlines; \`dojo grade\` reports the same ones first.
import * as tf from '@tensorflow/tfjs';
import { padSequences } from 'tensor-dojo';
import type { Lab, TextLabData } from 'tensor-dojo';

export default async function train(lab: Lab<TextLabData>): Promise<tf.LayersModel> {
  const xs = padSequences([[1]], { maxlen: 3 });
  const n: number = lab.data.train.texts;
  tf.layers.dense({ unit: 3 });
  return xs;
}
`;

/** stdout must be one JSON value on one line, nothing else. */
function onlyJson(stdout: string): Record<string, unknown> {
  expect(stdout.endsWith('\n')).toBe(true);
  expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('dojo grade with Keras habits', () => {
  it('trains sparseCategoricalCrossentropy on integer ids; the learner\'s model.summary() goes to stderr, the report alone to stdout', async () => {
    const { code, stdout, stderr } = await dojo('grade', 'mnist-cnn', `${FIX}/mnist-sparse.ts`, '--json', '--limit', '64', '--backend', 'cpu');
    expect(code).toBe(0);
    const report = onlyJson(stdout);
    expect(report).toMatchObject({ drill: 'mnist-cnn' });
    expect(Number.isFinite(report.value)).toBe(true);
    expect(stderr).toMatch(/Total params: 6810/);
  }, 120_000);

  it('stops an over-limit model at its first fit, in the grader\'s words, as one JSON error', async () => {
    const { code, stdout } = await dojo('grade', 'spam-conv1d', `${FIX}/sentiment-cnn-too-big.ts`, '--json', '--limit', '64', '--backend', 'cpu');
    expect(code).toBe(2);
    const { error } = onlyJson(stdout) as { error: Record<string, unknown> };
    expect(error).toMatchObject({ kind: 'contract', file: 'sentiment-cnn-too-big.ts', line: 23 });
    expect(error.message).toMatch(/^Training stopped before it began: The model has 799,251 parameters but the drill allows at most 500,000\. at sentiment-cnn-too-big\.ts:23:15/);
  }, 120_000);

  it('--train-anyway trains it and the grader then refuses it with the same words', async () => {
    const { code, stdout, stderr } = await dojo('grade', 'spam-conv1d', `${FIX}/sentiment-cnn-too-big.ts`, '--json', '--limit', '32', '--backend', 'cpu', '--train-anyway');
    expect(code).toBe(0);
    const report = onlyJson(stdout) as { passed: boolean; checks: Array<{ id: string; passed: boolean; message: string }> };
    const params = report.checks.find((c) => c.id === 'max-params');
    expect(params).toMatchObject({ passed: false, message: 'The model has 799,251 parameters but the drill allows at most 500,000.' });
    expect(report.passed).toBe(false);
    expect(stderr).toContain(`Training anyway, but the grader will refuse this model: ${params?.message}`);
  }, 180_000);

  it('reports type errors first as file:line:col, in JSON too; --no-typecheck skips them', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dojo-types-')), 'type-errors.ts');
    writeFileSync(file, TYPE_ERRORS);
    const text = await dojo('grade', 'spam-or-ham', file, '--limit', '16', '--backend', 'cpu');
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain(`${file}:8:9 Type 'string[]' is not assignable to type 'number'.`);
    expect(text.stderr).toContain(`${file}:9:21 Object literal may only specify known properties, but 'unit' does not exist in type 'DenseLayerArgs'.`);
    const json = await dojo('grade', 'spam-or-ham', file, '--json', '--limit', '16', '--backend', 'cpu');
    const { error } = onlyJson(json.stdout) as { error: { kind: string; typeErrors: Array<{ line: number; column: number }> } };
    expect(error.kind).toBe('type');
    expect(error.typeErrors.map((p) => [p.line, p.column])).toEqual([[8, 9], [9, 21], [10, 3]]);
    const skipped = await dojo('grade', 'spam-or-ham', file, '--json', '--no-typecheck', '--limit', '16', '--backend', 'cpu');
    expect(skipped.code).toBe(2);
    // It ran: the failure is now tfjs' own, at run time, on the line the type check flagged.
    expect((onlyJson(skipped.stdout) as { error: unknown }).error).toMatchObject({ kind: 'runtime', line: 9, message: expect.stringMatching(/units to be a positive integer/) });
  }, 180_000);

  it('prints a bad option as one JSON error', async () => {
    const { code, stdout } = await dojo('grade', 'mnist-cnn', 'x.ts', '--json', '--bogus');
    expect(code).toBe(2);
    expect((onlyJson(stdout) as { error: { message: string } }).error.message).toMatch(/Unknown option '--bogus'/);
  });
});
