/**
 * Issue 18: every series drill is passable by the course's own method (min-max,
 * windows, Conv1D + LSTM, Huber, Adam; on co2-forecast after differencing, as its
 * statement teaches). The solutions written that way live in
 * tests/fixtures/course-method/; their full-data marks are measured with
 * `dojo grade <drill> tests/fixtures/course-method/<drill>.ts` and quoted in each
 * drill's calibration note. Here each one runs on a small slice through the real
 * train → grade path, so a change to a drill's contract or framing that would break
 * them fails at once.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../src/cli/exercises';
import { limitSplits, loadSplitsNode, trainFile } from '../../../src/cli/node-runner';
import { gradeArtifacts } from '../../../src/runner/grade-artifacts';

describe('course-method solutions of the series drills', async () => {
  const registry = await loadRegistry();
  const series = registry.list().filter((d) => d.area === 5 && d.base === undefined).map((d) => d.id);

  it('exist for every series drill, and each calibration note quotes its marks', () => {
    expect(series.length).toBeGreaterThanOrEqual(4);
    for (const id of series) {
      expect(existsSync(`tests/fixtures/course-method/${id}.ts`), id).toBe(true);
      expect(registry.get(id).drill.calibration, id).toMatch(/the course's recipe[^;]*\d\/5/);
    }
  });

  it.each(series)('%s: trains on a slice and meets the contract', { timeout: 240_000 }, async (id) => {
    const { drill } = registry.get(id);
    const small = limitSplits(await loadSplitsNode(drill), 100);
    const result = await trainFile({ drill, file: `tests/fixtures/course-method/${id}.ts`, backend: 'wasm', splits: small });
    if (!result.ok) throw new Error(`course-method/${id}.ts failed: ${result.error.message}`);
    const report = await gradeArtifacts(drill, result.artifacts, small);
    expect(report.checks.every((c) => c.passed), report.reasons.join(' ')).toBe(true);
    expect(Number.isFinite(report.value)).toBe(true);
  });
});
