import type { Command } from '../main';
import { BENCH_SECTIONS, type BenchRow } from '../bench';
import { UserError } from '../user-error';

export const benchCommand: Command = {
  summary: 'Measure speed side by side (ours vs a baseline in the same process or browser); prints one row per comparison.',
  usage: `dojo bench [section…] [--json] [--dist <built app dir>] [--baseline-dist <dir>] [--budget-s N]   sections: ${Object.keys(BENCH_SECTIONS).join(', ')}`,
  options: { json: { type: 'boolean' }, dist: { type: 'string' }, 'baseline-dist': { type: 'string' }, 'budget-s': { type: 'string' } },
  async run({ values, positionals }) {
    // Browser sections serve this build (and build it there when it is missing).
    if (typeof values.dist === 'string') process.env.DOJO_BENCH_DIST = values.dist;
    // `startup` compares against this build (e.g. an older commit's) when given.
    if (typeof values['baseline-dist'] === 'string') process.env.DOJO_BENCH_BASELINE_DIST = values['baseline-dist'];
    // `verify-all`'s time budget per drill, in seconds.
    if (typeof values['budget-s'] === 'string') process.env.DOJO_BENCH_BUDGET_S = values['budget-s'];
    const names = positionals.length ? positionals : Object.keys(BENCH_SECTIONS);
    for (const name of names) if (!(name in BENCH_SECTIONS)) throw new UserError(`unknown bench section "${name}".`);
    for (const name of names) {
      const emit = (row: BenchRow) =>
        console.log(values.json ? JSON.stringify(row) : `${row.name.padEnd(58)} baseline ${fmt(row.baseline)}  ours ${fmt(row.ours)}  ${row.unit}  ratio ${row.ratio.toFixed(2)}×`);
      await BENCH_SECTIONS[name](emit);
    }
    return 0;
  },
};

function fmt(v: number): string {
  return (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3)).padStart(8);
}
