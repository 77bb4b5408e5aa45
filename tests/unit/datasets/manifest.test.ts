import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../../src/core/datasets/errors';
import { splitRanges, validateManifest } from '../../../src/core/datasets/manifest';
import { SynthBuilder } from './synth';

async function good(): Promise<Record<string, unknown>> {
  const b = new SynthBuilder('tiny').array('x', 'float32', Float32Array.from([1, 2]), [2]).stringList('t', ['a']);
  b.meta = { splits: { train: [0, 1], validation: [1, 1], test: [1, 2] } };
  return JSON.parse(JSON.stringify((await b.build()).manifest)) as Record<string, unknown>;
}

function rejects(raw: unknown, pattern: RegExp, expectedName?: string): void {
  let err: unknown;
  try {
    validateManifest(raw, expectedName);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(DatasetError);
  expect((err as DatasetError).problem).toBe('manifest');
  expect((err as DatasetError).file).toBe('manifest.json');
  expect((err as Error).message).toMatch(/bad manifest/);
  expect((err as Error).message).toMatch(pattern);
}

describe('validateManifest', () => {
  it('accepts a well-formed manifest and returns it', async () => {
    const m = await good();
    expect(validateManifest(m, 'tiny')).toBe(m);
    expect(splitRanges(validateManifest(m))).toEqual({ train: [0, 1], validation: [1, 1], test: [1, 2] });
  });

  it('rejects values that are not manifests', () => {
    rejects(null, /manifest must be an object/);
    rejects([1, 2], /manifest must be an object/);
    rejects('{"name": "x"}', /manifest must be an object/);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test that edits arbitrary JSON, any key at any depth
  const cases: [string, (m: Record<string, any>) => void, RegExp][] = [
    ['missing name', (m) => delete m.name, /manifest\.name must be a string/],
    ['name with spaces', (m) => (m.name = 'Two Words'), /manifest\.name must be lower-case/],
    ['missing licence', (m) => delete m.licence, /manifest\.licence must be a string/],
    ['source without version', (m) => delete m.source.version, /manifest\.source\.version/],
    ['meta not an object', (m) => (m.meta = []), /manifest\.meta must be an object/],
    ['bad sha256', (m) => (m.files[0].sha256 = 'abc'), /manifest\.files\[0\]\.sha256/],
    ['negative size', (m) => (m.files[0].bytes = -1), /manifest\.files\[0\]\.bytes/],
    ['gzip not boolean', (m) => (m.files[0].gzip = 'yes'), /manifest\.files\[0\]\.gzip/],
    ['path escaping the folder', (m) => (m.files[0].path = '../secret'), /plain relative path/],
    ['absolute path', (m) => (m.files[0].path = '/etc/passwd'), /plain relative path/],
    ['repeated file', (m) => m.files.push({ ...m.files[0] }), /repeats/],
    ['unknown dtype', (m) => (m.arrays[0].dtype = 'int64'), /manifest\.arrays\[0\]\.dtype must be one of/],
    ['fractional dimension', (m) => (m.arrays[0].shape = [1.5]), /manifest\.arrays\[0\]\.shape\[0\]/],
    ['entry naming an unlisted file', (m) => (m.arrays[0].file = 'nope.bin'), /"nope\.bin", which is not in manifest\.files/],
    ['parts not starting with file', (m) => (m.arrays[0].parts = [m.files[1].path]), /parts\[0\] must equal/],
    ['duplicate entry names', (m) => (m.strings[0].name = 'x'), /repeats "x"/],
    ['strings without count', (m) => delete m.strings[0].count, /manifest\.strings\[0\]\.count/],
    ['images with 4 channels', (m) => m.images.push({ name: 'i', file: m.files[0].path, indexFile: m.files[0].path, count: 1, channels: 4 }), /channels must be 3/],
    ['split ranges reversed', (m) => (m.meta.splits.test = [2, 1]), /manifest\.meta\.splits\.test/],
    ['arrays missing', (m) => delete m.arrays, /manifest\.arrays must be an array/],
  ];
  for (const [what, mutate, pattern] of cases) {
    it(`rejects ${what}`, async () => {
      const m = await good();
      mutate(m);
      rejects(m, pattern);
    });
  }

  it('rejects a manifest filed under another name', async () => {
    rejects(await good(), /is "tiny" but the dataset was requested as "other"/, 'other');
  });

  it('names the requested dataset in the error', async () => {
    const m = await good();
    delete m.title;
    expect(() => validateManifest(m, 'tiny')).toThrow(/dataset "tiny", file "manifest.json"/);
  });
});
