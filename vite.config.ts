/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sandboxWorkerPlugin } from './scripts/vite-sandbox-worker.ts';
import { pwaPlugins } from './scripts/vite-pwa.ts';
import { tfjsDeclarationsPlugin } from './scripts/vite-type-libs.ts';
import { tsWorkerLibsPlugin } from './scripts/vite-ts-worker-libs.ts';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from './src/runner/sandbox/isolation-headers.ts';

// The PWA plugin's precache step (2–3 s) tripped Rolldown's slow-plugin warning on
// every build (the worker bundles' too, on a busy machine): a screenful a newcomer
// running `npm start` would take for a problem.
const QUIET_BUILD = { checks: { bundlerTimings: false } };

export default defineConfig({
  // Relative base: the built app works from any static host path and from file-like hosting.
  base: './',
  // pwaPlugins: offline app (precache, dataset cache, update prompt); see scripts/vite-pwa.ts.
  plugins: [react(), sandboxWorkerPlugin(), tfjsDeclarationsPlugin(), tsWorkerLibsPlugin(), ...pwaPlugins()],
  // Workers are bundled apart; Monaco's TypeScript worker keeps only the libraries the editor uses.
  worker: { format: 'es', plugins: () => [tsWorkerLibsPlugin()], rolldownOptions: QUIET_BUILD },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rolldownOptions: QUIET_BUILD,
  },
  // Cross-origin isolated (SharedArrayBuffer), so the sandbox trains on tfjs' threaded
  // WASM build; static hosts that cannot send headers get them from the service worker.
  server: { port: 5173, headers: CROSS_ORIGIN_ISOLATION_HEADERS },
  preview: { headers: CROSS_ORIGIN_ISOLATION_HEADERS },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
