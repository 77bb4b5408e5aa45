/**
 * Checks that an untrusted value (parsed manifest.json) is a well-formed
 * DatasetManifest, so everything downstream can rely on its shape. The message
 * names the first thing that is wrong, as a path into the JSON.
 */
import { DatasetError } from './errors';
import type { ArrayEntry, DatasetManifest } from './types';

const DTYPES: readonly ArrayEntry['dtype'][] = ['uint8', 'uint16', 'int32', 'uint32', 'float32', 'float64'];

/** Index ranges `[start, end)` over the stored order, one per split. */
export type SplitRanges = Record<string, [number, number]>;

class Bad extends Error {}

function fail(path: string, want: string): never {
  throw new Bad(`${path} ${want}`);
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'must be an object');
  return v as Record<string, unknown>;
}

function str(o: Record<string, unknown>, key: string, path: string, optional = false): string | undefined {
  const v = o[key];
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string') fail(`${path}.${key}`, 'must be a string');
  return v;
}

function nat(o: Record<string, unknown>, key: string, path: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(`${path}.${key}`, 'must be a whole number ≥ 0');
  return v;
}

function list(o: Record<string, unknown>, key: string, path: string): unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) fail(`${path}.${key}`, 'must be an array');
  return v;
}

/** Relative, no `..`, no backslashes: a manifest must not reach outside its folder. */
function safePath(p: string, path: string): void {
  if (p === '' || p.startsWith('/') || p.includes('\\') || p.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    fail(path, `must be a plain relative path inside the dataset folder (got "${p}")`);
  }
}

function check(raw: unknown): DatasetManifest {
  const m = obj(raw, 'manifest');
  const name = str(m, 'name', 'manifest')!;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) fail('manifest.name', `must be lower-case letters, digits and dashes (got "${name}")`);
  str(m, 'title', 'manifest');
  str(m, 'description', 'manifest');
  str(m, 'licence', 'manifest');
  str(m, 'build', 'manifest');
  const source = obj(m.source, 'manifest.source');
  str(source, 'package', 'manifest.source');
  str(source, 'version', 'manifest.source');
  str(source, 'url', 'manifest.source', true);
  if (source.files !== undefined) {
    list(source, 'files', 'manifest.source').forEach((f, i) => {
      if (typeof f !== 'string') fail(`manifest.source.files[${i}]`, 'must be a string');
    });
  }
  obj(m.meta, 'manifest.meta');

  const files = new Set<string>();
  list(m, 'files', 'manifest').forEach((f, i) => {
    const p = `manifest.files[${i}]`;
    const file = obj(f, p);
    const path = str(file, 'path', p)!;
    safePath(path, `${p}.path`);
    if (files.has(path)) fail(`${p}.path`, `repeats "${path}"`);
    files.add(path);
    const sha = str(file, 'sha256', p)!;
    if (!/^[0-9a-f]{64}$/.test(sha)) fail(`${p}.sha256`, 'must be 64 lower-case hex digits');
    nat(file, 'bytes', p);
    if (file.gzip !== undefined && typeof file.gzip !== 'boolean') fail(`${p}.gzip`, 'must be true or false');
  });

  const names = new Set<string>();
  const entryName = (o: Record<string, unknown>, p: string) => {
    const n = str(o, 'name', p)!;
    if (n === '') fail(`${p}.name`, 'must not be empty');
    if (names.has(n)) fail(`${p}.name`, `repeats "${n}" (entry names must be unique)`);
    names.add(n);
  };
  const known = (o: Record<string, unknown>, key: string, p: string) => {
    const f = str(o, key, p)!;
    if (!files.has(f)) fail(`${p}.${key}`, `names "${f}", which is not in manifest.files`);
    return f;
  };

  list(m, 'arrays', 'manifest').forEach((a, i) => {
    const p = `manifest.arrays[${i}]`;
    const e = obj(a, p);
    entryName(e, p);
    const first = known(e, 'file', p);
    if (!DTYPES.includes(e.dtype as ArrayEntry['dtype'])) fail(`${p}.dtype`, `must be one of ${DTYPES.join(', ')}`);
    list(e, 'shape', p).forEach((d, j) => {
      if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) fail(`${p}.shape[${j}]`, 'must be a whole number ≥ 0');
    });
    if (e.parts !== undefined) {
      const parts = list(e, 'parts', p);
      if (parts.length === 0) fail(`${p}.parts`, 'must not be empty');
      parts.forEach((f, j) => {
        if (typeof f !== 'string' || !files.has(f)) fail(`${p}.parts[${j}]`, 'must name a file in manifest.files');
      });
      if (parts[0] !== first) fail(`${p}.parts[0]`, `must equal ${p}.file`);
    }
  });
  list(m, 'strings', 'manifest').forEach((s, i) => {
    const p = `manifest.strings[${i}]`;
    const e = obj(s, p);
    entryName(e, p);
    known(e, 'file', p);
    known(e, 'offsetsFile', p);
    nat(e, 'count', p);
  });
  list(m, 'images', 'manifest').forEach((s, i) => {
    const p = `manifest.images[${i}]`;
    const e = obj(s, p);
    entryName(e, p);
    known(e, 'file', p);
    known(e, 'indexFile', p);
    nat(e, 'count', p);
    if (e.channels !== 3) fail(`${p}.channels`, 'must be 3');
  });

  if (m.meta && (m.meta as Record<string, unknown>).splits !== undefined) {
    checkSplits((m.meta as Record<string, unknown>).splits, 'manifest.meta.splits');
  }
  return raw as DatasetManifest;
}

function checkSplits(v: unknown, path: string): SplitRanges {
  const o = obj(v, path);
  for (const [k, r] of Object.entries(o)) {
    if (
      !Array.isArray(r) ||
      r.length !== 2 ||
      !r.every((x) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0) ||
      (r[0] as number) > (r[1] as number)
    ) {
      fail(`${path}.${k}`, 'must be [start, end] with 0 ≤ start ≤ end');
    }
  }
  return o as SplitRanges;
}

/** A manifest file's text, parsed and validated: the one path for disk and HTTP sources. */
export function parseManifestText(text: string, name: string): DatasetManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DatasetError(name, 'manifest', `bad manifest JSON (${(e as Error).message}).`, 'manifest.json');
  }
  return validateManifest(raw, name);
}

/**
 * Validates `raw` as a manifest. `expectedName` (the folder it was read from) must match
 * the manifest's own name, which catches a manifest copied into the wrong folder.
 */
export function validateManifest(raw: unknown, expectedName?: string): DatasetManifest {
  const label =
    expectedName ??
    (typeof raw === 'object' && raw !== null && typeof (raw as { name?: unknown }).name === 'string'
      ? (raw as { name: string }).name
      : '(unnamed)');
  try {
    const m = check(raw);
    if (expectedName !== undefined && m.name !== expectedName) {
      fail('manifest.name', `is "${m.name}" but the dataset was requested as "${expectedName}"`);
    }
    return m;
  } catch (e) {
    if (e instanceof Bad) throw new DatasetError(label, 'manifest', `bad manifest: ${e.message}.`, 'manifest.json');
    throw e;
  }
}

/** The split ranges recorded in `meta.splits` (validated with the manifest). */
export function splitRanges(manifest: DatasetManifest): SplitRanges {
  const s = manifest.meta.splits;
  if (s === undefined) throw new DatasetError(manifest.name, 'manifest', 'the manifest records no meta.splits.', 'manifest.json');
  return s as SplitRanges;
}
