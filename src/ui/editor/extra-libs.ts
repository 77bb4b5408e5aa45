/**
 * The files the editor's TypeScript worker is given, laid out as a real `node_modules/`
 * (each package with a minimal `package.json`), so ordinary node module resolution
 * finds `@tensorflow/tfjs` and our lab API, imported by learners as `tensor-dojo`.
 * Pure, so a unit test can check the drills against exactly this layout.
 */
export interface ExtraLib {
  filePath: string;
  content: string;
}

/**
 * @param tfjsDeclarations tfjs `.d.ts` files by project path (`/node_modules/@tensorflow/…`)
 * @param packages the npm packages those files belong to
 * @param labSources the lab API's sources by project path (`/src/core/lab/…`); relative
 *   imports between them keep working under the package folder
 */
export function assembleExtraLibs(tfjsDeclarations: Record<string, string>, packages: readonly string[], labSources: Record<string, string>): ExtraLib[] {
  const libs: ExtraLib[] = [];
  for (const [path, content] of Object.entries(tfjsDeclarations)) libs.push({ filePath: `file://${path}`, content });
  for (const name of packages) {
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
