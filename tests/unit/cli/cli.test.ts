/**
 * The `dojo` command end to end, as a user runs it: a child process, its output
 * and its exit code.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { dojo } from '../../helpers/dojo-process';
import { artifactsToFiles } from '../../../src/core/grading';
import { pointsFor } from '../../../src/core/grading/points';
import { DEFAULT_PASS_POINTS } from '../../../src/core/drill';
import { loadRegistry } from '../../../src/cli/exercises';
import { loadSplitsNode, trainFile } from '../../../src/cli/node-runner';



describe('dojo CLI', () => {
  it('lists drills as JSON with the fields tools rely on', async () => {
    const { code, stdout } = await dojo('list', '--json');
    expect(code).toBe(0);
    const drills = JSON.parse(stdout) as Array<Record<string, unknown>>;
    const autoMpg = drills.find((d) => d.id === 'auto-mpg');
    expect(autoMpg).toMatchObject({ area: 1, metric: { name: 'mae' } });
    expect(autoMpg?.thresholds).toHaveLength(5);
    for (const d of drills) expect(Object.keys(d)).toEqual(expect.arrayContaining(['id', 'area', 'title', 'metric', 'thresholds']));
  });

  it('trains and grades a solution file, printing one JSON object', async () => {
    const { code, stdout } = await dojo('grade', 'auto-mpg', 'exercises/auto-mpg/solution.ts', '--json', '--limit', '120', '--backend', 'cpu');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ drill: 'auto-mpg', metric: { name: 'mae' } });
    expect(Number.isFinite(report.value)).toBe(true);
    // The points and the verdict are the drill's thresholds applied to the reported value.
    const { drill } = (await loadRegistry()).get('auto-mpg');
    expect(report.points).toBe(pointsFor(report.value, drill.thresholds, drill.metric.higherIsBetter));
    expect(report.passed).toBe(report.points >= DEFAULT_PASS_POINTS);
    expect(report.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
  });

  it('grades a saved model directory exactly as the same model graded in process', async () => {
    const { drill } = (await loadRegistry()).get('auto-mpg');
    const splits = await loadSplitsNode(drill, { limit: 120 });
    const result = await trainFile({ drill, file: 'exercises/auto-mpg/solution.ts', backend: 'cpu', splits });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const dir = mkdtempSync(path.join(tmpdir(), 'dojo-model-'));
    for (const f of artifactsToFiles(result.artifacts, 'model')) writeFileSync(path.join(dir, f.name), f.bytes);
    const { code, stdout } = await dojo('grade', 'auto-mpg', path.join(dir, 'model.json'), '--json', '--backend', 'cpu');
    expect(code).toBe(0);
    const fromDisk = JSON.parse(stdout);
    // Same weights, same held-out data: the same metric to float precision.
    const { gradeArtifacts } = await import('../../../src/runner/grade-artifacts');
    await tf.setBackend('cpu');
    const inProcess = await gradeArtifacts(drill, result.artifacts, await loadSplitsNode(drill));
    expect(fromDisk.value).toBeCloseTo(inProcess.value!, 4);
    expect(fromDisk.points).toBe(inProcess.points);
  });

  it('gives a model that breaks the contract 0 points, with the reason, and still exits 0', async () => {
    const { code, stdout } = await dojo('grade', 'auto-mpg', 'tests/fixtures/models/linear-2x-1.5/x.json', '--json', '--backend', 'cpu');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.points).toBe(0);
    expect(report.checks.find((c: { id: string }) => c.id === 'input-shape')).toMatchObject({ passed: false });
  });

  it.each([
    [['grade', 'no-such-drill', 'exercises/auto-mpg/solution.ts'], /unknown drill "no-such-drill"/],
    [['grade', 'auto-mpg', 'missing/solution.ts'], /no such file/],
    [['grade', 'auto-mpg', 'package.json'], /modelTopology|model/i],
    [['grade', 'auto-mpg'], /expected a drill id \(or a custom drill's \.json\) and a file/],
    [['grade', 'tests/fixtures/share/v1-links.json', 'exercises/auto-mpg/solution.ts'], /This custom drill is not valid: id must be text/],
    [['grade', 'no/such/custom.json', 'exercises/auto-mpg/solution.ts'], /no such custom drill file/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('fails clearly on %j', async (args, message) => {
    const { code, stderr } = await dojo(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace for user errors
  });

  it('grades a model against a custom drill file by its own metric and thresholds, on its base drill’s test split', async () => {
    const fixture = JSON.parse(readFileSync('tests/fixtures/share/v1-links.json', 'utf8')).custom.custom;
    const dir = mkdtempSync(path.join(tmpdir(), 'dojo-custom-'));
    const defFile = path.join(dir, 'custom.json');
    writeFileSync(defFile, JSON.stringify({ ...fixture, metric: { name: 'rmse', label: 'test RMSE (mpg)' }, thresholds: [9, 8, 7, 6, 5] }));
    await tf.setBackend('cpu');
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [9], units: 1, kernelInitializer: 'zeros', biasInitializer: tf.initializers.constant({ value: 23 }) })] });
    let artifacts!: tf.io.ModelArtifacts;
    await model.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    for (const f of artifactsToFiles(artifacts, 'model')) writeFileSync(path.join(dir, f.name), f.bytes);

    const custom = await dojo('grade', defFile, path.join(dir, 'model.json'), '--json', '--backend', 'cpu');
    const shipped = await dojo('grade', 'auto-mpg', path.join(dir, 'model.json'), '--json', '--backend', 'cpu');
    expect(custom.code).toBe(0);
    expect(shipped.code).toBe(0);
    const c = JSON.parse(custom.stdout);
    const s = JSON.parse(shipped.stdout);
    expect(c).toMatchObject({ drill: 'custom-mpg-tight', metric: { name: 'rmse', label: 'test RMSE (mpg)' }, thresholds: [9, 8, 7, 6, 5] });
    expect(s).toMatchObject({ drill: 'auto-mpg', metric: { name: 'mae' } });
    // The same predictions on the same test split: RMSE is never below MAE, and both are far from 0 for a constant guess.
    expect(c.testExamples).toBe(s.testExamples);
    expect(c.value).toBeGreaterThanOrEqual(s.value);
    expect(s.value).toBeGreaterThan(3);
    expect(c.points).toBe(c.thresholds.filter((t: number) => c.value <= t).length);
  });

  it('refuses a custom drill file that could not be graded on its base, with the reason', async () => {
    const fixture = JSON.parse(readFileSync('tests/fixtures/share/v1-links.json', 'utf8')).custom.custom;
    const dir = mkdtempSync(path.join(tmpdir(), 'dojo-custom-bad-'));
    const defFile = path.join(dir, 'custom.json');
    writeFileSync(defFile, JSON.stringify({ ...fixture, contract: { ...fixture.contract, inputShape: [4] } }));
    const { code, stderr } = await dojo('grade', defFile, 'exercises/auto-mpg/solution.ts');
    expect(code).toBe(2);
    expect(stderr).toMatch(/model input must be \[9\]/);
    writeFileSync(defFile, '{ not json');
    expect((await dojo('grade', defFile, 'exercises/auto-mpg/solution.ts')).stderr).toMatch(/is not valid JSON/);
  });

  it('points at the line of an error in a solution file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dojo-bad-'));
    const file = path.join(dir, 'bad.ts');
    writeFileSync(file, `export default async function train() {\n  const model = null as any;\n  model.fit();\n}\n`);
    const { code, stderr } = await dojo('grade', 'auto-mpg', file, '--backend', 'cpu');
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.ts:3:\d+/);
  });
});
