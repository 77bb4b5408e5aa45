/**
 * What every dataset builder shares: where the source packages live and how a
 * builder reports what it made.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetManifest } from '../../../core/datasets/types';

export interface BuildContext {
  outDir: string;
  /** The node_modules folder holding the source packages. */
  modules: string;
}

export interface DatasetBuilder {
  name: string;
  /** npm packages the builder reads (dependencies of datasets/package.json). */
  packages: string[];
  build(ctx: BuildContext): DatasetManifest;
}

export interface PackageInfo {
  name: string;
  version: string;
  license: string;
  homepage?: string;
}

export function packageInfo(modules: string, pkg: string): PackageInfo {
  const json = JSON.parse(readFileSync(join(modules, pkg, 'package.json'), 'utf8')) as Record<string, unknown>;
  const license = Array.isArray(json.license) ? (json.license as string[]).join(' OR ') : String(json.license ?? 'unknown');
  return {
    name: pkg,
    version: String(json.version),
    license,
    homepage: typeof json.homepage === 'string' ? json.homepage : undefined,
  };
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Minimal RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  return { header: header ?? [], rows: body };
}

/** Reorders `rows` (any per-row arrays) by `perm`. */
export function reorder<T>(rows: readonly T[], perm: Int32Array): T[] {
  return Array.from(perm, (i) => rows[i]!);
}
