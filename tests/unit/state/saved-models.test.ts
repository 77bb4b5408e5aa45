/**
 * Trained models are kept so that nothing trained is lost: IndexedDB storage with
 * per-drill pruning, the store that keeps, marks and reads them back, the run store
 * putting one back as a completed run, and export/import carrying them.
 */
import 'fake-indexeddb/auto';
import type { io } from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { artifactsFromFiles, artifactsToFiles } from '../../../src/core/grading/model-io';
import type { GradeReport } from '../../../src/core/grading/report';
import type { GraderClient, RunnerClient } from '../../../src/runner/types';
import { createRunStore, type GradedSubmission } from '../../../src/state/run';
import { createSavedModelsStore, type ModelFileCodec } from '../../../src/state/saved-models';
import { SAVED_MODELS_PER_DRILL, type NewSavedModel } from '../../../src/storage/db';
import { base64ToBytes, bytesToBase64 } from '../../../src/storage/export-file';
import { createLocalData } from '../../../src/storage/local-data';
import { planMerge } from '../../../src/storage/merge';
import { createIdbModelStorage, createMemoryModelStorage, modelsToDrop } from '../../../src/storage/model-storage';

// A real (tiny) tfjs model's artifacts: one Dense unit, kernel 2, bias 1.5.
const ARTIFACTS: io.ModelArtifacts = {
  modelTopology: {
    class_name: 'Sequential',
    config: { name: 's', layers: [{ class_name: 'Dense', config: { units: 1, batch_input_shape: [null, 1], dtype: 'float32', name: 'd', use_bias: true, activation: 'linear' } }] },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  },
  weightSpecs: [
    { name: 'd/kernel', shape: [1, 1], dtype: 'float32' },
    { name: 'd/bias', shape: [1], dtype: 'float32' },
  ],
  weightData: new Float32Array([2, 1.5]).buffer,
  format: 'layers-model',
  generatedBy: 'TensorFlow.js tfjs-layers v4.22.0',
};
const codec: ModelFileCodec = { toFiles: async (a) => artifactsToFiles(a, 'model'), fromFiles: async (f) => artifactsFromFiles(f) };
const meta = (drillId: string, savedAt: number): NewSavedModel => ({ drillId, savedAt, code: `// ${savedAt}`, backend: 'cpu', runMs: 10, bytes: 3, points: null });
const files = (tag: number) => [{ name: 'model.json', bytes: new Uint8Array([tag]) }];

describe('model storage', () => {
  it.each([
    ['IndexedDB', () => createIdbModelStorage({ dbName: `dojo-models-${Math.random()}` })],
    ['memory', () => createMemoryModelStorage()],
  ])('%s: keeps the last few per drill, oldest dropped first, other drills untouched', async (_name, make) => {
    const storage = make();
    await storage.saveModel(meta('other', 1), files(99));
    const saved: Awaited<ReturnType<typeof storage.saveModel>>[] = [];
    for (let t = 1; t <= SAVED_MODELS_PER_DRILL + 2; t++) saved.push(await storage.saveModel(meta('d', t * 10), files(t)));
    expect(saved[SAVED_MODELS_PER_DRILL]!.dropped).toEqual([saved[0]!.record.id]);
    const list = await storage.listModels();
    expect(list.filter((m) => m.drillId === 'd').map((m) => m.savedAt).sort((a, b) => a - b)).toEqual([30, 40, 50, 60, 70]);
    expect(list.filter((m) => m.drillId === 'other')).toHaveLength(1);
    expect(await storage.loadModelFiles(saved[0]!.record.id)).toBeUndefined();
    expect(await storage.loadModelFiles(saved[6]!.record.id)).toEqual(files(7));
    await storage.setModelPoints(saved[6]!.record.id, 4);
    expect((await storage.listModels()).find((m) => m.id === saved[6]!.record.id)?.points).toBe(4);
    await storage.deleteModel(saved[6]!.record.id);
    expect(await storage.loadModelFiles(saved[6]!.record.id)).toBeUndefined();
  });

  it('picks the oldest beyond the limit', () => {
    const recs = [5, 1, 3, 2, 4, 6].map((t, i) => ({ ...meta('d', t), id: i + 1 }));
    expect(modelsToDrop(recs)).toEqual([2, 4]);
    expect(modelsToDrop(recs.slice(0, 3))).toEqual([]);
  });
});

describe('saved models store', () => {
  it('keeps a trained model, marks it when graded, and reads it back as the same model', async () => {
    const storage = createMemoryModelStorage();
    const store = createSavedModelsStore({ storage, codec, now: () => 1234 });
    await store.getState().load();
    const record = await store.getState().keep({ drillId: 'd', code: 'code', backend: 'wasm', runMs: 77, artifacts: ARTIFACTS });
    expect(record).toMatchObject({ drillId: 'd', savedAt: 1234, code: 'code', backend: 'wasm', runMs: 77, points: null });
    expect(record!.bytes).toBeGreaterThan(8);
    await store.getState().markGraded(ARTIFACTS, 5);
    expect(store.getState().models[0]!.points).toBe(5);
    await store.getState().markGraded({ ...ARTIFACTS }, 1); // another object: not a kept model
    expect((await storage.listModels())[0]!.points).toBe(5);

    const again = createSavedModelsStore({ storage, codec });
    await again.getState().load();
    const back = await again.getState().artifacts(record!.id);
    expect(back.modelTopology).toEqual(ARTIFACTS.modelTopology);
    expect([...new Float32Array(back.weightData as ArrayBuffer)]).toEqual([2, 1.5]);
    // Graded again after loading back: the mark lands on the same record.
    await again.getState().markGraded(back, 3);
    expect((await storage.listModels())[0]!.points).toBe(3);
  });

  it('records that a kept model came from a stopped run, and only then', async () => {
    const storage = createMemoryModelStorage();
    const store = createSavedModelsStore({ storage, codec, now: () => 1 });
    await store.getState().load();
    await store.getState().keep({ drillId: 'd', code: 'finished', backend: 'cpu', runMs: 1, artifacts: ARTIFACTS });
    await store.getState().keep({ drillId: 'd', code: 'stopped', backend: 'cpu', runMs: 1, artifacts: { ...ARTIFACTS }, stoppedEarly: true });
    const stored = await storage.listModels();
    expect(Object.fromEntries(stored.map((m) => [m.code, m.stoppedEarly ?? false]))).toEqual({ finished: false, stopped: true });
  });

  it('puts the mark on a model that was still being written when it was graded', async () => {
    const storage = createMemoryModelStorage();
    let release!: () => void;
    const slowFiles: ModelFileCodec = { ...codec, toFiles: async (a) => (await new Promise<void>((r) => (release = r)), codec.toFiles(a)) };
    const store = createSavedModelsStore({ storage, codec: slowFiles });
    const kept = store.getState().keep({ drillId: 'd', code: '', backend: 'cpu', runMs: 1, artifacts: ARTIFACTS });
    const marked = store.getState().markGraded(ARTIFACTS, 5);
    await new Promise((r) => setTimeout(r, 0));
    release();
    await Promise.all([kept, marked]);
    expect((await storage.listModels())[0]!.points).toBe(5);
    expect(store.getState().models[0]!.points).toBe(5);
  });

  it('says clearly when a kept model is gone or damaged', async () => {
    const storage = createMemoryModelStorage();
    const store = createSavedModelsStore({ storage, codec });
    await expect(store.getState().artifacts(42)).rejects.toThrow(/no longer in this browser/);
    const { record } = await storage.saveModel(meta('d', 1), [{ name: 'model.json', bytes: new TextEncoder().encode('{"not": "a model"') }]);
    await expect(store.getState().artifacts(record.id)).rejects.toThrow(/JSON|model/i);
  });

  it('takes what was kept or removed while the list was being read over what the read returned', async () => {
    const inner = createMemoryModelStorage();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // The list is read at once but arrives late, as a slow IndexedDB read would.
    const storage = { ...inner, listModels: async () => [await inner.listModels(), await gate][0]! };
    const store = createSavedModelsStore({ storage, codec });
    const gone = await store.getState().keep({ drillId: 'd', code: 'gone', backend: 'cpu', runMs: 1, artifacts: ARTIFACTS });
    const loading = store.getState().load();
    await store.getState().remove(gone!.id);
    const fresh = await store.getState().keep({ drillId: 'd', code: 'fresh', backend: 'cpu', runMs: 1, artifacts: { ...ARTIFACTS } });
    release();
    await loading;
    expect(await inner.listModels()).toEqual([fresh]);
    expect(store.getState().models).toEqual([fresh]);
  });

  it('reports a full disk and goes on: the run’s model is simply not kept', async () => {
    const problems: string[] = [];
    const storage = { ...createMemoryModelStorage(), saveModel: async () => Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' })) };
    const store = createSavedModelsStore({ storage, codec, onStorageProblem: (p) => problems.push(p.kind) });
    expect(await store.getState().keep({ drillId: 'd', code: '', backend: 'cpu', runMs: 1, artifacts: ARTIFACTS })).toBeNull();
    expect(problems).toEqual(['quota']);
    expect(store.getState().models).toEqual([]);
  });
});

describe('run store: a kept model loaded back', () => {
  it('becomes the completed run, is submitted and graded like a fresh one', async () => {
    const graded: GradedSubmission[] = [];
    const grades: unknown[][] = [];
    const grader: GraderClient = {
      grade: async (...args) => {
        grades.push(args);
        return { drill: 'd', points: 4, metric: { name: 'mae' }, value: 1, passed: false } as GradeReport;
      },
    };
    const runner: RunnerClient = { run: () => ({ runId: 'r', stop() {}, finished: new Promise(() => {}) }) };
    const completedRuns: unknown[] = [];
    const store = createRunStore({ runner, grader, onGraded: (s) => void graded.push(s), onCompleted: (r) => completedRuns.push(r) });
    store.getState().restore({ drillId: 'd', source: 'old code', completed: { artifacts: ARTIFACTS, backend: 'webgl', ms: 500 }, trainedAt: 10_000 });
    expect(store.getState()).toMatchObject({ status: 'completed', drillId: 'd', source: 'old code', restoredFrom: 10_000, startedAt: 9_500 });
    await store.getState().submit();
    expect(grades).toEqual([['d', ARTIFACTS, undefined]]);
    expect(graded[0]).toMatchObject({ drillId: 'd', code: 'old code', backend: 'webgl', runMs: 500, artifacts: ARTIFACTS });
    // Loading back is not a new training run: nothing new to keep.
    expect(completedRuns).toEqual([]);
  });

  it('never replaces a live run', () => {
    const runner: RunnerClient = { run: () => ({ runId: 'r', stop() {}, finished: new Promise(() => {}) }) };
    const store = createRunStore({ runner, grader: { grade: async () => ({}) as GradeReport } });
    store.getState().start({ drillId: 'd', source: 'new', backend: 'cpu' });
    store.getState().restore({ drillId: 'd', source: 'old', completed: { artifacts: ARTIFACTS, backend: 'cpu', ms: 1 }, trainedAt: 1 });
    expect(store.getState()).toMatchObject({ status: 'starting', source: 'new', restoredFrom: null });
  });
});

describe('saved models in export and import', () => {
  it('encodes bytes as base64 and back, for every byte value and a large buffer', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
    const big = new Uint8Array(300_000).map((_, i) => (i * 7919) % 256);
    expect(base64ToBytes(bytesToBase64(big))).toEqual(big);
    expect(bytesToBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
  });

  it('moves a model with its weights to another browser, once', async () => {
    const from = `dojo-mfrom-${Math.random()}`;
    const storage = createIdbModelStorage({ dbName: from });
    const store = createSavedModelsStore({ storage, codec, now: () => 5 });
    await store.getState().keep({ drillId: 'auto-mpg', code: 'c', backend: 'cpu', runMs: 3, artifacts: ARTIFACTS });
    const file = JSON.parse(JSON.stringify(await createLocalData({ dbName: from }).exportAll()));
    expect(file.models).toHaveLength(1);

    const to = `dojo-mto-${Math.random()}`;
    const first = await createLocalData({ dbName: to }).importText(JSON.stringify(file));
    expect(first).toMatchObject({ ok: true, outcome: { changedModels: true, summary: { modelsAdded: 1 } } });
    const there = createSavedModelsStore({ storage: createIdbModelStorage({ dbName: to }), codec });
    await there.getState().load();
    expect(there.getState().models).toMatchObject([{ drillId: 'auto-mpg', savedAt: 5, code: 'c' }]);
    const back = await there.getState().artifacts(there.getState().models[0]!.id);
    expect([...new Float32Array(back.weightData as ArrayBuffer)]).toEqual([2, 1.5]);
    const second = await createLocalData({ dbName: to }).importText(JSON.stringify(file));
    expect(second).toMatchObject({ ok: true, outcome: { changedModels: false, summary: { modelsAdded: 0 } } });
  });

  it.each([
    ['not base64 at all', 'not base64!'],
    // Passes a character check, but atob refuses it (one character too many).
    ['damaged base64', 'AAAAA'],
  ])('skips and counts a model whose weights are %s, and imports the rest of the file', async (_what, base64) => {
    const to = `dojo-mbad-${Math.random()}`;
    const file = {
      format: 'tensor-dojo-export',
      version: 1,
      exportedAt: 1,
      drafts: [{ drillId: 'a', code: 'x', updatedAt: 1 }],
      attempts: [],
      kept: [],
      models: [{ model: meta('a', 1), files: [{ name: 'model.json', base64 }] }, { model: meta('a', 2), files: [{ name: 'model.json', base64: bytesToBase64(files(7)[0]!.bytes) }] }],
    };
    const r = await createLocalData({ dbName: to }).importText(JSON.stringify(file));
    // A record that fails its checks is skipped and counted, not imported.
    expect(r).toMatchObject({ ok: true, outcome: { skipped: 1, summary: { modelsAdded: 1, draftsAdded: 1 } } });
    const storage = createIdbModelStorage({ dbName: to });
    const list = await storage.listModels();
    expect(list.map((m) => m.savedAt)).toEqual([2]);
    expect(await storage.loadModelFiles(list[0]!.id)).toEqual(files(7));
  });

  it('merges models as a union by drill, time, size and code', () => {
    const snap = (models: NewSavedModel[]) => ({ drafts: [], attempts: [], kept: [], models });
    const plan = planMerge(snap([meta('d', 1)]), snap([meta('d', 1), meta('d', 2), meta('d', 2)]), 0);
    expect(plan.addModels).toEqual([1]);
    expect(plan.summary.modelsAdded).toBe(1);
  });
});
