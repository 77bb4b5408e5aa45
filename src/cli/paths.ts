import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory the CLI was started from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATASETS_DIR = path.join(projectRoot, 'public', 'datasets');
