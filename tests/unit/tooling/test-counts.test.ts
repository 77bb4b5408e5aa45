import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script of the test runner, without types
import { counts } from '../../test-counts.mjs';

const dir = mkdtempSync(join(tmpdir(), 'dojo-counts-'));
function report(name: string, json: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(json));
  return file;
}
const base = { numPassedTests: 10, numFailedTests: 0, numPendingTests: 1, numTodoTests: 1 };
const passedFile = { status: 'passed', assertionResults: [{ status: 'passed' }] };
const failedTestFile = { status: 'failed', assertionResults: [{ status: 'passed' }, { status: 'failed' }] };
const brokenFile = { status: 'failed', assertionResults: [] };

describe("npm test's counts", () => {
  it('counts passed, failed and skipped tests', () => {
    expect(counts(report('ok.json', { ...base, testResults: [passedFile] }))).toEqual({ passed: 10, failed: 0, skipped: 2 });
  });

  it('counts a file that failed to load, also when another test failed', () => {
    const file = report('both.json', { ...base, numFailedTests: 1, testResults: [passedFile, failedTestFile, brokenFile] });
    expect(counts(file)).toEqual({ passed: 10, failed: 2, skipped: 2 });
  });

  it('counts a missing report as a failure', () => {
    expect(counts(join(dir, 'absent.json')).failed).toBe(1);
  });
});
