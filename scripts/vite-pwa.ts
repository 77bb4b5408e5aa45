/**
 * The installable, offline app: vite-plugin-pwa (Workbox `generateSW`) set up for
 * Tensor Dojo. Kept out of vite.config.ts so the reasons live next to the numbers.
 *
 * - Precached (available after the first visit): the app shell, every JS chunk
 *   (editor, Monaco's workers, tfjs, the grader worker), `sandbox/worker.js` and
 *   the tfjs WASM binaries. The sandbox iframe has an opaque origin and no service
 *   worker of its own: the host fetches the worker bundle and the WASM (through
 *   this service worker) and posts them in, so precaching them here is what makes
 *   Run work offline.
 * - Datasets (47 MB, most drills need one) are not precached: they are cached on
 *   first use (CacheFirst) in a cache whose name carries a hash of every dataset
 *   manifest, so a rebuilt dataset is fetched anew instead of served stale. The
 *   Settings page can fill that cache ahead of time ("Make available offline").
 * - `registerType: 'prompt'`: a new version waits until the learner accepts the
 *   "Update available" toast, so an update never reloads the page mid-run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const DATASETS_DIR = 'public/datasets';

/** `dojo-datasets-<hash of all manifests>`: changes whenever any dataset's files do. */
export function datasetCacheName(dir = DATASETS_DIR): string {
  const hash = createHash('sha256');
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      const manifest = join(dir, name, 'manifest.json');
      if (existsSync(manifest)) hash.update(name).update('\0').update(readFileSync(manifest)).update('\0');
    }
  }
  return `dojo-datasets-${hash.digest('hex').slice(0, 12)}`;
}

export function pwaPlugins(): Plugin[] {
  const cacheName = datasetCacheName();
  return [
    {
      name: 'tensor-dojo:dataset-cache-name',
      // The page fills and inspects the same cache the service worker serves from.
      config: () => ({ define: { __DOJO_DATASET_CACHE__: JSON.stringify(cacheName) } }),
    },
    ...VitePWA({
      registerType: 'prompt',
      // Registered by src/ui/offline/UpdatePrompt.tsx via `virtual:pwa-register`.
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: 'Tensor Dojo',
        short_name: 'Tensor Dojo',
        description: 'Exam-style TensorFlow.js practice: write the training program, train it in the browser, get a mark.',
        theme_color: '#14181f',
        background_color: '#14181f',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,wasm,ttf,woff2,svg,png,webmanifest}'],
        globIgnores: ['datasets/**'],
        // Workbox skips files over 2 MiB by default, which would silently leave
        // Monaco's TypeScript worker (~5.9 MB), the tfjs type libraries for
        // completion (~2.7 MB) and the editor core (~2.3 MB) out of the offline
        // app. 8 MiB admits those with room to grow; a chunk beyond it fails the
        // offline e2e test rather than going missing quietly.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // First install takes over the open page at once, so the very first visit
        // is enough to work offline. Updates still wait (no skipWaiting).
        clientsClaim: true,
        navigateFallbackDenylist: [/\/datasets\//],
        runtimeCaching: [
          {
            urlPattern: /\/datasets\/[^/]+\/[^/]+$/,
            handler: 'CacheFirst',
            options: {
              cacheName,
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ];
}
