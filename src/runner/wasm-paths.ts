// Apart from wasm-assets.ts, whose `?url` imports only Vite resolves: the sandbox worker is bundled by esbuild.

/**
 * tfjs insists on a path for every build, also one it will not load (the threaded
 * build without SharedArrayBuffer, or where it is turned off): where the threaded
 * binary is not given, its name points at the SIMD one.
 */
export function withThreadedFallback(paths: Readonly<Record<string, string>>): Record<string, string> {
  return { 'tfjs-backend-wasm-threaded-simd.wasm': paths['tfjs-backend-wasm-simd.wasm'], ...paths };
}
