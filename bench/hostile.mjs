/**
 * What a hostile page can make AdTally do: `npm run bench:hostile` (or `node bench/hostile.mjs` on a built
 * extension). Two pages made of ad markup (bench/pages/hostile.mjs) are loaded in bare Chromium and in
 * Chromium with AdTally, interleaved, order alternating each run, each load traced from navigation until the
 * page has appended its last burst and its main thread is quiet (bench/lib/quiet.mjs). Printed: the page's
 * main-thread time (every top-level task of its renderer's main thread, CPU time) in both configurations and
 * their ratio, AdTally's own share (samples attributed by stack, bench/lib/trace.mjs), the ads it listed and
 * where its time went. Nothing passes or fails; docs/performance.md ("Hostile pages") records a run.
 *
 * Environment: BENCH_RUNS (default 3), BENCH_PAGES (hostile,captions; default both), ADTALLY_EXTENSION_DIR
 * (default dist/chromium), BENCH_JSON (default a file in the temp directory), BENCH_TRACE_DIR (keep traces).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureInterleaved } from './lib/interleave.mjs';
import { contentModules } from './lib/modules.mjs';
import { waitForQuiet } from './lib/quiet.mjs';
import { fmtRange, median, pad } from './lib/stats.mjs';
import { CAPTIONS, HOSTILE, waitForDone } from './pages/hostile.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// Until its last burst, then until its main thread is quiet; a slow configuration takes minutes.
const visit = async (page, context) => {
  const doneS = await waitForDone(page);
  const quiet = await waitForQuiet(context, page);
  return { doneS, quietMs: quiet.waitedMs, quiet: quiet.quiet };
};
const PAGES = [
  { ...HOSTILE, settleMs: 500, loadTimeoutMs: 900_000, visit, what: `~${HOSTILE.elements.toLocaleString('en')} elements of ad markup, half appended in 50 bursts` },
  { ...CAPTIONS, settleMs: 500, loadTimeoutMs: 900_000, visit, what: `${CAPTIONS.creatives.toLocaleString('en')} "Sponsored" creatives, 6,000 appended in 30 bursts` },
];

const runs = Number(process.env.BENCH_RUNS ?? 3);
const only = process.env.BENCH_PAGES ? new Set(process.env.BENCH_PAGES.split(',')) : null;
const pages = PAGES.filter((p) => !only || only.has(p.name));
const extensionDir = resolve(root, process.env.ADTALLY_EXTENSION_DIR ?? 'dist/chromium');
const jsonPath = process.env.BENCH_JSON ?? join(os.tmpdir(), `adtally-hostile-${Date.now()}.json`);
if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}: run npm run build.`);
const sourceOf = contentModules(extensionDir);
const content = readFileSync(join(extensionDir, 'content.js'));

console.log('AdTally on hostile pages');
console.log(`machine   ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load avg ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start`);
console.log(`extension ${extensionDir}: content.js ${(statSync(join(extensionDir, 'content.js')).size / 1000).toFixed(1)} kB (sha256 ${createHash('sha256').update(content).digest('hex').slice(0, 12)})`);
console.log(`runs      ${runs} × pages [${pages.map((p) => p.name).join(', ')}] × configs [bare, adtally], interleaved, order alternating each run`);
console.log('');

const started = Date.now();
const results = await measureInterleaved({
  runs,
  pages,
  extensionDir,
  report: (r, pageDef, config) => {
    const p = r.roles.page;
    process.stderr.write(
      `run ${r.run}/${runs} ${pad(pageDef.name, 8)} ${pad(config, 7)} ${pad(r.seconds.toFixed(0), 4, true)} s  ` +
        `main thread ${(p.mainThreadMs / 1000).toFixed(1)} s (wall ${(p.mainThreadWallMs / 1000).toFixed(1)}), AdTally ${(p.extensionMs / 1000).toFixed(1)} s, ` +
        `last burst at ${r.visit?.doneS.toFixed(1)} s, quiet ${r.visit?.quiet ? 'yes' : 'NO'}, ${r.elements} elements, load ${r.loadavg.toFixed(1)}` +
        `${r.detected ? `, ${r.detected.count ?? r.detected.error} ads listed` : ''}\n`,
    );
  },
});

const plain = (byRole) => Object.fromEntries(Object.entries(byRole).map(([k, m]) => [k, Object.fromEntries(m)]));
writeFileSync(jsonPath, JSON.stringify(results.map(({ byFunction, inclusive, ...r }) => ({ ...r, byFunction: plain(byFunction), inclusive: plain(inclusive) })), null, 1));

console.log('');
console.log("Seconds of the page's main thread, CPU time, median (min–max) [wall time]: every top-level task of the");
console.log("page's renderer main thread from navigation until quiet; AdTally's part attributed by stack.");
const summary = [];
for (const pageDef of pages) {
  const of = (config) => results.filter((r) => r.page === pageDef.name && r.config === config);
  const bare = of('bare');
  const ad = of('adtally');
  const s = (rs, f) => rs.map((r) => f(r) / 1000);
  const last = ad.at(-1);
  console.log('');
  console.log(`== ${pageDef.name}: http://${pageDef.host}${pageDef.path}  (${pageDef.what}; ${last?.elements ?? '?'} elements at the end)`);
  console.log(`${pad('', 34)}${pad('bare', 26)}adtally`);
  const rows = [
    ['main thread, all tasks', s(bare, (r) => r.roles.page.mainThreadMs), s(ad, (r) => r.roles.page.mainThreadMs), s(bare, (r) => r.roles.page.mainThreadWallMs), s(ad, (r) => r.roles.page.mainThreadWallMs)],
    ['all script, main thread', s(bare, (r) => r.roles.page.scriptMs), s(ad, (r) => r.roles.page.scriptMs)],
    ['AdTally script, main thread', null, s(ad, (r) => r.roles.page.extensionMs), null, s(ad, (r) => r.roles.page.extensionWallMs)],
    ['AdTally, service worker', null, s(ad, (r) => r.roles.background.extensionMs)],
    ['last burst appended at (wall s)', s(bare, (r) => r.visit.doneS * 1000), s(ad, (r) => r.visit.doneS * 1000)],
    ['trace window (wall s)', s(bare, (r) => r.windowMs), s(ad, (r) => r.windowMs)],
  ];
  for (const [label, b, a, bw, aw] of rows) {
    const cell = (v, w) => (v ? `${fmtRange(v, 1)}${w ? ` [${median(w).toFixed(1)}]` : ''}` : '—');
    console.log(`${pad(label, 34)}${pad(cell(b, bw), 26)}${cell(a, aw)}`);
  }
  const ratio = median(ad.map((r) => r.roles.page.mainThreadMs)) / median(bare.map((r) => r.roles.page.mainThreadMs));
  const ratios = ad.map((r) => r.roles.page.mainThreadMs / median(bare.map((b) => b.roles.page.mainThreadMs)));
  console.log(`AdTally/bare, main thread: ${ratio.toFixed(2)}× (per AdTally run against the bare median: ${ratios.map((x) => x.toFixed(2)).join(', ')})`);
  summary.push({ page: pageDef.name, bare: median(bare.map((r) => r.roles.page.mainThreadMs)), adtally: median(ad.map((r) => r.roles.page.mainThreadMs)), ours: median(ad.map((r) => r.roles.page.extensionMs)), ratio });
  if (last?.detected) {
    console.log(`ads listed      ${fmtRange(ad.map((r) => r.detected.count ?? 0), 0)} (last run: ${Object.entries(last.detected.byLayer ?? {}).map(([k, v]) => `${k} ${v}`).join(', ') || last.detected.error})`);
    const { observed, pageViews, pending, ...rest } = last.detected.answer ?? {};
    console.log(`listDetections  observed ${observed}, page views ${pageViews}, outbox ${pending}${Object.keys(rest).length ? `, ${JSON.stringify(rest)}` : ''}`);
  }
  for (const [title, key, n] of [['self', 'byFunction', 8], ['inclusive', 'inclusive', 12]]) {
    const fn = new Map();
    for (const r of ad) for (const [k, v] of r[key].page) fn.set(sourceOf(k), (fn.get(sourceOf(k)) ?? 0) + v / ad.length);
    const top = [...fn].sort((x, y) => y[1] - x[1]).slice(0, n);
    if (top.length) console.log(`AdTally, ${pad(title, 9)} (CPU ms per run): ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}`);
  }
}

console.log('');
console.log('Summary (medians, CPU s of the page main thread):');
console.log(`${pad('page', 10)}${pad('bare', 9)}${pad('AdTally', 9)}${pad('of it AdTally script', 22)}AdTally/bare`);
for (const r of summary) console.log(`${pad(r.page, 10)}${pad((r.bare / 1000).toFixed(1), 9)}${pad((r.adtally / 1000).toFixed(1), 9)}${pad((r.ours / 1000).toFixed(1), 22)}${r.ratio.toFixed(2)}×`);
console.log(`load avg ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at end; ${((Date.now() - started) / 60000).toFixed(1)} min; every measurement in ${jsonPath}`);
