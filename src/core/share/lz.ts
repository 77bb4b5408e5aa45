/**
 * lz-string is CommonJS (`module.exports = LZString`): Node's ESM loader exposes
 * only `default`, while bundlers also expose the named functions. Both are met here.
 */
import * as lzModule from 'lz-string';

type Lz = typeof lzModule;

export const lz: Lz = (lzModule as unknown as { default?: Lz }).default ?? lzModule;
