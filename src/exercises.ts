/**
 * The app's (Vite's) view of `exercises/`: every drill folder, found at build time.
 * Node code (the CLI) scans the folder instead; see src/cli/exercises.ts.
 */
import type { Drill } from './core/drill';
import { DrillRegistry, drillIdFromPath, entriesFromFileMaps } from './core/registry';

const drills = import.meta.glob<{ default: Drill }>('/exercises/*/drill.ts', { eager: true });
const statements = import.meta.glob<string>('/exercises/*/README.md', { eager: true, query: '?raw', import: 'default' });
const starters = import.meta.glob<string>('/exercises/*/starter.ts', { eager: true, query: '?raw', import: 'default' });
// Reference solutions are only fetched when the learner asks to see one.
const solutions = import.meta.glob<string>('/exercises/*/solution.ts', { query: '?raw', import: 'default' });

export const registry = new DrillRegistry(entriesFromFileMaps({ drills, statements, starters }));

export async function loadSolution(drillId: string): Promise<string | undefined> {
  const path = Object.keys(solutions).find((p) => drillIdFromPath(p) === drillId);
  return path ? solutions[path]() : undefined;
}
