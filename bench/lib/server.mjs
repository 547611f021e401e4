/**
 * One loopback HTTP server for every bench host (Chromium maps all names to 127.0.0.1): news.test, feed.test,
 * search.test, the hostile pages hostile.test and captions.test, warmup.test, and the ad hosts ads1…ads4.test, which serve the creative page in ad iframes.
 * Pages are generated once per server and served with no-store, so every load parses and runs them afresh.
 */
import { createServer } from 'node:http';
import { creativePage } from '../pages/markup.mjs';
import { feedPage } from '../pages/feed.mjs';
import { captionsPage, hostilePage } from '../pages/hostile.mjs';
import { newsPage } from '../pages/news.mjs';
import { searchPage } from '../pages/search.mjs';

/** An element of the warm-up page that EasyList's generic rule `##.ad-slot` hides: uBO's cosmetic-filtering probe. */
export const WARMUP_PROBE = '.ad-slot';

const WARMUP =
  '<!doctype html><html><head><meta charset="utf-8"><title>warm-up</title></head><body><p>Warm-up page.</p>' +
  '<div class="ad-slot"><a href="https://example.test/"><svg width="10" height="10"></svg></a></div></body></html>';

export function startBenchServer() {
  const cache = new Map();
  let port = 0;
  const page = (key, make) => {
    if (!cache.has(key)) cache.set(key, make(port));
    return cache.get(key);
  };
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    let body = null;
    if (host === 'news.test' && url.pathname === '/') body = page('news', newsPage);
    else if (host === 'feed.test' && url.pathname === '/') body = page('feed', feedPage);
    else if (host === 'search.test' && url.pathname === '/search') body = page('search', searchPage);
    else if (host === 'hostile.test' && url.pathname === '/') body = page('hostile', hostilePage);
    else if (host === 'captions.test' && url.pathname === '/') body = page('captions', captionsPage);
    else if (host === 'warmup.test') body = WARMUP;
    else if (/^ads\d\.test$/.test(host) && url.pathname === '/creative.html') body = creativePage(url);
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      port = server.address().port;
      resolve({ port, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
