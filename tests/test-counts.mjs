// The pass/fail counts of one vitest JSON report, for `npm test`'s summary line.
import { existsSync, readFileSync } from 'node:fs';

/**
 * Counts from vitest's JSON report. A file that fails to load (a syntax error, a
 * throw at import, a failing beforeAll) has no failed tests of its own, so each
 * such file counts as one failure on top of the failed tests — also when other
 * tests failed too, so a broken file never hides behind them.
 */
export function counts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const brokenFiles = (j.testResults ?? []).filter(
    (r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  return { passed: j.numPassedTests, failed: (j.numFailedTests ?? 0) + brokenFiles, skipped: j.numPendingTests + j.numTodoTests };
}
