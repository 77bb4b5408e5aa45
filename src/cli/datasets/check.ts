/**
 * `dojo datasets check`: re-hashes every shipped file and decodes each dataset with
 * the same core decoder the app uses, reporting every problem found.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetError } from '../../core/datasets/errors';
import { loadDataset } from '../../core/datasets/load';
import type { LoadedDataset } from '../../core/datasets/types';
import { fsSource } from './fs-source';
import { MAX_FILE_BYTES } from './writer';

export interface CheckProblem {
  dataset: string;
  file?: string;
  message: string;
}

export interface CheckResult {
  datasets: { name: string; bytes: number; entries: number }[];
  problems: CheckProblem[];
  totalBytes: number;
}

/** Rows in the dataset's stored order (what meta.splits indexes). */
function rowCount(d: LoadedDataset): number | undefined {
  const counts = [
    ...Object.values(d.arrays).map((a) => a.shape[0]),
    ...Object.values(d.strings).map((s) => s.length),
    ...Object.values(d.images).map((i) => i.length),
  ];
  return counts.length > 0 ? Math.max(...counts.map((c) => c ?? 0)) : undefined;
}

function checkSplits(d: LoadedDataset, problems: CheckProblem[]): void {
  const name = d.manifest.name;
  const splits = d.manifest.meta.splits as Record<string, [number, number]> | undefined;
  if (!splits) {
    problems.push({ dataset: name, file: 'manifest.json', message: 'no meta.splits' });
    return;
  }
  const n = rowCount(d);
  const ranges = ['train', 'validation', 'test'].map((k) => splits[k]);
  if (ranges.some((r) => r === undefined)) {
    problems.push({ dataset: name, file: 'manifest.json', message: 'meta.splits needs train, validation and test' });
    return;
  }
  // Splits must tile the rows exactly: no gap (lost data) and no overlap (test leakage).
  const [tr, va, te] = ranges as [number, number][];
  if (tr[0] !== 0 || tr[1] !== va[0] || va[1] !== te[0] || te[1] !== n) {
    problems.push({
      dataset: name,
      file: 'manifest.json',
      message: `meta.splits ${JSON.stringify(splits)} do not tile the ${n} rows as train | validation | test`,
    });
  }
}

/** Every problem found in `dir` (all datasets, or just `names`); empty when all is well. */
export async function checkDatasets(dir: string, names?: readonly string[]): Promise<CheckProblem[]> {
  return (await inspectDatasets(dir, names)).problems;
}

/** Like checkDatasets, plus what was checked and the shipped size. */
export async function inspectDatasets(dir: string, names?: readonly string[]): Promise<CheckResult> {
  const problems: CheckProblem[] = [];
  const datasets: CheckResult['datasets'] = [];
  let all: string[];
  try {
    all = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch (e) {
    return { datasets, problems: [{ dataset: '(all)', message: `cannot read ${dir}: ${(e as Error).message}` }], totalBytes: 0 };
  }
  const chosen = names && names.length > 0 ? names : all;
  const source = fsSource(dir);
  let totalBytes = 0;
  for (const name of chosen) {
    let bytes = 0;
    const folder = join(dir, name);
    try {
      for (const f of readdirSync(folder)) {
        const size = statSync(join(folder, f)).size;
        bytes += size;
        if (size > MAX_FILE_BYTES) problems.push({ dataset: name, file: f, message: `${size} bytes is over the ${MAX_FILE_BYTES}-byte file limit` });
      }
    } catch {
      problems.push({ dataset: name, message: `no folder ${folder}` });
      continue;
    }
    totalBytes += bytes;
    try {
      const d = await loadDataset(source, name);
      const listed = new Set(['manifest.json', ...d.manifest.files.map((f) => f.path)]);
      for (const f of readdirSync(folder)) if (!listed.has(f)) problems.push({ dataset: name, file: f, message: 'file not listed in the manifest' });
      checkSplits(d, problems);
      datasets.push({ name, bytes, entries: d.manifest.arrays.length + d.manifest.strings.length + d.manifest.images.length });
    } catch (e) {
      if (e instanceof DatasetError) problems.push({ dataset: e.dataset, file: e.file, message: e.message });
      else problems.push({ dataset: name, message: (e as Error).message });
    }
  }
  return { datasets, problems, totalBytes };
}
