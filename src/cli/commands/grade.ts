import { existsSync } from 'node:fs';
import path from 'node:path';
import type { io } from '@tensorflow/tfjs';
import type { Drill } from '../../core/drill';
import type { GradeReport } from '../../core/grading/report';
import { gradeArtifacts } from '../../runner/grade-artifacts';
import { resolveDrillArg } from '../drill-arg';
import type { Command } from '../main';
import { readModelDir } from '../model-files';
import { loadSplitsNode, trainFile, useBackend, type NodeBackend } from '../node-runner';
import { formatReport } from '../report-text';
import { asUserError, UserError } from '../user-error';

export const gradeCommand: Command = {
  summary: 'Grade a solution file (trained here first) or a saved tfjs layers model against a drill.',
  usage: 'dojo grade <drill-id|custom-drill.json> <solution.ts|solution.js|model.json> [--json] [--backend cpu|wasm] [--limit N]',
  options: {
    json: { type: 'boolean' },
    backend: { type: 'string', default: 'wasm' },
    limit: { type: 'string' },
  },
  async run({ values, positionals }) {
    const [drillId, file] = positionals;
    if (!drillId || !file) throw new UserError(`expected a drill id (or a custom drill's .json) and a file.\nUsage: ${this.usage}`);
    const backend = parseBackend(values.backend);
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    const { drill } = await resolveDrillArg(drillId);
    const report = await gradeFile(drill, path.resolve(file), { backend, limit, quiet: Boolean(values.json) });
    console.log(values.json ? JSON.stringify(report) : formatReport(report));
    return 0;
  },
};

export function parseBackend(value: unknown): NodeBackend {
  if (value === 'cpu' || value === 'wasm') return value;
  throw new UserError(`--backend must be cpu or wasm in Node (got "${String(value)}").`);
}

/** Trains (for a source file) or loads (for model.json), then grades. */
export async function gradeFile(
  drill: Drill,
  file: string,
  opts: { backend: NodeBackend; limit?: number; quiet?: boolean },
): Promise<GradeReport> {
  if (!existsSync(file)) throw new UserError(`no such file: ${file}`);
  const splits = await asUserError(`dataset "${drill.dataset}" could not be loaded: `, () => loadSplitsNode(drill, { limit: opts.limit }));
  let artifacts: io.ModelArtifacts;
  if (/\.(json|keras|h5|hdf5)$/i.test(file)) {
    artifacts = await asUserError('', () => readModelDir(file));
  } else if (/\.(ts|js|mjs)$/.test(file)) {
    const result = await trainFile({
      drill,
      file,
      backend: opts.backend,
      splits,
      onEvent: opts.quiet ? undefined : (e) => {
        if (e.type === 'console') console.error(e.text);
        if (e.type === 'epoch') console.error(`epoch ${e.epoch + 1}: ${Object.entries(e.logs).map(([k, v]) => `${k}=${v.toFixed(4)}`).join(' ')}`);
      },
    });
    if (!result.ok) {
      const at = result.error.position ? ` at ${path.basename(file)}:${result.error.position.line}:${result.error.position.column}` : '';
      throw new UserError(`${result.error.message}${at}${result.error.hint ? ` — ${result.error.hint}` : ''}`);
    }
    artifacts = result.artifacts;
  } else {
    throw new UserError(`cannot grade ${path.basename(file)}: give a .ts/.js solution file, a tfjs model.json or a Keras .keras/.h5 file.`);
  }
  await useBackend(opts.backend);
  return asUserError('the model could not be graded: ', () => gradeArtifacts(drill, artifacts, splits));
}
