/**
 * The CLI's view of `exercises/`: a directory scan instead of Vite's glob, feeding
 * the same registry the app uses.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Drill } from '../core/drill';
import { DrillRegistry } from '../core/registry';
import { projectRoot } from './paths';

export const EXERCISES_DIR = path.join(projectRoot, 'exercises');

let registry: Promise<DrillRegistry> | undefined;

export function loadRegistry(): Promise<DrillRegistry> {
  registry ??= (async () => {
    const folders = (await readdir(EXERCISES_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    const entries = await Promise.all(
      folders.map(async (id) => {
        const dir = path.join(EXERCISES_DIR, id);
        const mod = (await import(pathToFileURL(path.join(dir, 'drill.ts')).href)) as { default: Drill };
        return {
          drill: mod.default,
          statement: await readFile(path.join(dir, 'README.md'), 'utf8'),
          starter: await readFile(path.join(dir, 'starter.ts'), 'utf8'),
        };
      }),
    );
    return new DrillRegistry(entries);
  })();
  return registry;
}

/** `solution` or `baseline` file of a drill. */
export function drillFile(id: string, which: 'solution' | 'baseline' | 'starter'): string {
  const file = path.join(EXERCISES_DIR, id, `${which}.ts`);
  if (!existsSync(file)) throw new Error(`exercises/${id}/${which}.ts is missing.`);
  return file;
}
