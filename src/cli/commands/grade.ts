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
import { summaryText } from '../../core/model-summary';
import type { ExecutionEvent } from '../../runner/execute';
import type { LearnerError } from '../../runner/protocol';
import { formatTypeProblems, typeCheckLearnerFile } from '../typecheck';
import { asUserError, UserError } from '../user-error';

export const gradeCommand: Command = {
  summary: 'Grade a solution file (trained here first) or a saved tfjs layers model against a drill.',
  usage:
    'dojo grade <drill-id|custom-drill.json> <solution.ts|solution.js|model.json> [--json] [--backend cpu|wasm] [--limit N] [--train-anyway] [--no-typecheck]\n' +
    '  --json          print exactly one JSON object on stdout (the report, or { "error": … }); everything else goes to stderr\n' +
    "  --train-anyway  train a model that breaks the drill's contract instead of stopping at its first fit\n" +
    '  --no-typecheck  skip the type check a .ts file gets first (the editor\'s check)',
  options: {
    json: { type: 'boolean' },
    backend: { type: 'string', default: 'wasm' },
    limit: { type: 'string' },
    'train-anyway': { type: 'boolean' },
    'no-typecheck': { type: 'boolean' },
  },
  oneJsonObject: true,
  async run({ values, positionals, json }) {
    const [drillId, file] = positionals;
    if (!drillId || !file) throw new UserError(`expected a drill id (or a custom drill's .json) and a file.\nUsage: ${this.usage}`);
    const backend = parseBackend(values.backend);
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    const { drill } = await resolveDrillArg(drillId);
    // Type errors first, as the editor underlines them before Run: the CLI and the browser agree.
    if (/\.ts$/.test(file) && !values['no-typecheck'] && existsSync(file)) {
      const problems = await typeCheckLearnerFile(path.resolve(file), file);
      if (problems.length) {
        throw new UserError(`${problems.length} type error${problems.length === 1 ? '' : 's'} (--no-typecheck skips this check):\n${formatTypeProblems(problems)}`, {
          kind: 'type',
          typeErrors: problems,
        });
      }
    }
    const report = await gradeFile(drill, path.resolve(file), { backend, limit, quiet: Boolean(values.json), trainAnyway: Boolean(values['train-anyway']) });
    if (json) json.print(report);
    else console.log(formatReport(report));
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
  opts: { backend: NodeBackend; limit?: number; quiet?: boolean; trainAnyway?: boolean },
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
      trainAnyway: opts.trainAnyway,
      onEvent: (e) => printRunEvent(e, opts.quiet),
    });
    if (!result.ok) throw learnerRunError(result.error, file);
    artifacts = result.artifacts;
  } else {
    throw new UserError(`cannot grade ${path.basename(file)}: give a .ts/.js solution file, a tfjs model.json or a Keras .keras/.h5 file.`);
  }
  await useBackend(opts.backend);
  return asUserError('the model could not be graded: ', () => gradeArtifacts(drill, artifacts, splits));
}

/**
 * A run's events on stderr: the learner's console (warnings included: pre-flight,
 * NaN loss) always; the model table and epoch lines unless `--json` keeps it quiet.
 */
function printRunEvent(e: ExecutionEvent, quiet = false): void {
  if (e.type === 'console') console.error(e.text);
  if (quiet) return;
  if (e.type === 'summary') console.error(summaryText(e.summary));
  if (e.type === 'epoch') console.error(`epoch ${e.epoch + 1}: ${Object.entries(e.logs).map(([k, v]) => `${k}=${v.toFixed(4)}`).join(' ')}`);
}

/** The learner's error as one line (`file:line:col` when known), with its parts kept for `--json`. */
function learnerRunError(error: LearnerError, file: string): UserError {
  const pos = error.position;
  const at = pos ? ` at ${path.basename(file)}:${pos.line}:${pos.column}` : '';
  // The message ends with "(line 3, column 5)" for the app; here `file:line:col` says it.
  const message = pos ? error.message.replace(/ \(line \d+, column \d+\)$/, '') : error.message;
  return new UserError(`${message}${at}${error.hint ? ` — ${error.hint}` : ''}`, {
    kind: error.kind,
    file: path.basename(file),
    ...(pos ? { line: pos.line, column: pos.column } : {}),
    ...(error.hint ? { hint: error.hint } : {}),
    ...(error.original ? { original: error.original } : {}),
  });
}
