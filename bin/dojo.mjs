#!/usr/bin/env node
// The `dojo` command. Drills and learner files are TypeScript, so the CLI runs
// its sources through tsx's loader rather than shipping a compiled copy.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
