/// <reference types="vite-plugin-pwa/vanillajs" />

/** Set by scripts/vite-pwa.ts: the Cache Storage name the service worker keeps datasets in. */
declare const __DOJO_DATASET_CACHE__: string | undefined;
