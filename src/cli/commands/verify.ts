import { loadRegistry, drillFile } from '../exercises';
import type { Command } from '../main';
import { gradeFile, parseBackend } from './grade';

/** One `dojo verify --json` line: a drill's reference or baseline, trained on full data and graded. */
export interface VerifyRow {
  drill: string;
  file: 'solution' | 'baseline';
  points: number;
  value: number | null;
  passed: boolean;
  /** The reference passed, or the baseline failed: what calibration asks of each. */
  ok: boolean;
  seconds: number;
  backend: string;
}

export const verifyCommand: Command = {
  summary: "Train each drill's reference and baseline on full data; the reference must pass and the baseline fail.",
  usage: 'dojo verify [drill-id…] [--backend cpu|wasm] [--limit N] [--json]',
  options: { backend: { type: 'string', default: 'wasm' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }) {
    const registry = await loadRegistry();
    const ids = positionals.length ? positionals : registry.list().map((d) => d.id);
    const backend = parseBackend(values.backend);
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    let failures = 0;
    for (const id of ids) {
      const { drill } = registry.get(id);
      for (const which of ['solution', 'baseline'] as const) {
        const started = performance.now();
        const report = await gradeFile(drill, drillFile(id, which), { backend, limit, quiet: true });
        const seconds = (performance.now() - started) / 1000;
        const expected = which === 'solution' ? report.passed : !report.passed;
        if (!expected) failures++;
        const row: VerifyRow = { drill: id, file: which, points: report.points, value: report.value, passed: report.passed, ok: expected, seconds: Number(seconds.toFixed(1)), backend };
        console.log(values.json ? JSON.stringify(row) : `${expected ? 'ok  ' : 'FAIL'} ${id.padEnd(28)} ${which.padEnd(8)} ${report.points}/5 ${report.metric.name}=${report.value?.toFixed(4)} (${seconds.toFixed(1)} s on ${backend})`);
      }
    }
    return failures === 0 ? 0 : 1;
  },
};
