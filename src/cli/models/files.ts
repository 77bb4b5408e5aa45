/**
 * Pretrained bases on disk (public/models/<name>/): written by `dojo models build`,
 * read by the CLI's runs as the data worker reads them over HTTP in the browser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type PretrainedArtifacts, PRETRAINED_FILES, parsePretrained } from '../../core/lab/pretrained';
import { projectRoot } from '../paths';

export const MODELS_DIR = path.join(projectRoot, 'public', 'models');

const cache = new Map<string, PretrainedArtifacts>();

export function readPretrained(name: string, dir = MODELS_DIR): PretrainedArtifacts {
  const key = path.join(dir, name);
  let found = cache.get(key);
  if (!found) {
    let json: unknown;
    let weights: Uint8Array;
    try {
      json = JSON.parse(readFileSync(path.join(key, PRETRAINED_FILES.modelJson), 'utf8'));
      weights = new Uint8Array(readFileSync(path.join(key, PRETRAINED_FILES.weights)));
    } catch (e) {
      throw new Error(`The pretrained model "${name}" is missing from ${dir} (${(e as Error).message}); rebuild it with \`npm run dojo -- models build ${name}\`.`, { cause: e });
    }
    found = parsePretrained(name, json, weights);
    cache.set(key, found);
  }
  return found;
}
