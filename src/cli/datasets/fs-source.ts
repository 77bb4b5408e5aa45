/**
 * DatasetSource over a folder on disk (`<dir>/<name>/manifest.json`), for the CLI,
 * the grader in Node and tests.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError } from '../../core/datasets/errors';
import { parseManifestText } from '../../core/datasets/manifest';
import type { DatasetManifest, DatasetSource } from '../../core/datasets/types';

export function fsSource(dir: string): DatasetSource {
  async function read(name: string, path: string): Promise<Buffer> {
    try {
      return await readFile(join(dir, name, path));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const what = code === 'ENOENT' ? 'not found' : (e as Error).message;
      throw new DatasetError(name, code === 'ENOENT' ? 'missing' : 'http', `${what} under ${join(dir, name)}.`, path);
    }
  }
  return {
    async readManifest(name: string): Promise<DatasetManifest> {
      const text = (await read(name, 'manifest.json')).toString('utf8');
      return parseManifestText(text, name);
    },
    async readFile(name: string, path: string): Promise<Uint8Array> {
      const b = await read(name, path);
      return new Uint8Array(b.buffer, b.byteOffset, b.length);
    },
  };
}
