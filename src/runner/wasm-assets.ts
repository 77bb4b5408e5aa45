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
export const WASM_THREADED_ASSET_URLS: Readonly<Record<string, string>> = {
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
};
