/**
 * Bundles the sandbox worker (src/runner/sandbox/worker.ts) into ONE classic script,
 * in dev and in build alike. The sandbox has an opaque origin, so it cannot import
 * modules from the app's origin; the host fetches this text and hands it over by
 * message. Vite's own worker handling serves ES modules in dev, which is why this
 * is a small plugin of its own.
 */
import { context, type BuildContext, type BuildOptions } from 'esbuild';
import type { Plugin } from 'vite';

const ENTRY = 'src/runner/sandbox/worker.ts';
const ASSET = 'sandbox/worker.js';

function options(minify: boolean): BuildOptions {
  return {
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    sourcemap: false,
    write: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  };
}

export function sandboxWorkerPlugin(): Plugin {
  let dev: BuildContext | undefined;
  let base = '/';
  return {
    name: 'tensor-dojo:sandbox-worker',
    configResolved(config) {
      base = config.base === './' ? '/' : config.base;
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        if (!req.url || !req.url.split('?')[0].endsWith(`${base}${ASSET}`.replace(/^\.\//, '/'))) return next();
        try {
          dev ??= await context(options(false));
          // Incremental: a rebuild after an edit takes a fraction of the first build.
          const result = await dev.rebuild();
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(result.outputFiles![0].text);
        } catch (e) {
          res.statusCode = 500;
          res.end(`/* sandbox worker failed to build: ${(e as Error).message} */`);
        }
      });
      server.httpServer?.once('close', () => void dev?.dispose());
    },
    async generateBundle() {
      const ctx = await context(options(true));
      try {
        const result = await ctx.rebuild();
        this.emitFile({ type: 'asset', fileName: ASSET, source: result.outputFiles![0].text });
      } finally {
        await ctx.dispose();
      }
    },
  };
}
