/**
 * Type declarations the editor knows: `@tensorflow/tfjs` and the packages it
 * re-exports, and our lab API as the package `tensor-dojo`. Each file is given
 * to Monaco at the path it would have in a real `node_modules/`, plus a minimal
 * `package.json`, so ordinary node module resolution finds it.
 *
 * This module is itself loaded lazily. The tfjs files are the ~600 (1.2 MB) that
 * `import * as tf from '@tensorflow/tfjs'` reaches, chosen at build time
 * (scripts/tfjs-declarations.ts): Monaco's worker parses every file it is given
 * before it can complete `tf.`, reachable or not.
 */
import tfjsDeclarations, { packages as PACKAGES } from 'virtual:tfjs-declarations';

// The lab API's sources; relative imports between them keep working under the package folder.
const labSources = import.meta.glob<string>(
  ['/src/core/lab/**/*.ts', '/src/core/helpers/**/*.ts', '/src/core/data.ts', '/src/core/drill.ts', '/src/core/datasets/types.ts'],
  { eager: true, query: '?raw', import: 'default' },
);

export interface ExtraLib {
  filePath: string;
  content: string;
}

export function loadTypeLibs(): ExtraLib[] {
  const libs: ExtraLib[] = [];
  for (const [path, content] of Object.entries(tfjsDeclarations)) libs.push({ filePath: `file://${path}`, content });
  for (const name of PACKAGES) {
    libs.push({ filePath: `file:///node_modules/${name}/package.json`, content: JSON.stringify({ name, typings: 'dist/index.d.ts' }) });
  }
  for (const [path, content] of Object.entries(labSources)) {
    // Drop test files that may sit beside the sources.
    if (/\.test\.ts$/.test(path)) continue;
    libs.push({ filePath: `file:///node_modules/tensor-dojo${path}`, content });
  }
  libs.push({
    filePath: 'file:///node_modules/tensor-dojo/package.json',
    content: JSON.stringify({ name: 'tensor-dojo', typings: 'index.d.ts' }),
  });
  libs.push({ filePath: 'file:///node_modules/tensor-dojo/index.d.ts', content: "export * from './src/core/lab/index';\n" });
  return libs;
}
