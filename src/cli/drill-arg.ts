/**
 * The drill a CLI command is about: a shipped drill's id, or the path of a custom
 * drill's definition file (as the app's "Download definition" writes it). A file
 * is checked exactly as a link or an import is, and its errors are user errors.
 */
import { readFile } from 'node:fs/promises';
import { restoreAndResolve } from '../core/custom-drill-entry';
import type { DrillEntry } from '../core/registry';
import { loadRegistry } from './exercises';
import { UserError } from './user-error';

export async function resolveDrillArg(arg: string): Promise<DrillEntry> {
  const registry = await loadRegistry();
  if (registry.has(arg)) return registry.get(arg);
  if (!arg.endsWith('.json')) throw new UserError(`unknown drill "${arg}" (see dojo list), and not a custom drill file (.json).`);
  let text: string;
  try {
    text = await readFile(arg, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`no such custom drill file: ${arg}`);
    throw new UserError(`could not read ${arg} (${(e as Error).message}).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${arg} is not valid JSON (${(e as Error).message}).`);
  }
  const resolved = restoreAndResolve(raw, registry);
  if (!resolved.ok) throw new UserError(`${arg}: ${resolved.error}`);
  return resolved.value;
}
