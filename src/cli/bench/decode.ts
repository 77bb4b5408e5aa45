/**
 * Dataset decode: our compact binary files (gunzip + typed arrays + sha256 check)
 * against parsing the source package's JSON, for the datasets shipped from JSON.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadDataset } from '../../core/datasets';
import { fsSource } from '../datasets/fs-source';
import { DATASET_SOURCE_MODULES, DATASETS_DIR } from '../paths';
import { ensureSourcePackages } from '../datasets/sources-install';
import type { BenchSection } from './index';

const FROM_JSON = ['mnist', 'fashion-mnist'];

async function timeIt(fn: () => Promise<unknown>, repeats = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export const benchDecode: BenchSection = async (emit) => {
  for (const name of FROM_JSON) {
    const manifest = JSON.parse(await readFile(path.join(DATASETS_DIR, name, 'manifest.json'), 'utf8'));
    const files: string[] = manifest.source.files;
    ensureSourcePackages([manifest.source.package]);
    const pkgDir = path.join(DATASET_SOURCE_MODULES, manifest.source.package);
    // Both sides read from disk so the comparison includes I/O on each.
    const json = await timeIt(async () => {
      for (const f of files) JSON.parse(await readFile(path.join(pkgDir, f), 'utf8'));
    });
    const ours = await timeIt(() => loadDataset(fsSource(DATASETS_DIR), name));
    emit({ name: `decode ${name}: binary (ours) vs source package JSON`, baseline: json, ours, ratio: json / ours, unit: 'ms' });
  }
};
