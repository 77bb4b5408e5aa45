import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory the CLI was started from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATASETS_DIR = path.join(projectRoot, 'public', 'datasets');
/**
 * The dataset source packages (~690 MB) live in a package of their own, so the
 * lab's install stays lean: only `dojo datasets build` (and the decode bench) read them.
 */
export const DATASET_SOURCES_DIR = path.join(projectRoot, 'datasets');
export const DATASET_SOURCE_MODULES = path.join(DATASET_SOURCES_DIR, 'node_modules');
