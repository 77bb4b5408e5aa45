/**
 * Monaco's TypeScript worker carries every library file TypeScript ships as string
 * literals (`libFileMap["lib.dom.d.ts"] = …`, 86 files). The editor checks learner
 * code against ES2022 and a Web Worker's globals only (EDITOR_LIBS in
 * src/ui/editor/compiler-options.ts), which need 59 of them. The other 27 (lib.dom
 * among them) were 1.4 MB of the 5.9 MB built worker, fetched, compiled and evaluated
 * on every visit before the worker could answer its first completion: the build drops them.
 *
 * What is kept is the `/// <reference lib="…" />` closure of EDITOR_LIBS, read from
 * the files themselves, so a library added to EDITOR_LIBS is kept with all it needs.
 */
import type { Plugin } from 'vite';
import { EDITOR_LIBS } from '../src/ui/editor/compiler-options.ts';

/** One `libFileMap["lib.x.d.ts"] = …;` statement of the worker's source: a '…', "…" or `…` literal. */
const LIB_ENTRY = /libFileMap\["(lib\.[^"]+)"\] = ('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\[\s\S])*`);\n/g;
/** Every assignment to the map, matched or not: the shape check. */
const ANY_ENTRY = /^libFileMap\[/gm;
const REFERENCE = /reference lib=\\?"([^"\\]+)\\?"/g;

export interface LibTrim {
  code: string;
  kept: string[];
  dropped: string[];
}

/** `lib.es2022.d.ts` for `es2022`, as TypeScript names library files. */
export function libFileName(lib: string): string {
  return `lib.${lib.toLowerCase()}.d.ts`;
}

/**
 * Drops the library files `roots` do not reach from Monaco's TypeScript worker source.
 * Throws when the source does not have the expected shape (a Monaco upgrade changed
 * it), rather than shipping a worker without the libraries it needs.
 */
export function keepReachableLibs(source: string, roots: readonly string[]): LibTrim {
  const entries = new Map<string, string>();
  for (const m of source.matchAll(LIB_ENTRY)) entries.set(m[1], m[2]);
  const assignments = source.match(ANY_ENTRY)?.length ?? 0;
  if (assignments !== entries.size) throw new Error(`Monaco's TypeScript worker: ${assignments - entries.size} of its ${assignments} library files are not in the expected form`);
  for (const root of roots) {
    if (!entries.has(libFileName(root))) throw new Error(`Monaco's TypeScript worker has no ${libFileName(root)} (found ${entries.size} library files)`);
  }
  const reached = new Set<string>();
  const pending = roots.map(libFileName);
  while (pending.length) {
    const name = pending.pop()!;
    const text = entries.get(name);
    if (reached.has(name) || text === undefined) continue;
    reached.add(name);
    for (const ref of text.matchAll(REFERENCE)) pending.push(libFileName(ref[1]));
  }
  const code = source.replace(LIB_ENTRY, (whole, name: string) => (reached.has(name) ? whole : ''));
  return { code, kept: [...reached].sort(), dropped: [...entries.keys()].filter((n) => !reached.has(n)).sort() };
}

const WORKER_ID = /monaco-editor\/esm\/vs\/language\/typescript\/ts\.worker\.js$/;

export function tsWorkerLibsPlugin(): Plugin {
  return {
    name: 'tensor-dojo:ts-worker-libs',
    transform(code, id) {
      // The module itself, not the `?worker` wrapper the page imports.
      if (!WORKER_ID.test(id)) return undefined;
      return { code: keepReachableLibs(code, EDITOR_LIBS).code, map: null };
    },
  };
}
