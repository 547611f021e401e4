/**
 * AdTally's cost in the page: `npm run bench` (or `node bench/run.mjs` on an already built extension).
 *
 * Three generated pages (bench/pages/) are loaded in bare Chromium and in Chromium with AdTally and its full
 * EasyList, in a fresh profile each time, configurations interleaved and their order alternated each run.
 * Each load is traced with the V8 sampling profiler across the page's renderer, the ad iframes' renderers and
 * the extension's service worker; samples whose stack holds a frame of AdTally's scripts are AdTally's
 * (bench/lib/trace.mjs). docs/performance.md explains the method and records a run.
 *
 * Environment: BENCH_RUNS (default 5), BENCH_PAGES (comma list of news,feed,search; default all),
 * ADTALLY_EXTENSION_DIR (default dist/chromium; copy it elsewhere to measure while others rebuild),
 * BENCH_JSON (where to write every measurement; default a file in the temp directory), CHROMIUM_PATH.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './lib/browser.mjs';
import { measureInterleaved } from './lib/interleave.mjs';
import { contentModules } from './lib/modules.mjs';
import { fmtRange, median, pad } from './lib/stats.mjs';
import { FEED, scrollFeed } from './pages/feed.mjs';
import { NEWS } from './pages/news.mjs';
import { SEARCH } from './pages/search.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// Main-thread script time of uBlock Origin with EasyList on such pages, in seconds (the issue's reference:
// uBO is an MV2 extension and Chromium 156 refuses to load it, so it cannot be measured here).
const UBO_REFERENCE_S = { news: 0.13, feed: 0.16, search: 0.05 };

const PAGES = [
  { ...NEWS, settleMs: 2500 },
  { ...FEED, settleMs: 1500, visit: (page) => scrollFeed(page) },
  { ...SEARCH, settleMs: 2000 },
];

const runs = Number(process.env.BENCH_RUNS ?? 5);
const only = process.env.BENCH_PAGES ? new Set(process.env.BENCH_PAGES.split(',')) : null;
const pages = PAGES.filter((p) => !only || only.has(p.name));
const extensionDir = resolve(root, process.env.ADTALLY_EXTENSION_DIR ?? 'dist/chromium');
const jsonPath = process.env.BENCH_JSON ?? join(os.tmpdir(), `adtally-bench-${Date.now()}.json`);

if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}: run npm run build.`);
const listInfo = JSON.parse(readFileSync(join(extensionDir, 'filters/lists.json'), 'utf8'))[0] ?? null;
const engineBytes = listInfo ? statSync(join(extensionDir, `filters/${listInfo.id}.engine`)).size : 0;
const contentBytes = statSync(join(extensionDir, 'content.js')).size;
const contentHash = createHash('sha256').update(readFileSync(join(extensionDir, 'content.js'))).digest('hex').slice(0, 12);
const sourceOf = contentModules(extensionDir);

const chromiumVersion = (() => {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return CHROMIUM_PATH;
  }
})();

const cpus = os.cpus();
console.log('AdTally performance bench');
console.log(`machine   ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${chromiumVersion}`);
console.log(`load avg  ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start (1, 5, 15 min)`);
console.log(`extension ${extensionDir}: content.js ${kB(contentBytes)} (sha256 ${contentHash}, mtime ${statSync(join(extensionDir, 'content.js')).mtime.toISOString()}); ${listInfo ? `${listInfo.name} ${listInfo.version}, ${listInfo.cosmeticFilters} cosmetic filters, engine ${kB(engineBytes)}` : 'no filter list'}`);
console.log(`runs      ${runs} × pages [${pages.map((p) => p.name).join(', ')}] × configs [bare, adtally], interleaved, order alternating each run`);
console.log('');

const started = Date.now();
const results = await measureInterleaved({
  runs,
  pages,
  extensionDir,
  report: (r, pageDef, config) => {
    const ad = r.roles.page;
    process.stderr.write(
      `run ${r.run}/${runs} ${pad(pageDef.name, 6)} ${pad(config, 7)} ${pad(r.seconds.toFixed(0), 3, true)} s  ` +
        `page script ${ad.scriptMs.toFixed(0)} ms, AdTally ${ad.adtallyMs.toFixed(0)} ms (wall ${ad.adtallyWallMs.toFixed(0)}), ` +
        `iframes AdTally ${r.roles.iframes.adtallyMs.toFixed(0)} ms, heap ${r.heapPageMB.toFixed(1)} MB` +
        `${r.detected ? `, ${r.detected.count ?? r.detected.error} ads` : ''}${r.wheels ? `, ${r.wheels} wheel steps` : ''}\n`,
    );
  },
});

writeFileSync(
  jsonPath,
  JSON.stringify(results.map(({ byFunction, inclusive, ...r }) => ({ ...r, byFunction: plain(byFunction), inclusive: plain(inclusive) })), null, 1),
);

console.log('');
console.log('Times are main-thread CPU ms: profiler samples attributed by stack, each weighted by the CPU share its');
console.log('thread got in that task (wall-clock ms, as DevTools shows them, in brackets where given). Median (min–max).');
const ratios = [];
for (const pageDef of pages) {
  const of = (config) => results.filter((r) => r.page === pageDef.name && r.config === config);
  const bare = of('bare');
  const ad = of('adtally');
  const col = (rs, f) => rs.map(f);
  const ubo = UBO_REFERENCE_S[pageDef.name] * 1000;
  const last = ad.at(-1);
  console.log('');
  console.log(`== ${pageDef.name}: http://${pageDef.host}${pageDef.path}  (${last?.elements ?? '?'} elements${pageDef.name === 'feed' ? ` after scrolling, ${pageDef.posts} posts` : ''}, ${last?.iframeProcesses ?? 0} ad-iframe processes)`);
  const rows = [
    ['AdTally script, page main thread', null, col(ad, (r) => r.roles.page.adtallyMs), col(ad, (r) => r.roles.page.adtallyWallMs)],
    ['AdTally script, ad iframes (all)', null, col(ad, (r) => r.roles.iframes.adtallyMs), col(ad, (r) => r.roles.iframes.adtallyWallMs)],
    ['AdTally script, service worker', null, col(ad, (r) => r.roles.background.adtallyMs), col(ad, (r) => r.roles.background.adtallyWallMs)],
    ['all script, page main thread', col(bare, (r) => r.roles.page.scriptMs), col(ad, (r) => r.roles.page.scriptMs)],
    ['all script, ad iframes', col(bare, (r) => r.roles.iframes.scriptMs), col(ad, (r) => r.roles.iframes.scriptMs)],
    ['JS heap MB, page (after GC)', col(bare, (r) => r.heapPageMB), col(ad, (r) => r.heapPageMB)],
    ['JS heap MB, ad iframes (after GC)', col(bare, (r) => r.heapIframesMB), col(ad, (r) => r.heapIframesMB)],
  ];
  console.log(`${pad('', 36)}${pad('bare', 24)}adtally`);
  for (const [label, b, a, wall] of rows) {
    const digits = label.startsWith('JS heap') ? 1 : 0;
    console.log(`${pad(label, 36)}${pad(b ? fmtRange(b, digits) : '—', 24)}${fmtRange(a, digits)}${wall ? `  [wall ${fmtRange(wall, 0)}]` : ''}`);
  }
  const adPage = median(col(ad, (r) => r.roles.page.adtallyMs));
  const adPageWall = median(col(ad, (r) => r.roles.page.adtallyWallMs));
  const scriptRatio = median(col(ad, (r) => r.roles.page.scriptMs)) / median(col(bare, (r) => r.roles.page.scriptMs));
  const heapRatio = median(col(ad, (r) => r.heapPageMB)) / median(col(bare, (r) => r.heapPageMB));
  const heapAllRatio = median(col(ad, (r) => r.heapPageMB + r.heapIframesMB)) / median(col(bare, (r) => r.heapPageMB + r.heapIframesMB));
  console.log(`AdTally/bare    page script ${scriptRatio.toFixed(2)}×   page heap ${heapRatio.toFixed(2)}×   heap incl. ad iframes ${heapAllRatio.toFixed(2)}×`);
  console.log(`AdTally/uBlock Origin (reference ${ubo} ms, not measured here)   ${(adPage / ubo).toFixed(2)}× on CPU time (${adPage.toFixed(0)} ms)   ${(adPageWall / ubo).toFixed(2)}× on wall time (${adPageWall.toFixed(0)} ms)`);
  ratios.push({ page: pageDef.name, scriptRatio, heapRatio, ubo: adPage / ubo, uboWall: adPageWall / ubo });
  if (last?.detected) {
    const counts = col(ad, (r) => r.detected.count ?? 0);
    const layers = Object.entries(last.detected.byLayer ?? {}).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`ads detected    ${fmtRange(counts, 0)} of ${pageDef.expectedAds} placed (last run: ${layers || last.detected.error})`);
  }
  if (last?.rules && !last.rules.error) {
    console.log(`filter rules    the page is sent ${last.rules.rules} of ${listInfo?.cosmeticFilters ?? '?'} (${kB(last.rules.bytes)} as JSON, for ${last.rules.tokens} tokens); content.js ${kB(contentBytes)}, engine ${kB(engineBytes)}`);
  } else if (last?.rules?.error) {
    console.log(`filter rules    could not be asked: ${last.rules.error}`);
  }
  // Where AdTally's time goes: innermost AdTally function (and the native call it was in), mean per run.
  for (const role of ['page', 'iframes']) {
    const fn = new Map();
    for (const r of ad) for (const [k, v] of r.byFunction[role]) fn.set(sourceOf(k), (fn.get(sourceOf(k)) ?? 0) + v / ad.length);
    const top = [...fn].sort((x, y) => y[1] - x[1]).slice(0, role === 'page' ? 6 : 3);
    if (top.length) console.log(`top AdTally functions, ${pad(role === 'page' ? 'page' : 'iframes', 7)} (CPU ms per run): ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}`);
  }
  const io = (rs) => fmtRange(col(rs, (r) => r.roles.page.intersectionMs), 0);
  console.log(`IntersectionObserver updates, page main thread, all observers (not in any script stack): bare ${io(bare)}, adtally ${io(ad)} ms`);
}

console.log('');
console.log('Summary (medians):');
console.log(`${pad('page', 8)}${pad('AdTally/bare script', 21)}${pad('AdTally/bare heap', 19)}AdTally/uBO reference (CPU; wall)`);
for (const r of ratios) console.log(`${pad(r.page, 8)}${pad(`${r.scriptRatio.toFixed(2)}×`, 21)}${pad(`${r.heapRatio.toFixed(2)}×`, 19)}${r.ubo.toFixed(2)}×; ${r.uboWall.toFixed(2)}×`);
console.log('uBlock Origin cannot be loaded here (Chromium 156 refuses MV2 extensions): its column is the reference');
console.log('main-thread script time from the issue (news 0.13 s, feed 0.16 s, search 0.05 s), not a measurement.');
console.log(`load avg ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at end; ${((Date.now() - started) / 60000).toFixed(1)} min; every measurement in ${jsonPath}`);

/** { role: Map } → { role: object }, for JSON. */
function plain(byRole) {
  return Object.fromEntries(Object.entries(byRole).map(([k, m]) => [k, Object.fromEntries(m)]));
}

function kB(bytes) {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}
