/**
 * The trusted side's way from a request to a drill: a shipped drill by id, or a
 * learner's custom drill from the definition that came with the request (checked
 * again here: a worker trusts no message's word that it was checked before).
 */
import type { CustomDrillDefinition } from '../core/custom-drill';
import { restoreAndResolve } from '../core/custom-drill-entry';
import type { DrillEntry } from '../core/registry';
import { registry } from '../exercises';

export function drillEntryFor(drillId: string, custom?: CustomDrillDefinition): DrillEntry {
  if (custom === undefined) return registry.get(drillId);
  const resolved = restoreAndResolve(custom, registry);
  if (!resolved.ok) throw new Error(resolved.error);
  if (resolved.value.drill.id !== drillId) throw new Error(`The custom drill sent is “${resolved.value.drill.id}”, not “${drillId}”.`);
  return resolved.value;
}

/** The shipped drill whose dataset and splits an entry uses (itself, unless it is custom). */
export function dataDrillId(entry: DrillEntry): string {
  return entry.drill.base ?? entry.drill.id;
}
