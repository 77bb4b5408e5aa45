/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sandboxWorkerPlugin } from './scripts/vite-sandbox-worker';

export default defineConfig({
  // Relative base: the built app works from any static host path and from file-like hosting.
  base: './',
  plugins: [react(), sandboxWorkerPlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  server: { port: 5173 },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
