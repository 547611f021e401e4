/**
 * What AdTally costs a page, side by side with uBlock Origin: `npm run bench` (or `node bench/run.mjs` on an
 * already built extension).
 *
 * Three generated pages (bench/pages/) are loaded in bare Chromium, in Chromium with uBlock Origin (Debian's
 * package wrapped as MV3, bench/lib/ubo-mv3.mjs) and in Chromium with AdTally and its full EasyList, in a
 * fresh profile each time, configurations interleaved and their order reversed each run. Each load is traced
 * with the V8 sampling profiler across the page's renderer, the ad iframes' renderers and the extension's own
 * process; samples whose stack holds a frame of the extension's scripts are the extension's
 * (bench/lib/trace.mjs). docs/performance.md explains the method and records a run.
 *
 * Environment: BENCH_RUNS (default 5), BENCH_PAGES (comma list of news,feed,search; default all),
 * BENCH_CONFIGS (comma list of bare,ubo,adtally; default all), ADTALLY_EXTENSION_DIR (default dist/chromium;
 * copy it elsewhere to measure while others rebuild), BENCH_UBO_SOURCE=download (take uBO from apt-get
 * download even when it is installed), BENCH_JSON (where to write every measurement; default a file in the
 * temp directory), CHROMIUM_PATH.
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
import { prepareUbo } from './lib/ubo-config.mjs';
import { FEED, scrollFeed } from './pages/feed.mjs';
import { NEWS } from './pages/news.mjs';
import { SEARCH } from './pages/search.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const PAGES = [
  { ...NEWS, settleMs: 2500 },
  { ...FEED, settleMs: 1500, visit: (page) => scrollFeed(page) },
  { ...SEARCH, settleMs: 2000 },
];
const CONFIG_NAMES = { bare: 'bare', ubo: 'uBO', adtally: 'AdTally' };

const runs = Number(process.env.BENCH_RUNS ?? 5);
const pages = chosen('BENCH_PAGES', PAGES.map((p) => p.name)).map((name) => PAGES.find((p) => p.name === name));
let configs = chosen('BENCH_CONFIGS', Object.keys(CONFIG_NAMES));
const extensionDir = resolve(root, process.env.ADTALLY_EXTENSION_DIR ?? 'dist/chromium');
const jsonPath = process.env.BENCH_JSON ?? join(os.tmpdir(), `adtally-bench-${Date.now()}.json`);

const measuresAdTally = configs.includes('adtally');
if (measuresAdTally && !existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}: run npm run build.`);
const listInfo = measuresAdTally ? (JSON.parse(readFileSync(join(extensionDir, 'filters/lists.json'), 'utf8'))[0] ?? null) : null;
const engineBytes = listInfo ? statSync(join(extensionDir, `filters/${listInfo.id}.engine`)).size : 0;
const contentBytes = measuresAdTally ? statSync(join(extensionDir, 'content.js')).size : 0;
const sourceOf = measuresAdTally ? contentModules(extensionDir) : (key) => key;

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
console.log(`load avg  ${loadavg()} at start (1, 5, 15 min)`);
if (measuresAdTally) {
  const contentHash = createHash('sha256').update(readFileSync(join(extensionDir, 'content.js'))).digest('hex').slice(0, 12);
  console.log(`AdTally   ${extensionDir}: content.js ${kB(contentBytes)} (sha256 ${contentHash}, mtime ${statSync(join(extensionDir, 'content.js')).mtime.toISOString()}); ${listInfo ? `${listInfo.name} ${listInfo.version}, ${listInfo.cosmeticFilters} cosmetic filters, engine ${kB(engineBytes)}` : 'no filter list'}`);
}
const extensionDirs = { adtally: extensionDir };
if (configs.includes('ubo')) {
  try {
    const ubo = await prepareUbo();
    extensionDirs.ubo = ubo.dir;
    console.log(`uBO       ${ubo.note}`);
  } catch (error) {
    configs = configs.filter((c) => c !== 'ubo');
    console.log(`uBO       NOT MEASURED: ${String(error?.message ?? error).split('\n')[0]}`);
  }
}
console.log(`runs      ${runs} × pages [${pages.map((p) => p.name).join(', ')}] × configs [${configs.join(', ')}], interleaved, order reversed each run`);
console.log('');

const started = Date.now();
const results = await measureInterleaved({
  runs,
  pages,
  extensionDirs,
  configs,
  keepGoing: true,
  report: (r, pageDef, config) => {
    const line = `run ${r.run}/${runs} ${pad(pageDef.name, 6)} ${pad(config, 7)} ${pad(r.seconds.toFixed(0), 3, true)} s  `;
    if (r.error) {
      process.stderr.write(`${line}FAILED: ${r.error}\n`);
      return;
    }
    const p = r.roles.page;
    const who = config === 'bare' ? '' : `, ${CONFIG_NAMES[config]} ${p.extensionMs.toFixed(0)} ms (wall ${p.extensionWallMs.toFixed(0)}), iframes ${CONFIG_NAMES[config]} ${r.roles.iframes.extensionMs.toFixed(0)} ms`;
    process.stderr.write(
      `${line}page script ${p.scriptMs.toFixed(0)} ms${who}, heap ${r.heapPageMB.toFixed(1)} MB` +
        `${r.ubo ? `, uBO ready after ${(r.ubo.readyMs / 1000).toFixed(1)} s` : ''}` +
        `${r.detected ? `, ${r.detected.count ?? r.detected.error} ads` : ''}${r.wheels ? `, ${r.wheels} wheel steps` : ''}\n`,
    );
  },
});

writeFileSync(
  jsonPath,
  JSON.stringify(results.map(({ byFunction, inclusive, ...r }) => ({ ...r, byFunction: byFunction && plain(byFunction), inclusive: inclusive && plain(inclusive) })), null, 1),
);

console.log('');
console.log('Times are main-thread CPU ms: profiler samples attributed by stack, each weighted by the CPU share its');
console.log('thread got in that task (wall-clock ms, as DevTools shows them, in brackets where given). Median (min–max).');
console.log('An extension\'s script is every sample with a frame of its own files on the stack, or compiling one of them,');
console.log('in every frame it runs in.');
const summary = [];
const extensions = configs.filter((c) => c !== 'bare');
for (const pageDef of pages) {
  const of = (config) => results.filter((r) => r.page === pageDef.name && r.config === config && !r.error);
  const col = (config, f) => of(config).map(f);
  const med = (config, f) => median(col(config, f));
  const last = of('adtally').at(-1) ?? of('ubo').at(-1) ?? of('bare').at(-1);
  console.log('');
  console.log(`== ${pageDef.name}: http://${pageDef.host}${pageDef.path}  (${last?.elements ?? '?'} elements${pageDef.name === 'feed' ? ` after scrolling, ${pageDef.posts} posts` : ''}, ${last?.iframeProcesses ?? 0} ad-iframe processes)`);
  const rows = [
    ['extension script, page main thread', extensions, (r) => r.roles.page.extensionMs, (r) => r.roles.page.extensionWallMs],
    ['extension script, ad iframes (all)', extensions, (r) => r.roles.iframes.extensionMs, (r) => r.roles.iframes.extensionWallMs],
    ['  of them compiling its files', extensions, (r) => r.roles.page.extensionCompileMs + r.roles.iframes.extensionCompileMs],
    ['its top-level events, page (wall)', extensions, (r) => r.roles.page.topLevelWallMs],
    ['extension script, its own process', extensions, (r) => r.roles.background.extensionMs],
    ['all script, page main thread', configs, (r) => r.roles.page.scriptMs],
    ['all tasks, page main thread', configs, (r) => r.roles.page.mainThreadMs],
    ['all script, ad iframes', configs, (r) => r.roles.iframes.scriptMs],
    ['JS heap MB, page (after GC)', configs, (r) => r.heapPageMB],
    ['JS heap MB, ad iframes (after GC)', configs, (r) => r.heapIframesMB],
  ];
  const WIDTH = 30;
  console.log(`${pad('', 36)}${configs.map((c) => pad(CONFIG_NAMES[c], WIDTH)).join('')}`);
  for (const [label, applies, f, wall] of rows) {
    const digits = label.startsWith('JS heap') ? 1 : 0;
    const cell = (c) => {
      if (!applies.includes(c)) return '—';
      const values = col(c, f);
      return `${fmtRange(values, digits)}${wall && values.length ? ` [${median(col(c, wall)).toFixed(0)}]` : ''}`;
    };
    console.log(`${pad(label, 36)}${configs.map((c) => pad(cell(c), WIDTH)).join('')}`);
  }
  const row = { page: pageDef.name };
  for (const c of extensions) {
    row[c] = {
      page: med(c, (r) => r.roles.page.extensionMs),
      pageWall: med(c, (r) => r.roles.page.extensionWallMs),
      iframes: med(c, (r) => r.roles.iframes.extensionMs),
      topLevel: med(c, (r) => r.roles.page.topLevelWallMs),
    };
  }
  if (configs.includes('bare')) {
    const bareScript = med('bare', (r) => r.roles.page.scriptMs);
    const bareHeap = med('bare', (r) => r.heapPageMB);
    for (const c of extensions) {
      row[c].scriptRatio = med(c, (r) => r.roles.page.scriptMs) / bareScript;
      row[c].heapRatio = med(c, (r) => r.heapPageMB) / bareHeap;
      console.log(`${pad(`${CONFIG_NAMES[c]}/bare`, 16)}page script ${row[c].scriptRatio.toFixed(2)}×   page heap ${row[c].heapRatio.toFixed(2)}×   heap incl. ad iframes ${(med(c, (r) => r.heapPageMB + r.heapIframesMB) / med('bare', (r) => r.heapPageMB + r.heapIframesMB)).toFixed(2)}×`);
    }
  }
  if (row.adtally && row.ubo) {
    row.ratio = row.adtally.page / row.ubo.page;
    row.ratioWall = row.adtally.pageWall / row.ubo.pageWall;
    console.log(
      `AdTally/uBO     page main thread ${row.ratio.toFixed(2)}× on CPU time (AdTally ${row.adtally.page.toFixed(0)} ms, uBO ${row.ubo.page.toFixed(0)} ms), ${row.ratioWall.toFixed(2)}× on wall time; ` +
        `ad iframes AdTally ${row.adtally.iframes.toFixed(0)} ms, uBO ${row.ubo.iframes.toFixed(0)} ms`,
    );
    // The shared harness's figure, for comparing with its runs: it misses work done in promise reactions.
    console.log(
      `                in top-level script events only (the shared harness's extScriptPage): AdTally ${row.adtally.topLevel.toFixed(0)} ms, ` +
        `uBO ${row.ubo.topLevel.toFixed(0)} ms, ${(row.adtally.topLevel / row.ubo.topLevel).toFixed(2)}×`,
    );
  }
  summary.push(row);
  const ad = of('adtally');
  const lastAd = ad.at(-1);
  if (lastAd?.detected) {
    const counts = ad.map((r) => r.detected.count ?? 0);
    const layers = Object.entries(lastAd.detected.byLayer ?? {}).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`ads detected    ${fmtRange(counts, 0)} of ${pageDef.expectedAds} placed (last run: ${layers || lastAd.detected.error})`);
  }
  if (lastAd?.rules && !lastAd.rules.error) {
    console.log(`filter rules    the page is sent ${lastAd.rules.rules} of ${listInfo?.cosmeticFilters ?? '?'} (${kB(lastAd.rules.bytes)} as JSON, for ${lastAd.rules.tokens} tokens); content.js ${kB(contentBytes)}, engine ${kB(engineBytes)}`);
  } else if (lastAd?.rules?.error) {
    console.log(`filter rules    could not be asked: ${lastAd.rules.error}`);
  }
  const ubo = of('ubo');
  if (ubo.length) {
    const shim = (k) => ubo.reduce((n, r) => n + (r.ubo?.shim?.[k] ?? 0), 0);
    console.log(
      `uBO ready      lists compiled after ${fmtRange(ubo.map((r) => r.ubo.readyMs / 1000), 1)} s, warm-up probe hidden in every load; ` +
        `code strings run as page scripts ${shim('codeInjections')}, blocking listeners made observing ${shim('blockingDropped')} (all loads)`,
    );
  }
  // Where each extension's time goes: its innermost function (and the native call it was in), mean per run.
  for (const c of extensions) {
    for (const role of ['page', 'iframes']) {
      const rs = of(c);
      const fn = new Map();
      for (const r of rs) for (const [k, v] of r.byFunction[role]) fn.set(sourceOf(k), (fn.get(sourceOf(k)) ?? 0) + v / rs.length);
      const top = [...fn].sort((x, y) => y[1] - x[1]).slice(0, role === 'page' ? 6 : 3);
      if (top.length) console.log(`top ${CONFIG_NAMES[c]} functions, ${pad(role, 7)} (CPU ms per run): ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}`);
    }
  }
  console.log(`IntersectionObserver updates, page main thread, all observers (not in any script stack): ${configs.map((c) => `${CONFIG_NAMES[c]} ${fmtRange(col(c, (r) => r.roles.page.intersectionMs), 0)}`).join(', ')} ms`);
}

const failed = results.filter((r) => r.error);
if (failed.length) {
  console.log('');
  console.log(`${failed.length} of ${results.length} measurements failed and are left out of the medians:`);
  for (const r of failed) console.log(`  run ${r.run} ${r.page} ${r.config}: ${r.error}`);
}

console.log('');
console.log('Summary (medians, CPU ms of extension script on the page\'s main thread; ad iframes beside):');
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '—');
const times = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');
console.log(`${pad('page', 8)}${pad('AdTally', 10)}${pad('uBO', 10)}${pad('AdTally/uBO (CPU; wall)', 25)}${pad('iframes AdTally, uBO', 22)}${pad('AdTally/bare script', 21)}AdTally/bare heap`);
for (const r of summary) {
  console.log(
    `${pad(r.page, 8)}${pad(ms(r.adtally?.page), 10)}${pad(ms(r.ubo?.page), 10)}${pad(`${times(r.ratio)}; ${times(r.ratioWall)}`, 25)}` +
      `${pad(`${ms(r.adtally?.iframes)}, ${ms(r.ubo?.iframes)}`, 22)}${pad(times(r.adtally?.scriptRatio), 21)}${times(r.adtally?.heapRatio)}`,
  );
}
console.log(`load avg ${loadavg()} at end; ${((Date.now() - started) / 60000).toFixed(1)} min; every measurement in ${jsonPath}`);
console.log(
  configs.includes('ubo') && configs.includes('adtally')
    ? `AdTally/uBO, page main thread (CPU): ${summary.map((r) => `${r.page} ${times(r.ratio)}`).join(', ')}`
    : `AdTally/uBO: not measured (configurations: ${configs.join(', ')})`,
);

/** The names a BENCH_* list chose, in `all`'s order; all of them when unset. Unknown names are an error. */
function chosen(variable, all) {
  const value = process.env[variable];
  if (!value) return all;
  const names = value.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !all.includes(n));
  if (unknown.length || !names.length) throw new Error(`${variable}=${value}: choose from ${all.join(', ')}`);
  return all.filter((n) => names.includes(n));
}

/** { role: Map } → { role: object }, for JSON. */
function plain(byRole) {
  return Object.fromEntries(Object.entries(byRole).map(([k, m]) => [k, Object.fromEntries(m)]));
}

function kB(bytes) {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}

function loadavg() {
  return os.loadavg().map((l) => l.toFixed(1)).join(' ');
}
