import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModelDir } from '../../../src/cli/model-files';
import { ModelFileError, loadModelFromArtifacts } from '../../../src/core/grading/model-io';

const FIXTURES = join(__dirname, '../../fixtures/models');
const tmp = mkdtempSync(join(tmpdir(), 'dojo-model-files-'));

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function predictOne(path: string, x: number): Promise<number> {
  const model = await loadModelFromArtifacts(await readModelDir(path));
  const out = tf.tidy(() => model.predict(tf.tensor2d([[x]])) as tf.Tensor);
  const [y] = await out.data();
  out.dispose();
  model.dispose();
  return y;
}

async function error(path: string): Promise<string> {
  const e = await readModelDir(path).catch((err: unknown) => err);
  expect(e).toBeInstanceOf(ModelFileError);
  return (e as Error).message;
}

describe('readModelDir', () => {
  it('reads a downloads-style x.json with its x.weights.bin', async () => {
    expect(await predictOne(join(FIXTURES, 'linear-2x-1.5/x.json'), 2)).toBe(5.5);
  });

  it('reads a folder holding a converter-style model.json and its shard', async () => {
    expect(await predictOne(join(FIXTURES, 'keras-converted-linear'), 2)).toBe(5.5);
  });

  it('names a missing path', async () => {
    expect(await error(join(tmp, 'nope/model.json'))).toMatch(/^No such file or folder: /);
  });

  it('names a missing shard, as the browser does', async () => {
    const dir = mkdtempSync(join(tmp, 'missing-'));
    copyFileSync(join(FIXTURES, 'keras-converted-linear/model.json'), join(dir, 'model.json'));
    expect(await error(join(dir, 'model.json'))).toMatch(/lists the weight file 'group1-shard1of1\.bin' but it was not among the files given/);
  });

  it('names a truncated shard', async () => {
    const dir = mkdtempSync(join(tmp, 'truncated-'));
    copyFileSync(join(FIXTURES, 'keras-converted-linear/model.json'), join(dir, 'model.json'));
    writeFileSync(join(dir, 'group1-shard1of1.bin'), readFileSync(join(FIXTURES, 'keras-converted-linear/group1-shard1of1.bin')).subarray(0, 5));
    expect(await error(dir)).toMatch(/is truncated: model\.json describes 8 bytes of weights but the file holds 5/);
  });

  it('says what a .keras or .h5 file is', async () => {
    const keras = join(tmp, 'model.keras');
    writeFileSync(keras, Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    expect(await error(keras)).toMatch(/Keras 3 \.keras archive/);
    const h5 = join(tmp, 'model.h5');
    writeFileSync(h5, Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(await error(h5)).toMatch(/Keras HDF5/);
  });

  it('refuses a folder with no JSON or several', async () => {
    const empty = mkdtempSync(join(tmp, 'empty-'));
    expect(await error(empty)).toMatch(/^No model\.json in the folder/);
    const two = mkdtempSync(join(tmp, 'two-'));
    writeFileSync(join(two, 'a.json'), '{}');
    writeFileSync(join(two, 'b.json'), '{}');
    expect(await error(two)).toMatch(/several \.json files \(a\.json, b\.json\)/);
  });

  it('reports invalid JSON on disk', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, 'not json');
    expect(await error(bad)).toMatch(/^bad\.json is not valid JSON/);
  });
});
