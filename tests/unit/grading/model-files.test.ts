import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModelDir } from '../../../src/cli/model-files';
import { ModelFileError, artifactsFromFiles, loadModelFromArtifacts } from '../../../src/core/grading/model-io';

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

  it('reads .keras and .h5 files as Keras models, and names a damaged one', async () => {
    // Whole Keras files are read and graded (tests/unit/keras); a cut-off one gets one line.
    const keras = join(tmp, 'model.keras');
    writeFileSync(keras, Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    expect(await error(keras)).toMatch(/'model\.keras' is a damaged zip/);
    const h5 = join(tmp, 'model.h5');
    writeFileSync(h5, Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(await error(h5)).toMatch(/truncated|could not be read as HDF5/);
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

  describe('reads only the model\'s own weight files', () => {
    const LINEAR = join(FIXTURES, 'keras-converted-linear');
    const shardBytes = () => readFileSync(join(LINEAR, 'group1-shard1of1.bin'));
    /** A copy of the converter fixture whose manifest names `paths` instead of its shard. */
    function modelNaming(paths: string[]): string {
      const dir = mkdtempSync(join(tmp, 'paths-'));
      const json = JSON.parse(readFileSync(join(LINEAR, 'model.json'), 'utf8'));
      json.weightsManifest[0].paths = paths;
      writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
      return dir;
    }

    it.each([
      ['a path that climbs out', '../../../../../../../../etc/passwd'],
      ['a climb hidden in the middle', 'sub/../../secret.bin'],
      ['a percent-encoded climb', '%2e%2e/secret.bin'],
      ['an absolute path', '/dev/zero'],
      ['a Windows drive', 'C:\\Windows\\win.ini'],
      ['a URL', 'file:///etc/passwd'],
    ])('refuses %s, naming the path as given and nothing about the file', async (_, weightPath) => {
      // A file that the path would reach, so a leak of its size or contents would show.
      const dir = modelNaming([weightPath]);
      writeFileSync(join(dir, '..', 'secret.bin'), 'SECRET CONTENTS 123');
      const message = await error(join(dir, 'model.json'));
      expect(message).toBe(
        `model.json names the weight file '${weightPath}', which is not inside the model's folder; weight files must sit beside model.json (as converters and model.save write them).`,
      );
      expect(message).not.toMatch(/bytes|holds|SECRET|\d{3,}/);
    });

    it('refuses the same paths in the browser, even when a file of that name was given', () => {
      const json = JSON.parse(readFileSync(join(LINEAR, 'model.json'), 'utf8'));
      json.weightsManifest[0].paths = ['../group1-shard1of1.bin'];
      const files = [
        { name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(json)) },
        { name: 'group1-shard1of1.bin', bytes: shardBytes() },
      ];
      expect(() => artifactsFromFiles(files)).toThrow(/names the weight file '\.\.\/group1-shard1of1\.bin', which is not inside the model's folder/);
    });

    it('refuses a link inside the folder that points outside it (e.g. at /dev/zero)', async () => {
      const dir = modelNaming(['weights.bin']);
      symlinkSync('/dev/zero', join(dir, 'weights.bin'));
      expect(await error(dir)).toBe("The weight file 'weights.bin' is a link to a file outside the model's folder.");
    });

    it('follows a link that stays inside the folder', async () => {
      const dir = modelNaming(['weights.bin']);
      writeFileSync(join(dir, 'real.bin'), shardBytes());
      symlinkSync(join(dir, 'real.bin'), join(dir, 'weights.bin'));
      expect(await predictOne(dir, 2)).toBe(5.5);
    });

    it('reads a shard in a subfolder', async () => {
      const dir = modelNaming(['shards/w.bin']);
      mkdirSync(join(dir, 'shards'));
      writeFileSync(join(dir, 'shards/w.bin'), shardBytes());
      expect(await predictOne(dir, 2)).toBe(5.5);
    });

    it('refuses a weight file larger than the manifest describes without reading it', async () => {
      const dir = modelNaming(['big.bin']);
      writeFileSync(join(dir, 'big.bin'), new Uint8Array(64 * 1024 * 1024 + 3));
      expect(await error(dir)).toBe(
        "The weight file 'big.bin' is larger than model.json describes; the weight files do not belong to this model.json.",
      );
    });

    it('refuses a weight "file" that is a folder', async () => {
      const dir = modelNaming(['w.bin']);
      mkdirSync(join(dir, 'w.bin'));
      expect(await error(dir)).toBe("The weight file 'w.bin' is not a regular file.");
    });

    it('refuses a device given as the model itself', async () => {
      expect(await error('/dev/zero')).toBe("'/dev/zero' is not a regular file.");
    });

    it('refuses a manifest describing more weights than any model we read', async () => {
      const dir = modelNaming(['group1-shard1of1.bin']);
      const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
      json.weightsManifest[0].weights[0].shape = [20000, 20000];
      writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
      expect(await error(dir)).toMatch(/^model\.json describes more than 256 MB of weights/);
    });
  });
});
