/**
 * The tfjs WASM binaries as the app serves them (hashed, precached), keyed by the
 * file names tfjs asks for. The page fetches them for the sandbox, which has an
 * opaque origin and cannot; the grader, same-origin, points tfjs at them directly.
 */
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export const WASM_ASSET_URLS: Readonly<Record<string, string>> = {
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
};

/**
 * The threaded SIMD build, for a sandbox worker that has SharedArrayBuffer (see
 * sandbox/isolation.ts). Kept apart: elsewhere tfjs never loads it.
 */
/**
 * tfjs insists on a path for every build, also one it will not load (the threaded
 * build without SharedArrayBuffer, or where it is turned off): where the threaded
 * binary is not given, its name points at the SIMD one.
 */
export function withThreadedFallback(paths: Readonly<Record<string, string>>): Record<string, string> {
  return { 'tfjs-backend-wasm-threaded-simd.wasm': paths['tfjs-backend-wasm-simd.wasm'], ...paths };
}

export const WASM_THREADED_ASSET_URLS: Readonly<Record<string, string>> = {
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
};
