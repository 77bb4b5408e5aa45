/**
 * Reading a tfjs layers model from disk for `dojo grade <model.json>`: the Node
 * side of `artifactsFromFiles`, so a model saved on disk passes the same checks
 * and gets the same messages as one dropped into the browser.
 *
 * A model.json is untrusted input that names other files. Only files inside its
 * own folder are read (links followed, then checked again), only regular files,
 * and none larger than the manifest says it should be, so a manifest naming
 * `../../etc/passwd` or `/dev/zero` is refused before a byte of it is read, with a
 * message that names the path as given and says nothing about what is there.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { io } from '@tensorflow/tfjs';
import {
  MAX_MODEL_BYTES,
  MAX_MODEL_JSON_BYTES,
  ModelFileError,
  artifactsFromFiles,
  weightFileLimits,
  type ModelFile,
} from '../core/grading/model-files';
import { isKerasFileName } from '../core/keras/containers';

/** A Keras file also holds the optimizer's state (Adam: two more copies of the weights). */
const KERAS_FILE_MAX_BYTES = 3 * MAX_MODEL_BYTES;

/**
 * `path` is a `model.json` (or `x.json`), or a folder holding exactly one such file.
 * Weight paths in the manifest are read relative to the JSON file's folder. Other
 * formats (`.keras`, `.h5`) are read too, so the error names what they are.
 */
export async function readModelDir(path: string): Promise<io.ModelArtifacts> {
  const full = resolve(path);
  const info = await stat(full).catch(() => null);
  if (info === null) throw new ModelFileError(`No such file or folder: ${path}`);
  // A Keras file (.keras zip or legacy .h5) goes through the same reader as in the browser, loaded only when needed.
  if (!info.isDirectory() && isKerasFileName(full)) return (await import('../core/keras')).kerasFileToArtifacts(await readCapped(full, `'${path}'`, KERAS_FILE_MAX_BYTES, 'is too large to be a model for a drill'));
  const jsonPath = info.isDirectory() ? await findJsonIn(full, path) : full;
  const jsonFile = await readCapped(jsonPath, `'${path}'`, MAX_MODEL_JSON_BYTES, 'is too large to be a model.json');
  const files: ModelFile[] = [jsonFile];
  // A model.json that is not one is reported by artifactsFromFiles below (other formats get their own words).
  const shards = (() => {
    try {
      return weightFileLimits(jsonFile);
    } catch {
      return [];
    }
  })();
  const folder = await realpath(dirname(jsonPath));
  for (const { path: rel, maxBytes } of shards) {
    // A missing shard is reported by artifactsFromFiles, in the same words the browser shows.
    const shard = await realpath(join(folder, rel)).catch(() => null);
    if (shard === null) continue;
    const shown = `The weight file '${rel}'`;
    if (!isInside(folder, shard)) throw new ModelFileError(`${shown} is a link to a file outside the model's folder.`);
    const { bytes } = await readCapped(shard, shown, maxBytes, 'is larger than model.json describes; the weight files do not belong to this model.json');
    files.push({ name: rel, bytes });
  }
  return artifactsFromFiles(files);
}

function isInside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

async function findJsonIn(dir: string, shown: string): Promise<string> {
  const names = await readdir(dir);
  if (names.includes('model.json')) return join(dir, 'model.json');
  const jsons = names.filter((n) => n.toLowerCase().endsWith('.json'));
  if (jsons.length === 1) return join(dir, jsons[0]);
  if (jsons.length === 0) throw new ModelFileError(`No model.json in the folder ${shown}.`);
  throw new ModelFileError(`The folder ${shown} holds several .json files (${jsons.join(', ')}); name the model's JSON file directly.`);
}

/**
 * Reads a regular file of at most `maxBytes` (`shown` names it in messages). The size is checked on the open file
 * and the read is bounded too, so a file that grows meanwhile (or a device that
 * reports size 0) still yields at most `maxBytes + 1` bytes.
 */
async function readCapped(full: string, shown: string, maxBytes: number, tooLarge: string): Promise<ModelFile> {
  let handle;
  try {
    handle = await open(full, 'r');
  } catch (e) {
    throw new ModelFileError(`Cannot read ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ModelFileError(`${shown} is not a regular file.`);
    if (info.size > maxBytes) throw new ModelFileError(`${shown} ${tooLarge}.`);
    const buffer = new Uint8Array(Math.min(info.size, maxBytes) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) throw new ModelFileError(`${shown} ${tooLarge}.`);
    return { name: basename(full), bytes: buffer.subarray(0, filled) };
  } finally {
    await handle.close();
  }
}
