/**
 * The tfjs declarations the editor's TypeScript worker is given, chosen at build time.
 *
 * Monaco's worker makes every extra lib a root of its program, so each file handed over
 * is parsed and bound before `tf.` can complete, whether or not anything imports it.
 * tfjs' packages ship ~1,300 `.d.ts` files (2.4 MB): internals of the backends, kernels
 * and tests that `import * as tf from '@tensorflow/tfjs'` never reaches. Here the
 * TypeScript compiler itself (already a dependency; no d.ts bundler needed) resolves
 * that import the way the worker will, and only the files it loads are kept (~600,
 * 1.2 MB). Files keep their paths and relative imports, so module augmentations
 * (tfjs' chained ops on `Tensor`) and hover docs work as in a real `node_modules/`.
 *
 * Two more cuts, neither visible to a learner:
 * - the 15-line Apache licence header of every file is kept once per package (on its
 *   `dist/index.d.ts`): TypeScript parses each `/** @license` block as JSDoc;
 * - `@webgpu/types` (105 kB, all of WebGPU) is replaced by the one name tfjs' reachable
 *   declarations use, `GPUBuffer`, as the type of `WebGPUData.buffer`.
 *
 * And one file more: the editor checks learner code against a Web Worker's library
 * (src/ui/editor/compiler-options.ts), which lacks seven page types tfjs' declarations
 * name (`tf.browser.fromPixels(img: HTMLImageElement)`, …); PAGE_TYPES_STUB declares
 * them, small, so those signatures keep their meaning.
 */
import path from 'node:path';
import ts from 'typescript';

export interface DeclarationFile {
  /** Path as in the project, e.g. `/node_modules/@tensorflow/tfjs-core/dist/index.d.ts`. */
  path: string;
  content: string;
}

/** Packages whose declarations the editor serves; anything else tfjs imports stays unresolved (any). */
export const DECLARATION_PACKAGES = [
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-converter',
  '@tensorflow/tfjs-data',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-webgl',
  '@webgpu/types',
];

const ENTRY_SOURCE = "import * as tf from '@tensorflow/tfjs';\n";

// Most files open with it; some put an `/// <amd-module>` line first.
const LICENSE_HEADER = /\/\*\*\s*\n\s*\* @license[\s\S]*?\*\/\r?\n/;

export const WEBGPU_STUB = `/**
 * A WebGPU buffer (from @webgpu/types, cut to what tfjs' declarations name): the
 * editor loads only the types a learner can reach through \`tf\`.
 */
interface GPUBuffer {
  readonly size: number;
  readonly usage: number;
  readonly mapState: 'unmapped' | 'pending' | 'mapped';
  label: string;
  mapAsync(mode: number, offset?: number, size?: number): Promise<undefined>;
  getMappedRange(offset?: number, size?: number): ArrayBuffer;
  unmap(): undefined;
  destroy(): undefined;
}
`;

/** Where PAGE_TYPES_STUB is served: a global script, outside any package. */
export const PAGE_TYPES_PATH = '/tfjs-page-types.d.ts';

export const PAGE_TYPES_STUB = `/**
 * Page (DOM) types that tfjs' declarations name, cut to a few members. Learner code runs
 * in a Web Worker, where none of them exists; they are here so tfjs' signatures read
 * as written.
 */
interface HTMLCanvasElement {
  width: number;
  height: number;
  getContext(contextId: string, options?: unknown): unknown;
}
interface HTMLImageElement {
  width: number;
  height: number;
  readonly naturalWidth: number;
  readonly naturalHeight: number;
  src: string;
}
interface HTMLVideoElement {
  width: number;
  height: number;
  readonly videoWidth: number;
  readonly videoHeight: number;
  readonly readyState: number;
}
interface HTMLSourceElement {
  src: string;
  type: string;
}
interface Navigator {
  readonly userAgent: string;
}
interface Storage {
  readonly length: number;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
interface MediaTrackConstraints {
  deviceId?: string;
  facingMode?: string;
  width?: number;
  height?: number;
}
`;

/** The declaration files `import * as tf from '@tensorflow/tfjs'` loads, trimmed as described above. */
export function collectTfjsDeclarations(projectRoot: string): DeclarationFile[] {
  const root = path.resolve(projectRoot);
  const entry = path.join(root, '__editor_entry__.ts');
  const host = ts.createCompilerHost({});
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (fileName, language, ...rest) =>
    fileName === entry ? ts.createSourceFile(fileName, ENTRY_SOURCE, language) : getSourceFile(fileName, language, ...rest);
  host.fileExists = (fileName) => fileName === entry || fileExists(fileName);
  const program = ts.createProgram(
    [entry],
    // The worker uses node resolution against the same package layout; `noLib` and
    // `types: []` keep TypeScript's own libs and unrelated @types out of the walk.
    { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noLib: true, types: [], noEmit: true },
    host,
  );
  const files: DeclarationFile[] = [];
  for (const source of program.getSourceFiles()) {
    const rel = '/' + path.relative(root, path.resolve(source.fileName)).split(path.sep).join('/');
    const pkg = DECLARATION_PACKAGES.find((name) => rel.startsWith(`/node_modules/${name}/`));
    if (!pkg || rel.includes('/node_modules/', `/node_modules/${pkg}/`.length)) continue;
    let content = source.text;
    if (pkg === '@webgpu/types') content = WEBGPU_STUB;
    else if (rel !== `/node_modules/${pkg}/dist/index.d.ts`) content = content.replace(LICENSE_HEADER, '');
    files.push({ path: rel, content });
  }
  const entryFile = '/node_modules/@tensorflow/tfjs/dist/index.d.ts';
  if (!files.some((f) => f.path === entryFile)) throw new Error(`tfjs declarations: ${entryFile} was not resolved from ${root}`);
  files.push({ path: PAGE_TYPES_PATH, content: PAGE_TYPES_STUB });
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
