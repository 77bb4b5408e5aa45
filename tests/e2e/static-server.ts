/**
 * A static server of the tests' own for the built app, for what `vite preview`
 * cannot show: the headers an ordinary static host sends (GitHub Pages and most
 * CDNs: `Access-Control-Allow-Origin: *`), and the app published under a sub-path
 * (`https://user.github.io/tensor-dojo/`). Loopback only; it records every URL asked for.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Where the app is: origin + prefix + '/'. */
  appUrl: string;
  /** Every URL asked for, WebSocket upgrades as `upgrade <url>`. */
  requests: string[];
  close(): Promise<void>;
}

export async function serveDist(opts: { dir?: string; prefix?: string; headers?: Record<string, string> } = {}): Promise<StaticServer> {
  const dir = normalize(opts.dir ?? (process.env.DOJO_DIST || 'dist'));
  const prefix = opts.prefix ?? '';
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    for (const [k, v] of Object.entries(opts.headers ?? {})) res.setHeader(k, v);
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (prefix && pathname === prefix) {
      // As GitHub Pages does: the folder without its slash redirects to the folder.
      res.writeHead(301, { Location: `${prefix}/` }).end();
      return;
    }
    const inside = pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : null;
    const file = inside === null ? null : normalize(join(dir, inside.endsWith('/') ? `${inside}index.html` : inside));
    if (file === null || !(file === dir || file.startsWith(dir + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  });
  server.on('upgrade', (req, socket) => {
    requests.push(`upgrade ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    appUrl: `${origin}${prefix}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
