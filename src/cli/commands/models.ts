import { buildModels, MODEL_NAMES } from '../models/build';
import type { Command } from '../main';
import { UserError } from '../user-error';

export const modelsCommand: Command = {
  summary: 'Train the shipped pretrained bases into public/models/ (deterministic; from committed datasets).',
  usage: `dojo models build [name…]   (known: ${MODEL_NAMES.join(', ')})`,
  options: {},
  async run({ positionals }) {
    const [action, ...names] = positionals;
    if (action !== 'build') throw new UserError(`expected "build".\nUsage: ${this.usage}`);
    const unknown = names.filter((n) => !MODEL_NAMES.includes(n));
    if (unknown.length) throw new UserError(`unknown model(s): ${unknown.join(', ')}. Known: ${MODEL_NAMES.join(', ')}.`);
    await buildModels(undefined, names.length ? names : MODEL_NAMES);
    return 0;
  },
};
