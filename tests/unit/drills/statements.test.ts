/**
 * Issue 19 item 4: a drill's statement is the task, data, contract, marking and hints;
 * how its thresholds were calibrated lives in one place, `calibration` in drill.ts,
 * shown collapsed under the statement, and the thresholds table is drawn from drill.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../src/cli/exercises';

describe('drill statements', async () => {
  const registry = await loadRegistry();
  const drills = registry.list().filter((d) => d.base === undefined);

  it.each(drills.map((d) => d.id))('%s: README carries no calibration notes or second thresholds table', (id) => {
    const readme = readFileSync(`exercises/${id}/README.md`, 'utf8');
    expect(readme).not.toMatch(/`dojo (grade|verify)|dojo verify|dojo grade/);
    expect(readme).not.toMatch(/runs in Node|wasm backend|2-core CPU|over \w+ runs/i);
    // The marks table is rendered from drill.ts thresholds; a copy here could disagree.
    expect(readme).not.toMatch(/^\|\s*points\s*\|/im);
  });

  it.each(drills.map((d) => d.id))('%s: drill.ts says how the thresholds were set', (id) => {
    const { drill } = registry.get(id);
    expect(drill.calibration?.length ?? 0).toBeGreaterThan(80);
  });
});
