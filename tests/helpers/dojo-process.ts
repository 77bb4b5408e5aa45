/** Runs the `dojo` command as a user does: a child process, its output and its exit code. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface DojoResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function dojo(...args: string[]): Promise<DojoResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/dojo.mjs', ...args], { maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as DojoResult;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
