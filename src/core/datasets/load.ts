/**
 * Reads a dataset through any DatasetSource (fetch in the browser, files in Node)
 * and decodes it.
 */
import { decodeDataset } from './decode';
import { DatasetError } from './errors';
import { validateManifest } from './manifest';
import type { DatasetSource, LoadedDataset } from './types';

export interface LoadOptions {
  /** Called after each file arrives, e.g. for a progress bar. */
  onProgress?: (loadedBytes: number, totalBytes: number, path: string) => void;
}

export async function loadDataset(source: DatasetSource, name: string, opts: LoadOptions = {}): Promise<LoadedDataset> {
  // Sources validate too, but a hand-written source might not: this is the trust boundary.
  const manifest = validateManifest(await source.readManifest(name), name);
  const total = manifest.files.reduce((n, f) => n + f.bytes, 0);
  const files: Record<string, Uint8Array> = {};
  let loaded = 0;
  for (const f of manifest.files) {
    let bytes: Uint8Array;
    try {
      bytes = await source.readFile(name, f.path);
    } catch (e) {
      if (e instanceof DatasetError) throw e;
      throw new DatasetError(name, 'http', `could not be read (${(e as Error).message}).`, f.path);
    }
    files[f.path] = bytes;
    loaded += bytes.length;
    opts.onProgress?.(loaded, total, f.path);
  }
  return decodeDataset(manifest, files);
}
