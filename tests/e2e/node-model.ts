/**
 * A model trained in Node, as a learner's Colab/Node run would give one: the drill's
 * reference solution on a small slice (through the CLI's runner), saved as
 * `model.json` + `model.weights.bin` in a temp folder, and graded by the CLI's path
 * (`gradeFile`) for the points the browser must match.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradeFile } from '../../src/cli/commands/grade';
import { drillFile, loadRegistry } from '../../src/cli/exercises';
import { loadSplitsNode, trainFile } from '../../src/cli/node-runner';
import { artifactsToFiles } from '../../src/core/grading';
import type { GradeReport } from '../../src/core/grading/report';

export interface NodeModel {
  dir: string;
  files: string[];
  /** What `dojo grade <drill> <dir>/model.json` reports. */
  report: GradeReport;
}

export async function trainedInNode(drillId: string, limit: number): Promise<NodeModel> {
  const { drill } = (await loadRegistry()).get(drillId);
  const splits = await loadSplitsNode(drill, { limit });
  const result = await trainFile({ drill, file: drillFile(drillId, 'solution'), backend: 'cpu', splits });
  if (!result.ok) throw new Error(`training in Node failed: ${result.error.message}`);
  const dir = mkdtempSync(join(tmpdir(), `dojo-e2e-${drillId}-`));
  const files = artifactsToFiles(result.artifacts, 'model').map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return path;
  });
  const report = await gradeFile(drill, join(dir, 'model.json'), { backend: 'cpu', quiet: true });
  return { dir, files, report };
}
