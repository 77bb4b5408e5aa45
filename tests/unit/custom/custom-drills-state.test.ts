/**
 * Custom drills outside the core: the authoring form's text ⇄ definition, the
 * store (checks, memory when storage fails), IndexedDB, export/import merging,
 * the routes, and the run store handing the definition to runner and grader.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import type { io } from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { copyOfCustomDrill, CUSTOM_DRILL_LIMITS, restoreCustomDrill, type CustomDrillDefinition } from '../../../src/core/custom-drill';
import type { GradeReport } from '../../../src/core/grading/report';
import type { GraderClient, RunnerClient, RunOutcome, RunRequest } from '../../../src/runner/types';
import { createCustomDrillsStore } from '../../../src/state/custom-drills';
import { parseRoute, routeHref, type Route } from '../../../src/state/route';
import { createRunStore } from '../../../src/state/run';
import type { CustomDrillRecord } from '../../../src/storage/db';
import { createIdbStorage, createMemoryStorage } from '../../../src/storage/dojo-storage';
import { StorageWriteError } from '../../../src/storage/errors';
import { restoreExportFile } from '../../../src/storage/export-file';
import { createLocalData } from '../../../src/storage/local-data';
import { describeMerge, planMerge } from '../../../src/storage/merge';
import { definitionFromForm, formFromDefinition, parseNumber } from '../../../src/ui/custom/custom-form';

const DEF: CustomDrillDefinition = JSON.parse(readFileSync('tests/fixtures/share/v1-links.json', 'utf8')).custom.custom;
const SHAPE = { inputShape: DEF.contract.inputShape, outputUnits: DEF.contract.outputUnits };

describe('authoring form', () => {
  it('round-trips a definition through its text fields', () => {
    const raw = definitionFromForm(formFromDefinition(DEF), DEF.id, SHAPE);
    expect(restoreCustomDrill(raw)).toEqual({ ok: true, value: DEF });
  });

  it('reads what a learner types: lists with commas or spaces, numbers with thousands separators, blanks as "no rule"', () => {
    const form = { ...formFromDefinition(DEF), requiredLayers: ' Dense,  BatchNormalization ', forbiddenLayers: '', maxParams: '100,000', outputActivation: 'any' as const };
    form.thresholds = ['3.5', ' 3', '2.7', '2.4', '2.2 '];
    const raw = definitionFromForm(form, DEF.id, SHAPE) as CustomDrillDefinition;
    expect(raw.contract).toEqual({ inputShape: [9], outputUnits: 1, requiredLayers: ['Dense', 'BatchNormalization'], maxParams: 100_000 });
    expect(raw.thresholds).toEqual([3.5, 3, 2.7, 2.4, 2.2]);
  });

  it('leaves what does not parse as NaN so the check names the field', () => {
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('abc')).toBeNaN();
    expect(parseNumber('0,5')).toBeNaN();
    expect(parseNumber('1e-3')).toBe(0.001);
    const form = { ...formFromDefinition(DEF), thresholds: ['3.5', '3', 'x', '2.4', '2.2'] as [string, string, string, string, string] };
    const r = restoreCustomDrill(definitionFromForm(form, DEF.id, SHAPE));
    expect(!r.ok && r.error).toMatch(/thresholds must be five numbers/);
    const big = restoreCustomDrill(definitionFromForm({ ...formFromDefinition(DEF), maxParams: 'lots' }, DEF.id, SHAPE));
    expect(!big.ok && big.error).toMatch(/maxParams/);
  });
});

describe('custom drills store', () => {
  const check = (raw: unknown) => restoreCustomDrill(raw);

  it('saves only what passes the check, sorted by title, and reads it back after a reload', async () => {
    const storage = createMemoryStorage();
    const store = createCustomDrillsStore({ storage, check });
    await store.getState().load();
    expect(await store.getState().save({ ...DEF, thresholds: [1, 2, 3, 4, 5] })).toMatchObject({ ok: false, error: expect.stringMatching(/fall/) });
    expect(await store.getState().save({ ...DEF, id: 'custom-zeta', title: 'Zeta' })).toMatchObject({ ok: true, persisted: true });
    expect(await store.getState().save(DEF)).toMatchObject({ ok: true });
    expect(store.getState().definitions.map((d) => d.title)).toEqual(['Auto MPG, tighter', 'Zeta']);

    const again = createCustomDrillsStore({ storage, check });
    expect(again.getState().status).toBe('loading');
    await again.getState().load();
    expect(again.getState()).toMatchObject({ status: 'ready' });
    expect(again.getState().get(DEF.id)).toEqual(DEF);
    await again.getState().remove('custom-zeta');
    expect((await storage.listCustomDrills()).map((r) => r.id)).toEqual([DEF.id]);
  });

  it('keeps a definition in memory and reports the problem when storage refuses it', async () => {
    const problems: string[] = [];
    const full = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const storage = {
      listCustomDrills: async () => [],
      saveCustomDrill: async () => Promise.reject(full),
      deleteCustomDrill: async () => {},
    };
    const store = createCustomDrillsStore({ storage, check, onStorageProblem: (p) => problems.push(p.kind) });
    await store.getState().load();
    expect(await store.getState().save(DEF)).toMatchObject({ ok: true, persisted: false });
    expect(store.getState().get(DEF.id)).toEqual(DEF);
    expect(problems).toEqual(['quota']);
  });

  it('does not lose a drill saved while the stored ones were still loading', async () => {
    let release!: (r: CustomDrillRecord[]) => void;
    const storage = { ...createMemoryStorage(), listCustomDrills: () => new Promise<CustomDrillRecord[]>((r) => (release = r)) };
    const store = createCustomDrillsStore({ storage, check });
    const loading = store.getState().load();
    await store.getState().save(DEF);
    release([{ id: DEF.id, definition: { ...DEF, title: 'Older' }, updatedAt: 1 }, { id: 'custom-other', definition: { ...DEF, id: 'custom-other', title: 'Other' }, updatedAt: 1 }]);
    await loading;
    expect(store.getState().definitions.map((d) => d.title)).toEqual(['Auto MPG, tighter', 'Other']);
  });

  it('takes what storage has on a reload (e.g. after an import), not the older copy in memory', async () => {
    const storage = createMemoryStorage();
    const store = createCustomDrillsStore({ storage, check });
    await store.getState().load();
    await store.getState().save(DEF);
    await storage.saveCustomDrill({ ...DEF, title: 'Imported, newer' });
    await store.getState().load();
    expect(store.getState().definitions.map((d) => d.title)).toEqual(['Imported, newer']);
  });

  it('drops a drill removed while the stored ones were loading', async () => {
    const storage = createMemoryStorage();
    await storage.saveCustomDrill(DEF);
    const store = createCustomDrillsStore({ storage, check });
    await store.getState().load();
    const loading = store.getState().load();
    await store.getState().remove(DEF.id);
    await loading;
    expect(store.getState().definitions).toEqual([]);
  });

  it('keeps what memory has and reports the problem when storage cannot be read', async () => {
    const problems: string[] = [];
    const storage = { ...createMemoryStorage(), listCustomDrills: async () => Promise.reject(new DOMException('blocked', 'SecurityError')) };
    const store = createCustomDrillsStore({ storage, check, onStorageProblem: (p) => problems.push(p.kind) });
    await store.getState().save(DEF);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ status: 'ready', definitions: [DEF] });
    expect(problems).toEqual(['unavailable']);
  });
});

describe('custom drills in IndexedDB', () => {
  it('saves, lists and deletes definitions across storage objects', async () => {
    const dbName = `dojo-custom-${Math.random()}`;
    const a = createIdbStorage({ dbName, now: () => 7 });
    expect(await a.saveCustomDrill(DEF)).toEqual({ id: DEF.id, definition: DEF, updatedAt: 7 });
    const b = createIdbStorage({ dbName });
    expect(await b.listCustomDrills()).toEqual([{ id: DEF.id, definition: DEF, updatedAt: 7 }]);
    await b.deleteCustomDrill(DEF.id);
    expect(await a.listCustomDrills()).toEqual([]);
  });

  it('opens a database made before custom drills (version 2) and keeps its drafts', async () => {
    const dbName = `dojo-v2-${Math.random()}`;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(dbName, 2);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('drafts', { keyPath: 'drillId' });
        open.result.createObjectStore('attempts', { keyPath: 'id', autoIncrement: true }).createIndex('byDrill', 'drillId');
        open.result.createObjectStore('kept', { keyPath: 'id', autoIncrement: true }).createIndex('byDrill', 'drillId');
        open.transaction!.objectStore('drafts').put({ drillId: 'auto-mpg', code: 'old draft', updatedAt: 1 });
      };
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    const storage = createIdbStorage({ dbName });
    expect(await storage.loadDraft('auto-mpg')).toMatchObject({ code: 'old draft' });
    await storage.saveCustomDrill(DEF);
    expect(await storage.listCustomDrills()).toHaveLength(1);
  });

  it('goes into the export file and comes back through an import into another browser', async () => {
    const from = `dojo-exp-${Math.random()}`;
    await createIdbStorage({ dbName: from, now: () => 10 }).saveCustomDrill(DEF);
    const file = await createLocalData({ dbName: from }).exportAll();
    expect(file.customDrills).toEqual([{ id: DEF.id, definition: DEF, updatedAt: 10 }]);
    const to = `dojo-imp-${Math.random()}`;
    const result = await createLocalData({ dbName: to }).importText(JSON.stringify(file));
    expect(result).toMatchObject({ ok: true, outcome: { changedCustomDrills: true, summary: { customDrillsAdded: 1 } } });
    expect(await createIdbStorage({ dbName: to }).listCustomDrills()).toEqual([{ id: DEF.id, definition: DEF, updatedAt: 10 }]);
    const twice = await createLocalData({ dbName: to }).importText(JSON.stringify(file));
    expect(twice).toMatchObject({ ok: true, outcome: { changedCustomDrills: false, summary: { customDrillsAdded: 0 } } });
  });

  it('reports a refused write as a StorageWriteError', async () => {
    const storage = createIdbStorage({ dbName: `dojo-bad-${Math.random()}` });
    await expect(storage.saveCustomDrill({ ...DEF, starter: (() => {}) as unknown as string })).rejects.toBeInstanceOf(StorageWriteError);
  });
});

describe('export file and merge: custom drills', () => {
  const record = (def: CustomDrillDefinition, updatedAt: number): CustomDrillRecord => ({ id: def.id, definition: def, updatedAt });
  const snap = (customDrills: CustomDrillRecord[]) => ({ drafts: [], attempts: [], kept: [], customDrills });

  it('reads files without custom drills, and skips (and counts) broken ones', () => {
    const base = { format: 'tensor-dojo-export', version: 1, exportedAt: 1, drafts: [], attempts: [], kept: [] };
    expect(restoreExportFile(base)).toMatchObject({ ok: true, file: { customDrills: [] }, skipped: 0 });
    const mixed = restoreExportFile({ ...base, customDrills: [record(DEF, 1), { id: 'x', definition: { ...DEF, id: 'not-custom' }, updatedAt: 1 }, { definition: DEF }] });
    expect(mixed).toMatchObject({ ok: true, file: { customDrills: [record(DEF, 1)] }, skipped: 2 });
  });

  it('adds new ones, leaves equal ones, and on a conflict keeps the newer under the id and the older as a copy', () => {
    const mine = record(DEF, 5);
    const theirs = record({ ...DEF, thresholds: [3, 2.5, 2.2, 2, 1.8] }, 9);
    const plan = planMerge(snap([mine]), snap([theirs, record({ ...DEF, id: 'custom-new', title: 'New' }, 1)]), 100);
    expect(plan.putCustomDrills.map((r) => [r.id, r.definition.title])).toEqual([
      [DEF.id, DEF.title],
      [expect.stringMatching(/^custom-mpg-tight-[0-9a-f]{8}$/), 'Auto MPG, tighter (older copy)'],
      ['custom-new', 'New'],
    ]);
    expect(plan.putCustomDrills[0]!.definition.thresholds).toEqual(theirs.definition.thresholds);
    expect(plan.putCustomDrills[1]!.definition.thresholds).toEqual(DEF.thresholds);
    expect(restoreCustomDrill(plan.putCustomDrills[1]!.definition).ok).toBe(true);
    expect(describeMerge(plan.summary, 0)).toMatch(/3 custom drills added/);

    // Importing the same file again into the merged result adds nothing.
    const after = snap([...plan.putCustomDrills]);
    expect(planMerge(after, snap([theirs]), 200).putCustomDrills).toEqual([]);
    expect(planMerge(snap([mine]), snap([mine]), 200).putCustomDrills).toEqual([]);
  });

  it('keeps ours under the id when the imported version is older, and theirs as a copy', () => {
    const plan = planMerge(snap([record(DEF, 9)]), snap([record({ ...DEF, title: 'Old title' }, 5)]), 100);
    expect(plan.putCustomDrills).toHaveLength(1);
    expect(plan.putCustomDrills[0]!.definition.title).toBe('Old title (older copy)');
    expect(plan.putCustomDrills[0]!.id).not.toBe(DEF.id);
  });
});

describe('copyOfCustomDrill', () => {
  it('gives the same content the same id, every time, and other content another', () => {
    const copy = copyOfCustomDrill(DEF, 'shared copy');
    expect(copyOfCustomDrill(JSON.parse(JSON.stringify(DEF)), 'shared copy')).toEqual(copy);
    expect(copy).toEqual({ ...DEF, id: expect.stringMatching(/^custom-mpg-tight-[0-9a-f]{8}$/), title: 'Auto MPG, tighter (shared copy)' });
    expect(copyOfCustomDrill({ ...DEF, thresholds: [3, 2.5, 2.2, 2, 1.8] }, 'shared copy').id).not.toBe(copy.id);
    expect(copyOfCustomDrill({ ...DEF, title: 'Other title' }, 'shared copy').id).not.toBe(copy.id);
  });

  it('stays a valid definition for the longest id and title', () => {
    // The id is cut just after a dash: the copy must not end up with "--".
    const id = `custom-${'a'.repeat(47)}-${'b'.repeat(9)}`;
    const long = { ...DEF, id, title: 'T'.repeat(CUSTOM_DRILL_LIMITS.titleChars) };
    const copy = copyOfCustomDrill(long, 'older copy');
    expect(restoreCustomDrill(copy)).toEqual({ ok: true, value: copy });
    expect(copy.title).toMatch(/T \(older copy\)$/);
  });
});

describe('custom drill routes', () => {
  it.each<[string, Route]>([
    ['#/custom/new', { name: 'custom-new' }],
    ['#/custom/new/auto-mpg', { name: 'custom-new', base: 'auto-mpg' }],
    ['#/custom/edit/custom-mpg-tight', { name: 'custom-edit', id: 'custom-mpg-tight' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(routeHref(route)).toBe(hash);
  });

  it.each(['#/custom', '#/custom/edit', '#/custom/new/a/b', '#/custom/edit/<x>', '#/custom/other'])('sends %s to not-found', (hash) => {
    expect(parseRoute(hash).name).toBe('not-found');
  });
});

describe('run store with a custom drill', () => {
  it('hands the definition to the runner and grades the model by it', async () => {
    const requests: RunRequest[] = [];
    let resolve!: (o: RunOutcome) => void;
    const runner: RunnerClient = {
      run(request) {
        requests.push(request);
        return { runId: 'r', stop() {}, finished: new Promise((r) => (resolve = r)) };
      },
    };
    const graded: Array<[string, CustomDrillDefinition | undefined]> = [];
    const grader: GraderClient = {
      grade: async (drillId, _artifacts, custom) => {
        graded.push([drillId, custom]);
        return { drill: drillId, points: 3 } as GradeReport;
      },
    };
    const store = createRunStore({ runner, grader });
    store.getState().start({ drillId: DEF.id, source: 'code', backend: 'cpu', custom: DEF });
    expect(requests[0]).toEqual({ drillId: DEF.id, source: 'code', backend: 'cpu', custom: DEF });
    resolve({ status: 'completed', artifacts: {} as io.ModelArtifacts, backend: 'cpu', ms: 1, tensors: { before: 0, after: 0, modelWeights: 0 } });
    await new Promise((r) => setTimeout(r, 0));
    await store.getState().submit();
    expect(graded).toEqual([[DEF.id, DEF]]);

    // A shipped drill's run carries no definition.
    store.getState().start({ drillId: 'auto-mpg', source: 'code', backend: 'cpu' });
    expect(requests[1]).toEqual({ drillId: 'auto-mpg', source: 'code', backend: 'cpu' });
    expect(store.getState().custom).toBeNull();
  });
});
