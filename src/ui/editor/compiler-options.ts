/**
 * How the editor's TypeScript worker checks a learner's file, kept free of Monaco so a
 * unit test can check the drills with the very same settings.
 *
 * The library is a Web Worker's, not the page's: learner code runs in the lab's
 * sandbox worker, where `document` and the page's DOM do not exist, so a type error
 * there is a real error. It is also a third of the text: TypeScript's `lib.dom.d.ts`
 * alone (1.3 MB) is more than all the tfjs declarations the editor loads, and the
 * worker parses it before `tf.` can complete. The few page types tfjs' declarations
 * name (HTMLImageElement, …) come with them (scripts/tfjs-declarations.ts).
 */
export const EDITOR_LIBS = ['es2022', 'webworker', 'webworker.iterable'];

/** Numbers, not Monaco's enums: ES2022 (Monaco's enum stops at ES2020), ESNext modules, node resolution. */
export const EDITOR_COMPILER_OPTIONS = {
  target: 9,
  module: 99,
  // Classic node resolution walks `node_modules/` folders, where the extra libs sit.
  moduleResolution: 2,
  lib: EDITOR_LIBS,
  allowNonTsExtensions: true,
  esModuleInterop: true,
  strict: false,
  noEmit: true,
  skipLibCheck: true,
} as const;
