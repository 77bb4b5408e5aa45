/** Built by scripts/vite-type-libs.ts: the tfjs `.d.ts` files the editor serves, by path. */
declare module 'virtual:tfjs-declarations' {
  const files: Record<string, string>;
  export default files;
  /** npm packages the files belong to; each gets a minimal package.json in the editor. */
  export const packages: string[];
}
