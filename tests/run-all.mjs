#!/usr/bin/env node
// `npm test`: unit tests (Node), then a production build, then the end-to-end tests
// in headless Chromium against that build. Ends with one plain summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { counts } from './test-counts.mjs';

const ARTIFACTS = 'tests/.artifacts';
mkdirSync(ARTIFACTS, { recursive: true });
const only = process.argv[2]; // optional: 'static' (type check + lint), 'unit' or 'e2e'

function run(cmd, args) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

const total = { passed: 0, failed: 0, skipped: 0 };
let status = 0;
const add = (c) => {
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
};

// Static checks first: they take seconds and name the line, before minutes of tests.
if (!only || only === 'static') {
  for (const [cmd, args] of [
    ['npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
    ['npx', ['eslint', '.', '--max-warnings', '0']],
  ]) {
    const code = run(cmd, args);
    if (code !== 0) {
      status ||= code;
      total.failed += 1;
    } else {
      total.passed += 1;
    }
  }
}
if (only === 'static') {
  console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(status);
}
if (only !== 'e2e') {
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${ARTIFACTS}/unit.json`]);
  add(counts(`${ARTIFACTS}/unit.json`));
  status ||= code;
}
if (only !== 'unit') {
  const build = run('npx', ['vite', 'build', '--logLevel', 'warn']);
  if (build !== 0) {
    status ||= build;
    total.failed += 1;
  } else {
    const code = run('npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${ARTIFACTS}/e2e.json`]);
    add(counts(`${ARTIFACTS}/e2e.json`));
    status ||= code;
  }
}

console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(status || (total.failed ? 1 : 0));
