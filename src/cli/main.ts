/**
 * `dojo`: the lab without a browser. Grades the same files with the same grader.
 * User errors (unknown drill, missing file, broken model) print one clear line and
 * exit 2; only our own bugs print a stack.
 */
import { parseArgs } from 'node:util';
import { benchCommand } from './commands/bench';
import { convertCommand } from './commands/convert';
import { datasetsCommand } from './commands/datasets';
import { gradeCommand } from './commands/grade';
import { listCommand } from './commands/list';
import { modelsCommand } from './commands/models';
import { verifyCommand } from './commands/verify';
import { reserveStdoutForJson, type JsonStdout } from './json-output';
import { errorAsJson, UserError } from './user-error';

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  /**
   * With `--json`, stdout carries exactly one JSON object, errors included: the
   * command prints it with `json.print`, everything else goes to stderr.
   */
  oneJsonObject?: boolean;
  run(args: { values: Record<string, unknown>; positionals: string[]; json?: JsonStdout }): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  list: listCommand,
  grade: gradeCommand,
  verify: verifyCommand,
  datasets: datasetsCommand,
  bench: benchCommand,
  convert: convertCommand,
  models: modelsCommand,
};

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return ['Usage: dojo <command> [options]   (dojo <command> --help for details)', '', 'Commands:', ...rows].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`dojo: unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  const json = command.oneJsonObject && rest.includes('--json') ? reserveStdoutForJson() : undefined;
  try {
    const parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      console.log(`${command.summary}\n\nUsage: ${command.usage}`);
      return 0;
    }
    return await command.run({ ...(parsed as { values: Record<string, unknown>; positionals: string[] }), json });
  } catch (e) {
    const err = e as Error & { code?: string };
    const usersFault = e instanceof UserError || err.code?.startsWith('ERR_PARSE_ARGS');
    json?.print(errorAsJson(usersFault && !(e instanceof UserError) ? new UserError(err.message) : e));
    if (usersFault) {
      console.error(`dojo ${name}: ${err.message}`);
      return 2;
    }
    throw e;
  } finally {
    json?.restore();
  }
}
