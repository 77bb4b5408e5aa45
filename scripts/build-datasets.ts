/**
 * Builds (or, with --check, verifies) the shipped datasets:
 *   npx tsx scripts/build-datasets.ts [--check] [name…]
 */
import { buildDatasets, inspectDatasets } from '../src/cli/datasets/index';

const OUT = 'public/datasets';
const args = process.argv.slice(2);
const check = args.includes('--check');
const names = args.filter((a) => !a.startsWith('--'));

if (!check) {
  const built = buildDatasets(OUT, names);
  const total = built.reduce((n, b) => n + b.bytes, 0);
  console.log(`built ${built.length} dataset(s), ${(total / 1e6).toFixed(2)} MB`);
}
const result = await inspectDatasets(OUT, names);
for (const p of result.problems) console.error(`✗ ${p.dataset}${p.file ? `/${p.file}` : ''}: ${p.message}`);
console.log(`checked ${result.datasets.length} dataset(s), ${(result.totalBytes / 1e6).toFixed(2)} MB in all, ${result.problems.length} problem(s)`);
process.exitCode = result.problems.length > 0 ? 1 : 0;
