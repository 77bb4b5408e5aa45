/**
 * `virtual:tfjs-declarations`: the tfjs declaration files the editor hands Monaco's
 * TypeScript worker, chosen when the app is built (scripts/tfjs-declarations.ts), as
 * `{ path: content }`, and the packages they belong to. Vite puts them in the lazy chunk that imports them.
 */
import type { Plugin } from 'vite';
import { collectTfjsDeclarations, DECLARATION_PACKAGES } from './tfjs-declarations.ts';

const ID = 'virtual:tfjs-declarations';
const RESOLVED = `\0${ID}`;

export function tfjsDeclarationsPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'tensor-dojo:tfjs-declarations',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const files = Object.fromEntries(collectTfjsDeclarations(root).map((f) => [f.path, f.content]));
      return `export default ${JSON.stringify(files)};\nexport const packages = ${JSON.stringify(DECLARATION_PACKAGES)};\n`;
    },
  };
}
