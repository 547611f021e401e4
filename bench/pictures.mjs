/**
 * The pictures' storage at 10,000 creatives: `npm run bench:pictures` (or `node bench/pictures.mjs` on an
 * already built extension).
 *
 * 1. Copies dist/chromium with one extra page (bench/lib/pictures-page.ts, bundled here) and starts Chromium on
 *    it with a profile on disk. The page writes PICTURES_COUNT synthetic crops (seeded; a 1280×720 capture with
 *    an ad at a common size: gradient, a noisy photo-like area, shapes, text) through AdTally's own crop,
 *    encoder and pictures database, in the extension's origin, as the background does.
 * 2. Imports one impression per creative (the importEvents message, 1,000 lines at a time) so the gallery has
 *    10,000 creatives with pictures.
 * 3. Prints the pictures database's bytes on disk (its IndexedDB folders, blob files included) in total and per
 *    picture, the encoded bytes, and the gallery's first page: the getGallery message's round trip (median of
 *    PICTURES_RUNS) and, in a new dashboard tab, the time from navigation start to the gallery's 24 pictures
 *    decoded. Prints numbers only; docs/performance.md records a run.
 *
 * Environment: PICTURES_COUNT (default 10000), PICTURES_RUNS (default 7), CHROMIUM_PATH.
 */
import { build } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.env.PICTURES_COUNT ?? 10_000);
const runs = Number(process.env.PICTURES_RUNS ?? 7);
const dist = join(root, 'dist/chromium');
if (!existsSync(join(dist, 'manifest.json'))) throw new Error('No built extension in dist/chromium: run npm run build.');

const work = mkdtempSync(join(os.tmpdir(), 'adtally-pictures-bench-'));
const extensionDir = join(work, 'extension');
const profile = join(work, 'profile');
cpSync(dist, extensionDir, { recursive: true });
await build({ entryPoints: [join(root, 'bench/lib/pictures-page.ts')], bundle: true, format: 'iife', outfile: join(extensionDir, 'bench-pictures.js'), logLevel: 'warning' });
writeFileSync(join(extensionDir, 'bench-pictures.html'), '<!doctype html><meta charset="utf-8"><title>pictures bench</title><script src="bench-pictures.js"></script>');

const cpus = os.cpus();
console.log('AdTally pictures bench');
console.log(`machine   ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`load avg  ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start (1, 5, 15 min)`);

try {
  let { context, extensionId } = await launch('adtally', extensionDir, profile);
  const base = `chrome-extension://${extensionId}`;
  let page = await context.newPage();
  await page.goto(`${base}/bench-pictures.html`);
  const stored = await page.evaluate(({ n }) => window.storePictures(n, 20261207), { n: count });
  console.log(`stored    ${count.toLocaleString('en-US')} pictures in ${stored.seconds.toFixed(1)} s (${Object.entries(stored.types).map(([t, n]) => `${t} ${n}`).join(', ')})`);
  console.log(`encoded   ${(stored.bytes / 1e6).toFixed(1)} MB, ${(stored.bytes / count / 1000).toFixed(1)} kB per picture`);

  // On disk with only the pictures stored (the origin's IndexedDB holds every database of the extension in one
  // LevelDB folder, images in the blob folder): measured with the browser closed, then reopened.
  await context.close();
  const disk = diskUse();
  for (const { name, bytes } of disk.folders) console.log(`disk      ${name}: ${(bytes / 1e6).toFixed(1)} MB`);
  console.log(`pictures  on disk ${(disk.bytes / 1e6).toFixed(1)} MB in all, ${(disk.bytes / count / 1000).toFixed(1)} kB per picture`);
  ({ context } = await launch('adtally', extensionDir, profile));
  page = await context.newPage();
  await page.goto(`${base}/options.html`);

  // One impression per creative, so the gallery has them all.
  const day = new Date().toLocaleDateString('en-CA');
  for (let from = 0; from < count; from += 1000) {
    const lines = [];
    for (let i = from; i < Math.min(count, from + 1000); i++) {
      const fingerprint = `fp-${i.toString(16).padStart(14, '0')}`;
      const event = {
        id: `bench-${i}`, type: 'impression', time: Date.now() - (count - i) * 1000, pageViewId: `pv-${i}`, adId: `ad-${i}`, rule: 'sig:bench', kind: 'display',
        network: null, width: 300, height: 250, inFrame: false, inferred: false, focused: true, dwellMs: 0, reached: null, fingerprint,
        landingUrl: `https://shop-${i % 500}.example/landing?c=${i}`, pageUrl: `https://site-${i % 200}.example/`, site: `site-${i % 200}.example`, day, advertiser: `shop-${i % 500}.example`,
      };
      lines.push({ line: i + 1, value: event });
    }
    await page.evaluate((l) => chrome.runtime.sendMessage({ type: 'importEvents', lines: l }), lines);
  }
  const usage = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'getPictureCount' }));
  console.log(`counted   getPictureCount: ${usage.count.toLocaleString('en-US')} pictures, ${(usage.bytes / 1e6).toFixed(1)} MB`);

  const ask = { type: 'getGallery', days: {}, filter: {}, offset: 0, limit: 24, watch: null };
  const times = await page.evaluate(
    async ({ message, n }) => {
      const out = [];
      for (let i = 0; i <= n; i++) {
        const t0 = performance.now();
        const answer = await chrome.runtime.sendMessage(message);
        if (answer.cards.length !== 24 || answer.cards.some((c) => !c.picture)) throw new Error('the first page lacks pictures');
        if (i > 0) out.push(performance.now() - t0);
      }
      return out;
    },
    { message: ask, n: runs },
  );
  console.log(`getGallery first page (24 cards with pictures, of ${count.toLocaleString('en-US')}): median ${median(times).toFixed(0)} ms (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)})`);

  const tabs = [];
  for (let i = 0; i <= runs; i++) {
    const tab = await context.newPage();
    await tab.goto(`${base}/dashboard.html?range=all`);
    const ms = await tab.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('[data-testid="creatives-gallery"] img')];
      return imgs.length === 24 && imgs.every((img) => img.complete && img.naturalWidth > 0) ? performance.now() : null;
    }, null, { timeout: 120_000, polling: 20 }).then((h) => h.jsonValue());
    if (i > 0) tabs.push(ms);
    await tab.close();
  }
  console.log(`dashboard gallery's 24 pictures shown, from navigation start: median ${median(tabs).toFixed(0)} ms (${Math.min(...tabs).toFixed(0)}–${Math.max(...tabs).toFixed(0)})`);
  await context.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}

function diskUse() {
  const base = join(profile, 'Default', 'IndexedDB');
  const folders = readdirSync(base)
    .filter((name) => name.startsWith('chrome-extension_'))
    .map((name) => ({ name, bytes: du(join(base, name)) }));
  return { folders, bytes: folders.reduce((s, f) => s + f.bytes, 0) };
}

function du(path) {
  const st = statSync(path);
  return st.isDirectory() ? readdirSync(path).reduce((s, n) => s + du(join(path, n)), 0) : st.size;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
