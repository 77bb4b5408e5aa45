/**
 * What the browser bench sections share: a production build of the app (built on
 * demand), served by `vite preview` on a free loopback port, and Debian's Chromium
 * driven by playwright-core with the flags the e2e tests use.
 *
 * The build under test is `--dist <dir>` (via DOJO_BENCH_DIST), else /tmp/dist-bench,
 * built when its index.html is missing. Never `dist/`: others test from it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Plugin, PreviewServer } from 'vite';
import { projectRoot } from '../paths';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from '../../runner/sandbox/isolation-headers';
import { installSandboxTap } from './browser-app';

export const DEFAULT_BENCH_DIST = '/tmp/dist-bench';

/** The same flags as tests/e2e/browser.ts: headless, no GPU (SwiftShader WebGL), no network chatter. */
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
];

export function benchDist(): string {
  return path.resolve(process.env.DOJO_BENCH_DIST || DEFAULT_BENCH_DIST);
}

let building: Promise<string> | undefined;

/** The build under test, built first if it is missing (once per process). */
export function ensureDist(dist = benchDist()): Promise<string> {
  if (existsSync(path.join(dist, 'index.html'))) return Promise.resolve(dist);
  building ??= (async () => {
    process.stderr.write(`bench: building the app into ${dist} (vite build)…\n`);
    const { build } = await import('vite');
    await build({ root: projectRoot, build: { outDir: dist, emptyOutDir: true }, logLevel: 'warn' });
    return dist;
  })();
  return building;
}

export interface BrowserBench {
  /** Base URL of the served build, ending in '/'. */
  url: string;
  dist: string;
  browser: Browser;
  /**
   * A fresh context (empty storage and cache) with one page. `serviceWorkers: 'block'`
   * keeps the app's service worker out (it would isolate a page served without headers).
   */
  newPage(opts?: { serviceWorkers?: 'allow' | 'block' }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export interface BrowserBenchOptions {
  dist?: string;
  /** Extra routes for bench-only files (e.g. a baseline worker), served next to the app. */
  routes?: Record<string, { type: string; body: () => Promise<string | Uint8Array> }>;
}

export async function startBrowserBench(opts: BrowserBenchOptions = {}): Promise<BrowserBench> {
  const dist = await ensureDist(opts.dist);
  const server = await serve(dist, opts.routes ?? {});
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL.');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROME_FLAGS, headless: true });
  } catch (e) {
    await closeServer(server);
    throw new Error(`Chromium did not start (set CHROME_PATH?): ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
  return {
    url: url.endsWith('/') ? url : `${url}/`,
    dist,
    browser,
    async newPage(pageOpts = {}) {
      const context = await browser.newContext({ serviceWorkers: pageOpts.serviceWorkers ?? 'allow' });
      // The CLI runs through tsx, whose esbuild wraps named functions in `__name(…)`;
      // functions handed to page.evaluate need that helper on the page too.
      await context.addInitScript('globalThis.__name ??= (f) => f;');
      await installSandboxTap(context);
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      await browser.close().catch(() => {});
      await closeServer(server);
    },
  };
}

async function serve(dist: string, routes: NonNullable<BrowserBenchOptions['routes']>): Promise<PreviewServer> {
  const { preview } = await import('vite');
  const benchRoutes: Plugin = {
    name: 'tensor-dojo:bench-routes',
    configurePreviewServer(server) {
      // Served as the app ships (vite.config.ts): cross-origin isolated, except a
      // navigation to `…?isolation=off`, the page of a host that sends no headers.
      server.middlewares.use((req, res, next) => {
        if (!(req.url ?? '').includes('isolation=off')) {
          for (const [name, value] of Object.entries(CROSS_ORIGIN_ISOLATION_HEADERS)) res.setHeader(name, value);
        }
        next();
      });
      server.middlewares.use((req, res, next) => {
        const route = routes[(req.url ?? '').split('?')[0]];
        if (!route) return next();
        route
          .body()
          .then((body) => {
            res.setHeader('Content-Type', route.type);
            res.end(body);
          })
          .catch((e: Error) => {
            res.statusCode = 500;
            res.end(String(e.message));
          });
      });
    },
  };
  return preview({
    root: projectRoot,
    configFile: false,
    base: './',
    plugins: [benchRoutes],
    build: { outDir: dist },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'error',
  });
}

function closeServer(server: PreviewServer): Promise<void> {
  return new Promise((resolve) => server.httpServer.close(() => resolve()));
}

/** Repeats per measurement: `fallback`, or DOJO_BENCH_REPEATS for steadier figures on a busy machine. */
export function benchRepeats(fallback: number): number {
  const n = Number(process.env.DOJO_BENCH_REPEATS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
