/**
 * `dojo bench verify-all`: `dojo verify` per drill in a child process with a time
 * budget. The row logic on hand-made verify lines, then the real command: a drill
 * verified on a slice within its budget, and one stopped when its budget runs out.
 */
import { describe, expect, it } from 'vitest';
import type { VerifyRow } from '../../../src/cli/commands/verify';
import { budgetFromEnv, DEFAULT_BUDGET_S, runVerify, verifyAllRow, verifyRowsOf } from '../../../src/cli/bench/verify-all';

const row = (file: VerifyRow['file'], points: number, passed: boolean): VerifyRow => ({
  drill: 'd',
  file,
  points,
  value: 0.1,
  passed,
  ok: file === 'solution' ? passed : !passed,
  seconds: 3,
  backend: 'wasm',
});

describe('verify-all rows', () => {
  it("reads verify's JSON lines and skips anything else on stdout", () => {
    const stdout = ['Hi there 👋. Looks like you are running TensorFlow.js in Node.js.', JSON.stringify(row('solution', 5, true)), '{ not json', JSON.stringify({ drill: 'd' }), JSON.stringify(row('baseline', 1, false)), ''].join('\n');
    expect(verifyRowsOf(stdout).map((r) => [r.file, r.points])).toEqual([
      ['solution', 5],
      ['baseline', 1],
    ]);
  });

  it('is ok only when the reference passes, the baseline fails and the time is within budget', () => {
    const good = { rows: [row('solution', 5, true), row('baseline', 0, false)], seconds: 40, stopped: false };
    expect(verifyAllRow('d', good, 60)).toMatchObject({ referencePoints: 5, baselinePoints: 0, withinBudget: true, ok: true, ratio: 1.5, baseline: 60, ours: 40 });
    expect(verifyAllRow('d', { ...good, seconds: 61 }, 60)).toMatchObject({ withinBudget: false, ok: false });
    expect(verifyAllRow('d', { ...good, rows: [row('solution', 4, false), row('baseline', 0, false)] }, 60).ok).toBe(false);
    expect(verifyAllRow('d', { ...good, rows: [row('solution', 5, true), row('baseline', 5, true)] }, 60).ok).toBe(false);
    const stopped = verifyAllRow('d', { rows: [row('solution', 5, true)], seconds: 60, stopped: true }, 60);
    expect(stopped).toMatchObject({ referencePoints: 5, baselinePoints: null, withinBudget: false, ok: false });
    expect(stopped.name).toMatch(/baseline not graded.*stopped at the 60 s budget/);
  });

  it('takes the budget from --budget-s (via the environment) and refuses nonsense', () => {
    expect(budgetFromEnv(undefined)).toBe(DEFAULT_BUDGET_S);
    expect(budgetFromEnv('120')).toBe(120);
    expect(() => budgetFromEnv('0')).toThrow(/positive number of seconds/);
    expect(() => budgetFromEnv('soon')).toThrow(/positive number of seconds/);
  });
});

describe('verify-all runs dojo verify', () => {
  it('verifies a drill within its budget: the reference passes, the baseline fails', async () => {
    const run = await runVerify('mpg-one-neuron', 600, 80);
    expect(run.stopped).toBe(false);
    expect(run.error).toBeUndefined();
    const r = verifyAllRow('mpg-one-neuron', run, 600);
    expect(r).toMatchObject({ referencePoints: expect.any(Number), baselinePoints: expect.any(Number), withinBudget: true });
    expect(run.rows.map((x) => x.file)).toEqual(['solution', 'baseline']);
  }, 300_000);

  it('stops a drill whose budget runs out, and says so', async () => {
    const run = await runVerify('mpg-one-neuron', 0.3);
    expect(run.stopped).toBe(true);
    expect(run.seconds).toBeLessThan(30);
    expect(verifyAllRow('mpg-one-neuron', run, 0.3)).toMatchObject({ ok: false, withinBudget: false });
  }, 60_000);
});
