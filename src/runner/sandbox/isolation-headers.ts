/**
 * The two response headers that make the app cross-origin isolated (and so give it,
 * and the sandbox's worker, SharedArrayBuffer for tfjs' threaded WASM build). Sent
 * by the dev server and `vite preview` (vite.config.ts) and added by the service
 * worker to what it serves (scripts/vite-pwa.ts) for hosts that cannot set headers.
 *
 * `require-corp` rather than `credentialless`: both isolate in Chromium (checked,
 * see ./isolation.ts), but Safari only knows `require-corp`, and the app loads
 * nothing from another origin, so the stricter value costs nothing.
 */
export const CROSS_ORIGIN_ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
