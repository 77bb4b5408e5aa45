/**
 * Type declarations the editor knows: `@tensorflow/tfjs` and the packages it
 * re-exports, and our lab API as the package `tensor-dojo` (layout: extra-libs.ts).
 *
 * This module is itself loaded lazily. The tfjs files are the ~600 (1.2 MB) that
 * `import * as tf from '@tensorflow/tfjs'` reaches, chosen at build time
 * (scripts/tfjs-declarations.ts): Monaco's worker parses every file it is given
 * before it can complete `tf.`, reachable or not.
 */
import tfjsDeclarations, { packages } from 'virtual:tfjs-declarations';
import { assembleExtraLibs, type ExtraLib } from './extra-libs';

// The lab API's sources, inlined as text (import.meta.glob needs its patterns written out here).
const labSources = import.meta.glob<string>(
  ['/src/core/lab/**/*.ts', '/src/core/helpers/**/*.ts', '/src/core/data.ts', '/src/core/drill.ts', '/src/core/datasets/types.ts'],
  { eager: true, query: '?raw', import: 'default' },
);

export type { ExtraLib };

export function loadTypeLibs(): ExtraLib[] {
  return assembleExtraLibs(tfjsDeclarations, packages, labSources);
}
