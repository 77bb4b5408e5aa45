import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { keepReachableLibs, libFileName } from '../../../scripts/vite-ts-worker-libs';
import { EDITOR_LIBS } from '../../../src/ui/editor/compiler-options';

const require = createRequire(import.meta.url);
const workerSource = readFileSync(require.resolve('monaco-editor/esm/vs/language/typescript/ts.worker.js'), 'utf8');
const libNames = (code: string) => [...code.matchAll(/libFileMap\["(lib\.[^"]+)"\]/g)].map((m) => m[1]);

describe("the build's trim of Monaco's TypeScript worker libraries", () => {
  const trim = keepReachableLibs(workerSource, EDITOR_LIBS);

  it("keeps the editor's libraries and everything they reference, drops the DOM", () => {
    for (const lib of EDITOR_LIBS) expect(trim.kept).toContain(libFileName(lib));
    for (const lib of ['lib.es5.d.ts', 'lib.es2015.promise.d.ts', 'lib.es2021.string.d.ts', 'lib.es2022.array.d.ts', 'lib.decorators.d.ts']) {
      expect(trim.kept).toContain(lib);
    }
    for (const lib of ['lib.dom.d.ts', 'lib.dom.iterable.d.ts', 'lib.esnext.d.ts', 'lib.scripthost.d.ts']) expect(trim.dropped).toContain(lib);
    expect(libNames(trim.code).sort()).toEqual(trim.kept);
  });

  it('leaves a closed set: every library a kept one references is kept', () => {
    for (const name of trim.kept) {
      const entry = new RegExp(`libFileMap\\["${name.replace(/\./g, '\\.')}"\\] = ([^\\n]*)`).exec(trim.code)![1];
      for (const ref of entry.matchAll(/reference lib=\\?"([^"\\]+)\\?"/g)) expect(trim.kept).toContain(libFileName(ref[1]));
    }
  });

  it('leaves valid JavaScript, a megabyte smaller, unchanged around the library map', () => {
    expect(() => transformSync(trim.code, { loader: 'js', format: 'esm' })).not.toThrow();
    expect(trim.code.length).toBeLessThan(workerSource.length - 1_000_000);
    const firstEntry = workerSource.indexOf('libFileMap["lib.');
    expect(trim.code.slice(0, firstEntry)).toBe(workerSource.slice(0, firstEntry));
    expect(trim.code.slice(-20_000)).toBe(workerSource.slice(-20_000));
  });

  it('handles the three literal forms and refuses a source it does not understand', () => {
    const source = [
      'const libFileMap = {};',
      'libFileMap["lib.a.d.ts"] = \'/// <reference lib="b" />\\nA\';',
      'libFileMap["lib.b.d.ts"] = "/// <reference lib=\\"c\\" />";',
      'libFileMap["lib.c.d.ts"] = `C\n${""}`;',
      'libFileMap["lib.d.d.ts"] = "D";',
      '',
    ].join('\n');
    expect(keepReachableLibs(source, ['a'])).toMatchObject({ kept: ['lib.a.d.ts', 'lib.b.d.ts', 'lib.c.d.ts'], dropped: ['lib.d.d.ts'] });
    expect(() => keepReachableLibs(source, ['e'])).toThrow(/no lib\.e\.d\.ts/);
    expect(() => keepReachableLibs(`${source}libFileMap["lib.f.d.ts"] = readLib("f");\n`, ['a'])).toThrow(/1 of its 5 library files are not in the expected form/);
  });
});
