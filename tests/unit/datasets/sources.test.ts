import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fsSource } from '../../../src/cli/datasets/fs-source';
import { DatasetError } from '../../../src/core/datasets/errors';
import { fetchSource } from '../../../src/core/datasets/fetch-source';
import { loadDataset } from '../../../src/core/datasets/load';
import { SynthBuilder, testImage, type Synth } from './synth';

async function sample(): Promise<Synth> {
  return new SynthBuilder('demo')
    .array('x', 'float32', Float32Array.from([1, 2, 3, 4]), [2, 2], true)
    .stringList('t', ['one', 'two'])
    .imageList('im', [testImage(2, 3, 1)])
    .build();
}

/** A fake server: maps URL → body or status. */
function fakeFetch(routes: Record<string, Uint8Array | string | number>, seen: string[] = []) {
  return async (url: string): Promise<Response> => {
    seen.push(url);
    const r = routes[url];
    if (r === undefined) return new Response('nope', { status: 404, statusText: 'Not Found' });
    if (typeof r === 'number') return new Response('', { status: r });
    return new Response(r as BodyInit);
  };
}

function routesFor(s: Synth, base: string): Record<string, Uint8Array | string> {
  const routes: Record<string, Uint8Array | string> = { [`${base}/demo/manifest.json`]: JSON.stringify(s.manifest) };
  for (const [p, b] of Object.entries(s.files)) routes[`${base}/demo/${p}`] = b;
  return routes;
}

async function caught(p: Promise<unknown>): Promise<DatasetError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DatasetError);
  return e as DatasetError;
}

describe('fetchSource + loadDataset', () => {
  it('loads a dataset over HTTP and reports progress', async () => {
    const s = await sample();
    const seen: string[] = [];
    const progress: [number, number][] = [];
    const d = await loadDataset(fetchSource('https://x.test/datasets/', fakeFetch(routesFor(s, 'https://x.test/datasets'), seen)), 'demo', {
      onProgress: (a, b) => progress.push([a, b]),
    });
    expect(Array.from(d.arrays.x!.values)).toEqual([1, 2, 3, 4]);
    expect(d.strings.t).toEqual(['one', 'two']);
    expect(d.images.im![0]!.height).toBe(3);
    expect(seen[0]).toBe('https://x.test/datasets/demo/manifest.json');
    const total = s.manifest.files.reduce((n, f) => n + f.bytes, 0);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.length).toBe(s.manifest.files.length);
  });

  it('says which file failed with which HTTP status', async () => {
    const s = await sample();
    const routes = routesFor(s, 'b');
    routes['b/demo/t.utf8'] = 503 as unknown as string;
    const e = await caught(loadDataset(fetchSource('b', fakeFetch(routes)), 'demo'));
    expect(e.problem).toBe('http');
    expect(e.file).toBe('t.utf8');
    expect(e.message).toMatch(/dataset "demo", file "t.utf8": HTTP 503/);
  });

  it('hints at building when the manifest is 404', async () => {
    const e = await caught(loadDataset(fetchSource('b', fakeFetch({})), 'demo'));
    expect(e.message).toMatch(/manifest.json.*HTTP 404 Not Found.*dojo datasets build/);
  });

  it('reports bad manifest JSON', async () => {
    const e = await caught(loadDataset(fetchSource('b', fakeFetch({ 'b/demo/manifest.json': '{"name": "demo",' })), 'demo'));
    expect(e.problem).toBe('manifest');
    expect(e.message).toMatch(/bad manifest JSON/);
  });

  it('reports a network failure', async () => {
    const failing = async (): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    };
    const e = await caught(loadDataset(fetchSource('b', failing), 'demo'));
    expect(e.message).toMatch(/request to b\/demo\/manifest.json failed \(Failed to fetch\)/);
  });

  it('reports a truncated download', async () => {
    const s = await sample();
    const routes = routesFor(s, 'b');
    const path = s.manifest.files[0]!.path;
    routes[`b/demo/${path}`] = s.files[path]!.subarray(0, 5);
    const e = await caught(loadDataset(fetchSource('b', fakeFetch(routes)), 'demo'));
    expect(e.problem).toBe('truncated');
    expect(e.file).toBe(path);
  });
});

describe('fsSource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dojo-ds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a dataset folder from disk', async () => {
    const s = await sample();
    mkdirSync(join(dir, 'demo'));
    writeFileSync(join(dir, 'demo', 'manifest.json'), JSON.stringify(s.manifest));
    for (const [p, b] of Object.entries(s.files)) writeFileSync(join(dir, 'demo', p), b);
    const d = await loadDataset(fsSource(dir), 'demo');
    expect(d.arrays.x!.shape).toEqual([2, 2]);
  });

  it('reports a dataset that is not there', async () => {
    const e = await caught(loadDataset(fsSource(dir), 'absent'));
    expect(e.problem).toBe('missing');
    expect(e.message).toMatch(/dataset "absent", file "manifest.json": not found/);
  });

  it('reports bad manifest JSON on disk as over HTTP', async () => {
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'manifest.json'), '{"name": "broken",');
    const e = await caught(loadDataset(fsSource(dir), 'broken'));
    expect(e.problem).toBe('manifest');
    expect(e.message).toMatch(/dataset "broken", file "manifest.json": bad manifest JSON/);
  });
});
