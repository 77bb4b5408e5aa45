/**
 * `dojo bench verify-all`: `dojo verify` over every drill on full data in one go,
 * each drill (reference, then baseline) in a child process of its own that is
 * stopped at a time budget. It is `dojo verify` itself that runs (its `--json`
 * lines are read back), so the bench and the command cannot drift apart; the child
 * also makes the budget enforceable, since a training run cannot be interrupted
 * from inside its own process.
 *
 * One row per drill: the reference's and the baseline's points, the drill's wall
 * time (dataset loading and both trainings) against the budget. `baseline` is the
 * budget and `ours` the time, so a ratio ≥ 1 means within budget.
 * --budget-s N (DOJO_BENCH_BUDGET_S, default 900) sets the budget per drill;
 * DOJO_BENCH_DRILLS picks drills; DOJO_BENCH_VERIFY_LIMIT passes `--limit` (tests).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { VerifyRow } from '../commands/verify';
import { loadRegistry } from '../exercises';
import { projectRoot } from '../paths';
import type { BenchRow, BenchSection } from './index';

export const DEFAULT_BUDGET_S = 900;

export interface VerifyAllRow extends BenchRow {
  drill: string;
  /** Null when the budget ran out before that run was graded. */
  referencePoints: number | null;
  baselinePoints: number | null;
  seconds: number;
  budgetSeconds: number;
  withinBudget: boolean;
  /** Reference passed and baseline failed, within the budget. */
  ok: boolean;
}

export interface VerifyRun {
  rows: VerifyRow[];
  seconds: number;
  /** The child was stopped at the budget. */
  stopped: boolean;
  /** What went wrong other than the budget (a crash, a user error), from its stderr. */
  error?: string;
}

/** The `dojo verify --json` rows among a child's stdout lines (tfjs may print banners there too). */
export function verifyRowsOf(stdout: string): VerifyRow[] {
  const rows: VerifyRow[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const row = JSON.parse(line) as Partial<VerifyRow>;
      if (typeof row.drill === 'string' && (row.file === 'solution' || row.file === 'baseline') && typeof row.points === 'number') rows.push(row as VerifyRow);
    } catch {
      // Not one of verify's rows.
    }
  }
  return rows;
}

/** One drill's bench row from its verify run. */
export function verifyAllRow(drill: string, run: VerifyRun, budgetSeconds: number): VerifyAllRow {
  const reference = run.rows.find((r) => r.drill === drill && r.file === 'solution');
  const baseline = run.rows.find((r) => r.drill === drill && r.file === 'baseline');
  const withinBudget = !run.stopped && run.seconds <= budgetSeconds;
  const ok = withinBudget && reference?.passed === true && baseline !== undefined && !baseline.passed;
  const mark = (r: VerifyRow | undefined, label: string) => (r ? `${label} ${r.points}/5 (${r.seconds.toFixed(0)} s)` : `${label} not graded`);
  const why = run.stopped ? `stopped at the ${budgetSeconds} s budget` : run.error ? `error: ${run.error}` : withinBudget ? 'within budget' : 'over budget';
  return {
    name: `verify-all: ${drill}: ${mark(reference, 'reference')}, ${mark(baseline, 'baseline')}; ${ok ? 'ok' : 'NOT OK'}, ${why}`,
    baseline: budgetSeconds,
    ours: run.seconds,
    ratio: budgetSeconds / Math.max(run.seconds, 1e-3),
    unit: 's',
    drill,
    referencePoints: reference?.points ?? null,
    baselinePoints: baseline?.points ?? null,
    seconds: Number(run.seconds.toFixed(1)),
    budgetSeconds,
    withinBudget,
    ok,
  };
}

/** `dojo verify <drill> --json` in a child process, killed when the budget runs out. */
export function runVerify(drill: string, budgetSeconds: number, limit?: number): Promise<VerifyRun> {
  const args = [path.join(projectRoot, 'bin/dojo.mjs'), 'verify', drill, '--json', ...(limit === undefined ? [] : ['--limit', String(limit)])];
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: projectRoot, timeout: budgetSeconds * 1000, killSignal: 'SIGKILL', maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      const seconds = (performance.now() - started) / 1000;
      const failure = err as (Error & { killed?: boolean; code?: number | string }) | null;
      // Exit 1 is verify's own verdict (a reference failed or a baseline passed); the rows say which.
      const stopped = Boolean(failure?.killed);
      const crashed = failure && !stopped && failure.code !== 1;
      resolve({ rows: verifyRowsOf(stdout), seconds, stopped, ...(crashed ? { error: lastLine(stderr) || failure.message } : {}) });
    });
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.slice(0, 160) ?? '';
}

export function budgetFromEnv(value = process.env.DOJO_BENCH_BUDGET_S): number {
  if (value === undefined || value === '') return DEFAULT_BUDGET_S;
  const n = Number(value);
  if (!(n > 0)) throw new Error(`--budget-s must be a positive number of seconds (got "${value}").`);
  return n;
}

export const benchVerifyAll: BenchSection = async (emit) => {
  const budget = budgetFromEnv();
  const limit = process.env.DOJO_BENCH_VERIFY_LIMIT ? Number(process.env.DOJO_BENCH_VERIFY_LIMIT) : undefined;
  const registry = await loadRegistry();
  const ids = process.env.DOJO_BENCH_DRILLS?.split(',').filter(Boolean) ?? registry.list().map((d) => d.id);
  // An unknown id fails here, before any training, not after an hour of it.
  for (const id of ids) registry.get(id);
  for (const id of ids) emit(verifyAllRow(id, await runVerify(id, budget, limit), budget));
};
