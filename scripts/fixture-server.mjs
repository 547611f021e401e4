/**
 * Serves the local fixture sites in e2e/sites/<hostname>/ by the request's Host header, so one loopback
 * server answers for news.test, blog.test, creatives.adserver.test and the rest (browsers map *.test to
 * 127.0.0.1). Used by the e2e tests, `npm start` and the benchmarks.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SITES_DIR = fileURLToPath(new URL('../e2e/sites/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Starts the server on 127.0.0.1 (port 0 picks a free one); resolves to its port and a close(). */
export function startFixtureServer(listenPort = 0) {
  const server = createServer((req, res) => {
    // `?delay=<ms>` (at most 10 s) holds the answer: a slow landing page, during which the page that linked to
    // it is still shown.
    const delay = Math.min(Number(new URL(req.url ?? '/', 'http://x').searchParams.get('delay')) || 0, 10_000);
    if (delay > 0) {
      const timer = setTimeout(() => answer(req, res), delay);
      res.on('close', () => clearTimeout(timer));
    } else answer(req, res);
  });
  const answer = (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(SITES_DIR, host, path));
    if (!/^[a-z0-9.-]+$/.test(host) || !file.startsWith(join(SITES_DIR, host))) {
      res.writeHead(400).end('bad request');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no such fixture: ${host}${path}`);
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let body = readFileSync(file);
    // Pages link to the other fixture hosts on this server's port, written __PORT__ in the files.
    if (type.startsWith('text/')) body = Buffer.from(body.toString('utf8').replaceAll('__PORT__', String(port())));
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
    if (file.endsWith('.loading.html')) {
      // A creative whose document never finishes loading (a stalled ad server): the browser shows it, but
      // DOMContentLoaded never fires, so no content script runs in it.
      res.write(body);
      const timer = setTimeout(() => res.end(), 120_000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    res.end(body);
  };
  const port = () => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => {
      resolve({
        port: port(),
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
