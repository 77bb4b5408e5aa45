/**
 * `--json` keeps stdout for exactly one JSON object. Anything else that would be
 * printed while a command runs (tfjs' own notices, a learner's `model.summary()`
 * reaching the real console, our progress lines) goes to stderr, so
 * `dojo grade … --json | jq` always parses.
 */
import { Console } from 'node:console';

export interface JsonStdout {
  /** Writes the command's one JSON object to the real stdout. */
  print(value: unknown): void;
  /** Puts console.log/info/debug back. */
  restore(): void;
}

/** From now on console.log/info/debug write to stderr; `print` alone writes stdout. */
export function reserveStdoutForJson(): JsonStdout {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  const toStderr = new Console({ stdout: process.stderr, stderr: process.stderr });
  console.log = toStderr.log.bind(toStderr);
  console.info = toStderr.info.bind(toStderr);
  console.debug = toStderr.debug.bind(toStderr);
  let printed = false;
  return {
    print(value) {
      // One object per run, whatever happens after (an error after the report is a bug of ours).
      if (printed) return;
      printed = true;
      process.stdout.write(`${JSON.stringify(value)}\n`);
    },
    restore() {
      Object.assign(console, saved);
    },
  };
}
