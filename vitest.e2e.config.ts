import { defineConfig } from 'vitest/config';

// End-to-end tests: real headless Chromium (Debian's) driven by playwright-core,
// against the built app served by `vite preview`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // One browser at a time: CI has two cores and SwiftShader is CPU-bound.
    fileParallelism: false,
    pool: 'forks',
  },
});
