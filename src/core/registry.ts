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
      const level = entry.drill.level;
      if (level !== undefined && ![1, 2, 3].includes(level)) throw new Error(`Drill "${id}" has level ${level}; levels are 1–3.`);
      this.byId.set(id, entry);
    }
    for (const { drill } of this.byId.values()) {
      if (drill.buildsOn !== undefined && !this.byId.has(drill.buildsOn)) {
        throw new Error(`Drill "${drill.id}" builds on "${drill.buildsOn}", which is not a drill.`);
      }
    }
    const starts = [...this.byId.values()].filter((e) => e.drill.startHere && e.custom === undefined);
    if (starts.length > 1) throw new Error(`Only one drill can be "start here"; ${starts.map((e) => e.drill.id).join(', ')} are.`);
  }

  /**
   * Drills in exam order: by area, then by level (first steps first), a drill before
   * the ones that build on it, then by title. Custom drills follow the shipped ones of their level.
   */
  list(): DrillMeta[] {
    const metas = [...this.byId.values()].map((e) => drillMeta(e.drill));
    const depth = (m: DrillMeta, seen = 0): number => {
      const parent = m.buildsOn !== undefined ? this.byId.get(m.buildsOn)?.drill : undefined;
      return parent && seen < 10 ? 1 + depth(parent, seen + 1) : 0;
    };
    const custom = (m: DrillMeta) => (m.base !== undefined ? 1 : 0);
    return metas.sort(
      (a, b) =>
        a.area - b.area ||
        // Without a level (a test's made-up drill) a drill sorts with the stretch ones.
        (a.level ?? 3) - (b.level ?? 3) ||
        custom(a) - custom(b) ||
        depth(a) - depth(b) ||
        a.title.localeCompare(b.title),
    );
  }

  /** The drill a newcomer is pointed to, if one is marked. */
  startHere(): DrillMeta | undefined {
    const entry = [...this.byId.values()].find((e) => e.drill.startHere && e.custom === undefined);
    return entry && drillMeta(entry.drill);
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
      // A custom drill copies its base's metadata; it is not the start, and it builds on that base.
      else custom.set(def.id, { ...resolved.value, drill: { ...resolved.value.drill, startHere: undefined, buildsOn: def.base } });
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
