/**
 * Reading a tfjs layers model from disk for `dojo grade <model.json>`: the Node
 * side of `artifactsFromFiles`, so a model saved on disk passes the same checks
 * and gets the same messages as one dropped into the browser.
 */
import { readFile as readBytes, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { io } from '@tensorflow/tfjs';
import { ModelFileError, artifactsFromFiles, type ModelFile } from '../core/grading/model-files';

/**
 * `path` is a `model.json` (or `x.json`), or a folder holding exactly one such file.
 * Weight paths in the manifest are read relative to the JSON file's folder. Other
 * formats (`.keras`, `.h5`) are read too, so the error names what they are.
 */
export async function readModelDir(path: string): Promise<io.ModelArtifacts> {
  const full = resolve(path);
  const info = await stat(full).catch(() => null);
  if (info === null) throw new ModelFileError(`No such file or folder: ${path}`);
  const jsonPath = info.isDirectory() ? await findJsonIn(full, path) : full;
  const jsonFile = await readFile(jsonPath, path);
  const files: ModelFile[] = [jsonFile];
  for (const rel of manifestPaths(jsonFile)) {
    const shardPath = join(dirname(jsonPath), rel);
    // A missing shard is reported by artifactsFromFiles, in the same words the browser shows.
    const bytes = await readBytes(shardPath).catch(() => null);
    if (bytes !== null) files.push({ name: rel, bytes });
  }
  return artifactsFromFiles(files);
}

async function findJsonIn(dir: string, shown: string): Promise<string> {
  const names = await readdir(dir);
  if (names.includes('model.json')) return join(dir, 'model.json');
  const jsons = names.filter((n) => n.toLowerCase().endsWith('.json'));
  if (jsons.length === 1) return join(dir, jsons[0]);
  if (jsons.length === 0) throw new ModelFileError(`No model.json in the folder ${shown}.`);
  throw new ModelFileError(`The folder ${shown} holds several .json files (${jsons.join(', ')}); name the model's JSON file directly.`);
}

async function readFile(full: string, shown: string): Promise<ModelFile> {
  try {
    return { name: basename(full), bytes: await readBytes(full) };
  } catch (e) {
    throw new ModelFileError(`Cannot read ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** The shard paths a model.json names; empty when it is not a readable manifest (validation reports that). */
function manifestPaths(file: ModelFile): string[] {
  try {
    const json = JSON.parse(new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, '')) as { weightsManifest?: unknown };
    if (!Array.isArray(json.weightsManifest)) return [];
    return json.weightsManifest.flatMap((g: { paths?: unknown }) =>
      Array.isArray(g?.paths) ? g.paths.filter((p): p is string => typeof p === 'string') : [],
    );
  } catch {
    return [];
  }
}
