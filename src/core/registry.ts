/**
 * The drill registry: every folder under `exercises/` becomes one entry.
 *
 * Loaders differ by host (Vite's `import.meta.glob` in the app, a directory scan in
 * the CLI), so the registry only takes the files already read and checks them.
 */
import type { CustomDrillDefinition } from './custom-drill';
import { restoreAndResolve } from './custom-drill-entry';
import type { Drill, DrillMeta } from './drill';
import { drillMeta } from './drill';

export interface DrillEntry {
  drill: Drill;
  /** `README.md`: the statement shown beside the editor. */
  statement: string;
  /** `starter.ts`: blank apart from the imports and the function signature. */
  starter: string;
  /** Only on a learner's custom drill: its definition, which the runner and grader are handed. */
  custom?: CustomDrillDefinition;
}

/** A custom drill that could not be added, and why (shown to its author, never thrown). */
export interface CustomDrillProblem {
  id: string;
  /** Why, in words for its author (names the drill by title or id). */
  error: string;
}

export class DrillRegistry {
  private readonly byId = new Map<string, DrillEntry>();

  constructor(entries: Iterable<DrillEntry>) {
    for (const entry of entries) {
      const { id, area } = entry.drill;
      if (this.byId.has(id)) throw new Error(`Two drills share the id "${id}".`);
      if (![1, 2, 3, 4, 5].includes(area)) throw new Error(`Drill "${id}" has area ${area}; areas are 1–5.`);
      this.byId.set(id, entry);
    }
  }

  /** Drills in exam order: by area, then by title. */
  list(): DrillMeta[] {
    return [...this.byId.values()]
      .map((e) => drillMeta(e.drill))
      .sort((a, b) => a.area - b.area || a.title.localeCompare(b.title));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * This registry's drills plus the learner's custom ones, each checked again (they
   * come from storage, links and files) against the shipped drills here. One that
   * no longer fits (its base is gone, or changed shape) is left out and reported.
   */
  withCustom(definitions: readonly CustomDrillDefinition[]): { registry: DrillRegistry; problems: CustomDrillProblem[] } {
    // Custom entries already here are replaced, not kept; a definition built on one
    // is refused by restoreAndResolve (a base must be a shipped drill).
    const shipped = [...this.byId.values()].filter((e) => e.custom === undefined);
    const problems: CustomDrillProblem[] = [];
    const custom = new Map<string, DrillEntry>();
    for (const def of definitions) {
      const resolved = restoreAndResolve(def, this);
      if (!resolved.ok) problems.push({ id: String(def?.id), error: resolved.error });
      else if (custom.has(def.id)) problems.push({ id: def.id, error: `Two custom drills share the id “${def.id}”; the first is used.` });
      else custom.set(def.id, resolved.value);
    }
    return { registry: new DrillRegistry([...shipped, ...custom.values()]), problems };
  }

  get(id: string): DrillEntry {
    const entry = this.byId.get(id);
    if (!entry) throw new Error(`Unknown drill "${id}". Known drills: ${[...this.byId.keys()].sort().join(', ')}.`);
    return entry;
  }
}

/** `exercises/<id>/<file>` → `<id>`, or undefined for paths outside a drill folder. */
export function drillIdFromPath(path: string): string | undefined {
  const m = /(?:^|\/)exercises\/([^/]+)\/[^/]+$/.exec(path.replace(/\\/g, '/'));
  return m?.[1];
}

/**
 * Joins per-file module maps (as `import.meta.glob` returns them) into entries,
 * complaining about a drill folder that lacks a file rather than skipping it.
 */
export function entriesFromFileMaps(maps: {
  drills: Record<string, { default: Drill }>;
  statements: Record<string, string>;
  starters: Record<string, string>;
}): DrillEntry[] {
  const byFolder = (m: Record<string, unknown>) =>
    new Map(Object.entries(m).map(([path, v]) => [drillIdFromPath(path), v] as const));
  const statements = byFolder(maps.statements) as Map<string | undefined, string>;
  const starters = byFolder(maps.starters) as Map<string | undefined, string>;
  return Object.entries(maps.drills).map(([path, mod]) => {
    const folder = drillIdFromPath(path);
    const drill = mod.default;
    if (!drill || folder !== drill.id) throw new Error(`exercises/${folder}/drill.ts must default-export a drill with id "${folder}".`);
    const statement = statements.get(folder);
    const starter = starters.get(folder);
    if (statement === undefined) throw new Error(`exercises/${folder}/README.md is missing.`);
    if (starter === undefined) throw new Error(`exercises/${folder}/starter.ts is missing.`);
    return { drill, statement, starter };
  });
}
