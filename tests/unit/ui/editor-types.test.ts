/**
 * Issue 19 item 2: the editor gets fewer, smaller type files (only what `tf` reaches,
 * a Web Worker's library instead of the page's). These tests run TypeScript in Node over
 * exactly the files and settings the editor's worker gets, and check that nothing a
 * learner sees was lost: `tf.` completions and docs, the lab API, the drills type-check,
 * and wrong code is still an error.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectTfjsDeclarations, DECLARATION_PACKAGES, PAGE_TYPES_PATH, type DeclarationFile } from '../../../scripts/tfjs-declarations';
import { EDITOR_COMPILER_OPTIONS } from '../../../src/ui/editor/compiler-options';
import { assembleExtraLibs } from '../../../src/ui/editor/extra-libs';

const root = path.resolve(__dirname, '../../..');
const LIB_DIR = path.dirname(ts.getDefaultLibFilePath({}));

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** The lab sources type-libs.ts globs, by project path. */
function labSources(): Record<string, string> {
  const files = [...walk(path.join(root, 'src/core/lab'), []), ...walk(path.join(root, 'src/core/helpers'), [])];
  files.push(...['src/core/data.ts', 'src/core/drill.ts', 'src/core/datasets/types.ts'].map((f) => path.join(root, f)));
  return Object.fromEntries(files.map((f) => ['/' + path.relative(root, f).split(path.sep).join('/'), readFileSync(f, 'utf8')]));
}

/** A language service over the editor's files, as Monaco's worker has it (every extra lib a root). */
function editorService(declarations: DeclarationFile[], drill: Record<string, string>, overrides: ts.CompilerOptions = {}) {
  const files = new Map<string, string>();
  const libs = assembleExtraLibs(Object.fromEntries(declarations.map((f) => [f.path, f.content])), DECLARATION_PACKAGES, labSources());
  for (const lib of libs) files.set(lib.filePath.replace(/^file:\/\//, ''), lib.content);
  for (const [name, text] of Object.entries(drill)) files.set(name, text);
  const dirs = new Set<string>();
  for (const f of files.keys()) for (let d = path.posix.dirname(f); d !== '/'; d = path.posix.dirname(d)) dirs.add(d);
  const options: ts.CompilerOptions = {
    ...(EDITOR_COMPILER_OPTIONS as unknown as ts.CompilerOptions),
    lib: EDITOR_COMPILER_OPTIONS.lib.map((l) => `lib.${l}.d.ts`),
    types: [],
    // Node resolution as in Monaco's TypeScript 5.4; deprecated, not gone, in the repo's.
    ignoreDeprecations: '6.0',
    ...overrides,
  };
  const read = (f: string) => files.get(f) ?? (f.startsWith(LIB_DIR) && existsSync(f) ? readFileSync(f, 'utf8') : undefined);
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [...files.keys()].filter((f) => !f.endsWith('.json')),
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) => {
      const text = read(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => '/',
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => path.join(LIB_DIR, ts.getDefaultLibFileName(o)),
    fileExists: (f) => read(f) !== undefined,
    readFile: read,
    directoryExists: (d) => dirs.has(d) || d === '/' || d.startsWith(LIB_DIR),
    getDirectories: () => [],
  };
  return ts.createLanguageService(host);
}

const messages = (diags: readonly ts.Diagnostic[]) => diags.map((d) => `${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);

let declarations: DeclarationFile[];
beforeAll(() => {
  declarations = collectTfjsDeclarations(root);
});

describe('the tfjs declarations the editor gets', () => {
  it('are the files tf reaches, not every .d.ts tfjs ships', () => {
    const paths = declarations.map((f) => f.path);
    const shipped = DECLARATION_PACKAGES.flatMap((p) => {
      const dir = path.join(root, 'node_modules', p, 'dist');
      return walk(dir, []).filter((f) => f.endsWith('.d.ts') && !f.includes(`${path.sep}node_modules${path.sep}`, dir.length));
    });
    expect(paths).toContain('/node_modules/@tensorflow/tfjs/dist/index.d.ts');
    // The chained ops (`t.abs()`) are module augmentations of Tensor: they must come along.
    expect(paths).toContain('/node_modules/@tensorflow/tfjs-core/dist/public/chained_ops/abs.d.ts');
    expect(paths).toContain('/node_modules/@tensorflow/tfjs-layers/dist/exports_layers.d.ts');
    // A WebGL kernel's internals: nothing a learner can name through `tf`.
    expect(paths).not.toContain('/node_modules/@tensorflow/tfjs-backend-webgl/dist/kernels/Abs.d.ts');
    expect(paths.some((p) => p.endsWith('_test.d.ts'))).toBe(false);
    expect(declarations.length).toBeLessThan(shipped.length * 0.6);
    const size = declarations.reduce((n, f) => n + f.content.length, 0);
    expect(size).toBeLessThan(1_400_000);
  });

  it('keeps the licence once per package, on its index', () => {
    const withLicence = declarations.filter((f) => f.content.includes('Licensed under the Apache License')).map((f) => f.path);
    for (const p of withLicence) expect(p).toMatch(/\/dist\/index\.d\.ts$/);
    expect(withLicence).toContain('/node_modules/@tensorflow/tfjs-core/dist/index.d.ts');
  });
});

describe("the editor's TypeScript settings and files", () => {
  const drillHead = "import * as tf from '@tensorflow/tfjs';\nimport type { Lab, TensorLabData } from 'tensor-dojo';\n";

  it('complete tf. with its members, with their docs', () => {
    const source = `${drillHead}tf.`;
    const service = editorService(declarations, { '/drill.ts': source });
    const names = service.getCompletionsAtPosition('/drill.ts', source.length, {})?.entries.map((e) => e.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(['sequential', 'layers', 'tensor2d', 'train', 'data', 'browser']));
    const at = `${drillHead}const m = tf.sequential();\nm.compile({ optimizer: 'adam', loss: 'meanSquaredError' });\n`;
    const hover = editorService(declarations, { '/drill.ts': at });
    const info = hover.getQuickInfoAtPosition('/drill.ts', at.indexOf('sequential') + 2);
    expect(ts.displayPartsToString(info?.displayParts)).toMatch(/sequential\(config\?: (tf\.)?SequentialArgs\): (tf\.)?Sequential/);
    expect(ts.displayPartsToString(info?.documentation)).toMatch(/Creates a `tf.Sequential` model/);
    // A chained op on a tensor, and the lab API's types.
    const chained = `${drillHead}const t = tf.tensor([1, 2]);\nt.ab`;
    const tensorNames = editorService(declarations, { '/drill.ts': chained }).getCompletionsAtPosition('/drill.ts', chained.length, {})?.entries.map((e) => e.name);
    expect(tensorNames).toContain('abs');
    const lab = `${drillHead}export default async function train(lab: Lab<TensorLabData>) {\n  lab.data.train.`;
    const labNames = editorService(declarations, { '/drill.ts': lab }).getCompletionsAtPosition('/drill.ts', lab.length, {})?.entries.map((e) => e.name);
    expect(labNames).toEqual(expect.arrayContaining(['xs', 'ys']));
  });

  it("type-check every drill's reference solution, and flag wrong code", () => {
    const drills = readdirSync(path.join(root, 'exercises')).filter((d) => existsSync(path.join(root, 'exercises', d, 'solution.ts')));
    expect(drills.length).toBeGreaterThan(10);
    const files: Record<string, string> = {};
    for (const d of drills) files[`/${d}/solution.ts`] = readFileSync(path.join(root, 'exercises', d, 'solution.ts'), 'utf8');
    files['/wrong.ts'] = `${drillHead}tf.sequentail();\nconst n: number = tf.scalar(1);\ndocument.title = 'x';\n`;
    const service = editorService(declarations, files);
    for (const d of drills) expect(messages(service.getSemanticDiagnostics(`/${d}/solution.ts`)), d).toEqual([]);
    const wrong = messages(service.getSemanticDiagnostics('/wrong.ts')).join('\n');
    expect(wrong).toMatch(/2551: Property 'sequentail' does not exist .* Did you mean 'sequential'/);
    expect(wrong).toMatch(/2322: Type 'Scalar' is not assignable to type 'number'/);
    // Learner code runs in a worker: the page's `document` is not there.
    expect(wrong).toMatch(/2584: Cannot find name 'document'/);
  });

  it('leave no page type tfjs names unresolved', () => {
    // The editor skips checking declaration files; here they are checked, to see what is missing.
    const service = editorService(declarations, { '/drill.ts': drillHead }, { skipLibCheck: false });
    const program = service.getProgram()!;
    const missing = new Set<string>();
    for (const file of program.getSourceFiles()) {
      if (!file.fileName.startsWith('/node_modules/@tensorflow/') && file.fileName !== PAGE_TYPES_PATH) continue;
      for (const d of program.getSemanticDiagnostics(file)) {
        const m = /Cannot find name '([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, ' '));
        if (m) missing.add(m[1]);
      }
    }
    // `Long` comes from the 'long' package, which the editor never served.
    expect([...missing]).toEqual(['Long']);
  });
});
