/**
 * The links between stores that make the exam and model import work: a graded run
 * or an uploaded model counts for a running exam and is kept as an attempt.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { io } from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Area } from '../../../src/core/drill';
import { scoreExam } from '../../../src/core/exam';
import type { GradeReport } from '../../../src/core/grading/report';
import type { GraderClient, RunOutcome, RunnerClient } from '../../../src/runner/types';
import { DrillRegistry } from '../../../src/core/registry';
import { createAppStores } from '../../../src/state/app-stores';
import { parseRoute, routeHref, type Route } from '../../../src/state/route';
import { createMemoryStorage } from '../../../src/storage/dojo-storage';
import { memoryExamStorage } from '../../../src/storage/exam-storage';

const T0 = 1_700_000_000_000;
beforeEach(() => vi.useFakeTimers({ now: T0 }));
afterEach(() => vi.useRealTimers());

const DRILLS = ['reg', 'fashion', 'emoji', 'spam', 'co2'].map((id, i) => ({ id, area: (i + 1) as Area }));
const FIXTURE = join(__dirname, '../../fixtures/models/linear-2x-1.5');
const fixtureFiles = () => [
  { name: 'x.json', bytes: new Uint8Array(readFileSync(join(FIXTURE, 'x.json'))) },
  { name: 'x.weights.bin', bytes: new Uint8Array(readFileSync(join(FIXTURE, 'x.weights.bin'))) },
];

const report = (drill: string, points: number): GradeReport => ({
  drill,
  metric: { name: 'mae', higherIsBetter: false, label: 'MAE' },
  value: 1,
  thresholds: [5, 4, 3, 2, 1],
  points,
  maxPoints: 5,
  passed: points === 5,
  checks: [],
  reasons: [],
  testExamples: 10,
  gradedAt: 'now',
  ms: 1,
});

function setup(points: number[]) {
  const outcome: RunOutcome = {
    status: 'completed',
    artifacts: { modelTopology: {} } as io.ModelArtifacts,
    backend: 'cpu',
    ms: 10,
    tensors: { before: 0, after: 0, modelWeights: 0 },
  };
  const runner: RunnerClient = { run: () => ({ runId: 'r', stop() {}, finished: Promise.resolve(outcome) }) };
  const graded: io.ModelArtifacts[] = [];
  let i = 0;
  const grader: GraderClient = {
    grade: async (drillId, artifacts) => {
      graded.push(artifacts);
      return report(drillId, points[i++] ?? 0);
    },
  };
  const stores = createAppStores({
    drills: new DrillRegistry([]),
    runner,
    grader,
    storage: createMemoryStorage(),
    settings: { initial: undefined, persist() {} },
    exam: memoryExamStorage(),
  });
  return { stores, graded };
}

async function trainAndSubmit(stores: ReturnType<typeof setup>['stores'], drillId: string) {
  stores.run.getState().start({ drillId, source: 'code', backend: 'cpu' });
  await vi.advanceTimersByTimeAsync(0);
  await stores.run.getState().submit();
}

describe('exam wiring', () => {
  it('records a submitted run for its exam task, keeping the best mark', async () => {
    const { stores } = setup([3, 5, 2]);
    stores.exam.getState().start({ drills: DRILLS, minutes: 30 });
    for (let k = 0; k < 3; k++) await trainAndSubmit(stores, 'co2');
    const sheet = scoreExam(stores.exam.getState().exam!);
    expect(sheet.tasks[4]).toMatchObject({ points: 5, submissions: 3 });
    expect(stores.progress.getState().attempts).toHaveLength(3);
  });

  it('does not count a run that was trained before the exam started', async () => {
    const { stores } = setup([5]);
    stores.run.getState().start({ drillId: 'co2', source: 'code', backend: 'cpu' });
    await vi.advanceTimersByTimeAsync(1000);
    stores.exam.getState().start({ drills: DRILLS, minutes: 30 });
    await stores.run.getState().submit();
    expect(scoreExam(stores.exam.getState().exam!).tasks[4]!.submitted).toBe(false);
    expect(stores.progress.getState().attempts).toHaveLength(1);
  });
});

describe('model import', () => {
  it('reads uploaded files, grades them, records an attempt and the exam task', async () => {
    const { stores, graded } = setup([4]);
    stores.exam.getState().start({ drills: DRILLS, minutes: 30 });
    await stores.modelImport.getState().grade('reg', fixtureFiles());
    expect(stores.modelImport.getState()).toMatchObject({ status: 'graded', drillId: 'reg', error: null, fileNames: ['x.json', 'x.weights.bin'] });
    expect(stores.modelImport.getState().report?.points).toBe(4);
    // The grader got real artifacts built from the files: a Dense layer and its 2 float32 weights.
    expect(graded).toHaveLength(1);
    expect(graded[0]!.weightSpecs?.map((w) => w.shape)).toEqual([[1, 1], [1]]);
    expect((graded[0]!.weightData as ArrayBuffer).byteLength).toBe(8);
    expect(scoreExam(stores.exam.getState().exam!).tasks[0]).toMatchObject({ points: 4, submitted: true });
    const [attempt] = stores.progress.getState().attempts;
    expect(attempt).toMatchObject({ drillId: 'reg', points: 4, backend: null });
    expect(attempt!.code).toMatch(/Imported model \(x\.json, x\.weights\.bin\)/);
  });

  it('shows the reader\'s message for a broken upload and never calls the grader', async () => {
    const { stores, graded } = setup([5]);
    const [json, weights] = fixtureFiles();
    await stores.modelImport.getState().grade('reg', [json!, { ...weights!, bytes: weights!.bytes.slice(0, 5) }]);
    expect(stores.modelImport.getState().status).toBe('failed');
    expect(stores.modelImport.getState().error).toMatch(/truncated/);
    await stores.modelImport.getState().grade('reg', [json!]);
    expect(stores.modelImport.getState().error).toMatch(/x\.weights\.bin.*not among the files/);
    await stores.modelImport.getState().grade('reg', [{ name: 'model.json', bytes: new TextEncoder().encode('{"modelTop') }]);
    expect(stores.modelImport.getState().error).toMatch(/not valid JSON/);
    expect(graded).toHaveLength(0);
    expect(stores.progress.getState().attempts).toHaveLength(0);
  });

  it('shows the grader\'s message when grading fails', async () => {
    const failing = createAppStores({
      drills: new DrillRegistry([]),
      runner: { run: () => ({ runId: 'r', stop() {}, finished: new Promise(() => {}) }) },
      grader: { grade: async () => Promise.reject(new Error('The model uses a layer TensorFlow.js does not know: Lambda.')) },
      storage: createMemoryStorage(),
      settings: { initial: undefined, persist() {} },
    });
    await failing.modelImport.getState().grade('reg', fixtureFiles());
    expect(failing.modelImport.getState()).toMatchObject({ status: 'failed', error: expect.stringMatching(/Lambda/), report: null });
  });
});

describe('routes', () => {
  it('parses and builds the exam and import routes', () => {
    const cases: [string, Route][] = [
      ['#/exam', { name: 'exam' }],
      ['#/exam/auto-mpg', { name: 'exam-task', id: 'auto-mpg' }],
      ['#/import', { name: 'import' }],
      ['#/import/co2-forecast', { name: 'import', drillId: 'co2-forecast' }],
    ];
    for (const [hash, route] of cases) {
      expect(parseRoute(hash)).toEqual(route);
      expect(routeHref(route)).toBe(hash);
    }
    for (const bad of ['#/exam/a/b', '#/exam/%E0', '#/import/no%20spaces', '#/examx']) expect(parseRoute(bad).name).toBe('not-found');
  });
});
