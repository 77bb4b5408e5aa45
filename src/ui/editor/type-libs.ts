/**
 * Type declarations the editor knows: `@tensorflow/tfjs` and the packages it
 * re-exports, and our lab API as the package `tensor-dojo`. Each file is given
 * to Monaco at the path it would have in a real `node_modules/`, plus a minimal
 * `package.json`, so ordinary node module resolution finds it.
 *
 * This module is itself loaded lazily; Vite inlines every matched file into its
 * chunk (about 2.4 MB of text, ~1,300 files; far less gzipped).
 */
const tfjsDeclarations = import.meta.glob<string>(
  [
    '/node_modules/@tensorflow/tfjs/dist/**/*.d.ts',
    '/node_modules/@tensorflow/tfjs-core/dist/**/*.d.ts',
    '/node_modules/@tensorflow/tfjs-layers/dist/**/*.d.ts',
    '/node_modules/@tensorflow/tfjs-converter/dist/**/*.d.ts',
    '/node_modules/@tensorflow/tfjs-data/dist/**/*.d.ts',
    '/node_modules/@tensorflow/tfjs-backend-cpu/dist/**/*.d.ts',
    '/node_modules/@tensorflow/tfjs-backend-webgl/dist/**/*.d.ts',
    '/node_modules/@webgpu/types/dist/index.d.ts',
    // tfjs ships its own tests' declarations; nobody imports them.
    '!**/*_test.d.ts',
    '!**/test_util.d.ts',
    '!**/node_modules/@tensorflow/*/dist/**/node_modules/**',
  ],
  { eager: true, query: '?raw', import: 'default' },
);

// The lab API's sources; relative imports between them keep working under the package folder.
const labSources = import.meta.glob<string>(
  ['/src/core/lab/**/*.ts', '/src/core/helpers/**/*.ts', '/src/core/data.ts', '/src/core/drill.ts', '/src/core/datasets/types.ts'],
  { eager: true, query: '?raw', import: 'default' },
);

export interface ExtraLib {
  filePath: string;
  content: string;
}

const PACKAGES = [
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-converter',
  '@tensorflow/tfjs-data',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-webgl',
  '@webgpu/types',
];

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
