/**
 * AdTally's storage at scale: `npm run bench:storage` (or `node bench/storage.mjs` on an already built extension).
 *
 * 1. Generates a year of browsing, 1,000,000 events by default, as an NDJSON export (bench/lib/event-file.mjs,
 *    seeded: the same file for the same last day), cached in the temp directory.
 * 2. Imports it through the real import path: Chromium with the built extension and a profile on disk, the
 *    options page's file input, its streaming reader and the background's `importEvents` handler; the import
 *    rate is the file's events over the time from choosing the file to the page's result message.
 * 3. Measures the database on disk (the extension origin's IndexedDB folders in the profile), then, in a freshly
 *    started browser on that profile, the time from navigation start to the popup's first table row and to the
 *    dashboard's first drawn chart (30 days and all time): the first open (cold service worker) and the
 *    median of the next ones.
 * 4. Opens the real toolbar popup (bench/lib/popup-opens.mjs) on that profile and on an empty one, with the
 *    service worker running and with it stopped: median and 95th percentile of the first screen's paint.
 * Prints numbers only; nothing passes or fails. docs/performance.md records a run.
 *
 * Environment: STORAGE_EVENTS (default 1000000), STORAGE_RUNS (warm opens per page, default 7),
 * STORAGE_PROFILE (a profile directory already loaded by an earlier run: skips generation and import),
 * STORAGE_KEEP=1 (keep the profile for STORAGE_PROFILE), STORAGE_LAST_DAY (YYYY-MM-DD, default today),
 * STORAGE_SCREENSHOT (a .png path: the dashboard with the loaded data, 1200 px wide),
 * STORAGE_ONLY=popup (on a loaded profile: time only the popup, no dashboard and no message round trips),
 * ADTALLY_EXTENSION_DIR (default dist/chromium; the extension id follows its path), CHROMIUM_PATH.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, launch } from './lib/browser.mjs';
import { appModule } from './lib/app-modules.mjs';
import { cachedEventFile } from './lib/event-file.mjs';
import { openOptionsForImport } from './lib/options-page.mjs';
import { fmtRange, pad } from './lib/stats.mjs';
import { fmtMedianP95, fmtParts, measurePopupOpens } from './lib/popup-opens.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.env.STORAGE_EVENTS ?? 1_000_000);
const runs = Number(process.env.STORAGE_RUNS ?? 7);
const extensionDir = resolve(root, process.env.ADTALLY_EXTENSION_DIR ?? 'dist/chromium');
const reuse = process.env.STORAGE_PROFILE ? resolve(process.env.STORAGE_PROFILE) : null;
const keep = !!process.env.STORAGE_KEEP || !!reuse;
const popupOnly = process.env.STORAGE_ONLY === 'popup';
const SEED = 20261128;
const { localDay } = await appModule('src/common/day.ts');

if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}: run npm run build.`);

const cpus = os.cpus();
const chromiumVersion = (() => {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return CHROMIUM_PATH;
  }
})();
console.log('AdTally storage bench');
console.log(`machine   ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${chromiumVersion}`);
console.log(`load avg  ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start (1, 5, 15 min)`);
console.log(`extension ${extensionDir}`);

const started = Date.now();
const profile = reuse ?? mkdtempSync(join(os.tmpdir(), 'adtally-storage-profile-'));
const results = { import: null, disk: null, counts: null };
try {
  if (!reuse) results.import = await generateAndImport(profile);
  else {
    console.log(`profile   ${profile} (loaded by an earlier run; no import)`);
    // Chromium keeps the service worker script it registered; a rebuilt extension of the same version would
    // otherwise run the old background. The database is elsewhere and stays.
    rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
  }

  results.disk = diskUse(profile);
  Object.assign(results, await measureOpens(profile));
  results.toolbar = { loaded: await measureToolbarPopup(profile), empty: await measureToolbarPopup('') };
} finally {
  if (!keep) rmSync(profile, { recursive: true, force: true });
}

report();

/** Writes the event file (unless cached) and imports it through the options page. */
async function generateAndImport(profileDir) {
  const lastDay = process.env.STORAGE_LAST_DAY ?? localDay(Date.now());
  const generating = Date.now();
  const { file, summary: s } = await cachedEventFile({ count, seed: SEED, lastDay });
  if (s) {
    console.log(`generated ${file}: ${s.events.toLocaleString('en-US')} events (${Object.entries(s.byType).map(([k, v]) => `${k} ${pct(v, s.events)}`).join(', ')}), ` +
      `${s.sites} sites, ${s.advertisers} advertisers, ${s.fingerprints} creatives, ${s.firstDay} … ${s.lastDay}, ${(s.bytes / 1e6).toFixed(0)} MB, in ${((Date.now() - generating) / 1000).toFixed(1)} s`);
  } else {
    console.log(`event file ${file} (cached), ${(statSync(file).size / 1e6).toFixed(0)} MB`);
  }
  const { context, extensionId } = await launch('adtally', extensionDir, profileDir);
  try {
    const { page, input } = await openOptionsForImport(context, extensionId);
    const t0 = Date.now();
    let lastLog = t0;
    // Playwright hands a local browser the file's path; the page reads it as a stream, as for a user's file.
    await input.setInputFiles(file);
    const result = page.locator('[data-testid=data-result]');
    while (!(await result.isVisible())) {
      await page.waitForTimeout(1000);
      if (Date.now() - lastLog > 30_000) {
        lastLog = Date.now();
        const progress = await page.locator('.progress .count').textContent().catch(() => null);
        process.stderr.write(`import    ${((Date.now() - t0) / 1000).toFixed(0)} s: ${progress ?? '…'}\n`);
      }
    }
    const seconds = (Date.now() - t0) / 1000;
    const text = (await result.textContent()) ?? '';
    const added = Number(/: (\d+) new events/.exec(text)?.[1] ?? NaN);
    console.log(`import    ${text.trim()}`);
    const estimate = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? null);
    return { seconds, added, rate: added / seconds, estimate, fileBytes: statSync(file).size, text };
  } finally {
    await context.close();
  }
}

/** The extension origin's IndexedDB folders in the profile (LevelDB files and the blob folder), in bytes. */
function diskUse(profileDir) {
  const base = join(profileDir, 'Default', 'IndexedDB');
  const folders = existsSync(base) ? readdirSync(base).filter((name) => name.startsWith('chrome-extension_')) : [];
  const out = folders.map((name) => ({ name, bytes: duBytes(join(base, name)) }));
  return { base, folders: out, bytes: out.reduce((s, f) => s + f.bytes, 0) };
}

function duBytes(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((s, name) => s + duBytes(join(path, name)), 0);
}

/**
 * A browser freshly started on the loaded profile opens the popup and the dashboard again and again, each in a
 * new tab. The time is the page's own clock (performance.now(), 0 at navigation start) at the first animation
 * frame after the awaited element appeared: the popup's first table row, the dashboard's chart marked
 * data-ready once uPlot has drawn. The first open of each page finds the service worker started by the
 * previous page, except the very first (cold: the worker and the database open on demand). Each page is
 * closed only once nothing on it is aria-busy, so no open queues behind the previous page's later reads.
 */
async function measureOpens(profileDir) {
  const { context, extensionId, worker } = await launch('adtally', extensionDir, profileDir);
  try {
    await context.addInitScript(() => {
      const targets = {
        row: () => document.querySelector('table.stats tbody tr'),
        chart: () => document.querySelector('[data-testid="daily-chart"][data-ready="true"]'),
        // The four top tables (sites, advertisers, networks, kinds) have their first row.
        tables: () => document.querySelectorAll('.tops table.top tbody tr:first-child').length >= 4,
      };
      const seen = {};
      window.__adtallySeen = seen;
      const check = () => {
        for (const [name, found] of Object.entries(targets)) {
          if (seen[name] === undefined && found()) {
            const mark = { inserted: performance.now(), frame: null };
            seen[name] = mark;
            requestAnimationFrame(() => (mark.frame = performance.now()));
          }
        }
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
    });
    const base = `chrome-extension://${extensionId}`;
    const hasDashboard = !popupOnly && existsSync(join(extensionDir, 'dashboard.html'));
    /** Opens a page in a new tab; resolves to the page-clock time of each named target, in ms. */
    const open = async (path, names) => {
      const page = await context.newPage();
      try {
        await page.goto(`${base}/${path}`);
        const times = [];
        for (const name of names) {
          const seen = await page.waitForFunction((n) => window.__adtallySeen?.[n], name, { timeout: 180_000, polling: 50 }).then((h) => h.jsonValue());
          // The frame after it appeared; a tab that gets no frame (hidden) counts from the insertion.
          const framed = await page.waitForFunction((n) => window.__adtallySeen[n].frame, name, { timeout: 2_000, polling: 20 }).then((h) => h.jsonValue(), () => null);
          times.push(framed ?? seen.inserted);
        }
        // Closed once it has finished loading everything (nothing aria-busy: the panels and galleries that load
        // after the first screen), so the next open measures its own first screen, not this page's leftover
        // reads in the worker: a person does not open the next page within the second.
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 120_000, polling: 100 }).catch(() => {});
        return times;
      } finally {
        await page.close();
      }
    };
    const series = { popup: [], dash30: [], dashAll: [], dash1y: [], tables30: [], tablesAll: [], tables1y: [] };
    for (let i = 0; i <= runs; i++) {
      [series.popup[i]] = await open('popup.html', ['row']);
      if (hasDashboard) {
        [series.dash30[i], series.tables30[i]] = await open('dashboard.html', ['chart', 'tables']);
        [series.dashAll[i], series.tablesAll[i]] = await open('dashboard.html?range=all', ['chart', 'tables']);
        [series.dash1y[i], series.tables1y[i]] = await open('dashboard.html?range=1y', ['chart', 'tables']);
      }
      const f = (key) => series[key][i].toFixed(0);
      process.stderr.write(`opens     ${i === 0 ? 'cold' : `${i}/${runs}`}: popup ${f('popup')} ms${hasDashboard ? `; dashboard chart / tables: 30 d ${f('dash30')} / ${f('tables30')}, all ${f('dashAll')} / ${f('tablesAll')}, 1 y ${f('dash1y')} / ${f('tables1y')} ms` : ''}\n`);
    }
    // The data path alone: each message's round trip from an extension page, the reads in the background
    // included, without the page's own start-up (median of `runs` after one unmeasured call).
    const messages = {};
    {
      const page = await context.newPage();
      await page.goto(`${base}/options.html`);
      const day = (offset) => {
        const d = new Date();
        d.setDate(d.getDate() + offset);
        return localDay(d.getTime());
      };
      const range = (n) => (n ? { from: day(-(n - 1)), to: day(0) } : {});
      // The advertiser with most impressions: what a marketer watching their own ads would ask about.
      const top = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'getTopKeys', dimension: 'advertiser', days: {}, limit: 3 }));
      const advertiser = top.rows.map((r) => r.key).find(Boolean) ?? 'none.example';
      const watchDomain = [{ kind: 'domain', value: advertiser }];
      const watchUrl = [{ kind: 'url', value: `*://${advertiser}/*` }];
      // A pattern that names its host reads that host's events through the landing-host index (schema 8).
      const watchHost = [{ kind: 'url', value: `https://www.${advertiser}/*` }];
      const asks = [
        ['getStats, all time (popup)', { type: 'getStats', tabId: null, days: {} }],
        ['getDailySeries, 30 days', { type: 'getDailySeries', days: range(30) }],
        ['getDailySeries, all time', { type: 'getDailySeries', days: {} }],
        ['getTopKeys site, 30 days', { type: 'getTopKeys', dimension: 'site', days: range(30), limit: 10 }],
        ['getTopKeys advertiser, 30 days', { type: 'getTopKeys', dimension: 'advertiser', days: range(30), limit: 10 }],
        ['getTopKeys advertiser, all time', { type: 'getTopKeys', dimension: 'advertiser', days: {}, limit: 10 }],
        ['getTopKeys advertiser, 1 year', { type: 'getTopKeys', dimension: 'advertiser', days: range(365), limit: 10 }],
        ['getSlice advertiser, 30 days', { type: 'getSlice', days: range(30), filter: { advertiser }, limit: 10 }],
        ['getSlice advertiser, all time', { type: 'getSlice', days: {}, filter: { advertiser }, limit: 10 }],
        ['getSlice kind native, 30 days', { type: 'getSlice', days: range(30), filter: { kind: 'native' }, limit: 10 }],
        ['getWatchStats domain, 7 days', { type: 'getWatchStats', days: range(7), entries: watchDomain }],
        ['getWatchStats domain, all time', { type: 'getWatchStats', days: {}, entries: watchDomain }],
        ['getWatchStats URL pattern, 7 days', { type: 'getWatchStats', days: range(7), entries: watchUrl }],
        ['getWatchStats URL pattern, 30 days', { type: 'getWatchStats', days: range(30), entries: watchUrl }],
        ['getWatchStats URL pattern naming its host, 7 days', { type: 'getWatchStats', days: range(7), entries: watchHost }],
        ['getWatchStats URL pattern naming its host, 30 days', { type: 'getWatchStats', days: range(30), entries: watchHost }],
        ['getFrequency, 30 days', { type: 'getFrequency', days: range(30), filter: {}, limit: 10 }],
        ['getFrequency, all time', { type: 'getFrequency', days: {}, filter: {}, limit: 10 }],
        ['getPlacement, 30 days', { type: 'getPlacement', days: range(30) }],
        ['getPlacement, all time', { type: 'getPlacement', days: {} }],
        ['getGallery, 30 days (24 cards)', { type: 'getGallery', days: range(30), filter: {}, watch: null, offset: 0, limit: 24 }],
        ['getGallery, all time (24 cards)', { type: 'getGallery', days: {}, filter: {}, watch: null, offset: 0, limit: 24 }],
      ];
      for (const [label, message] of popupOnly ? asks.slice(0, 1) : asks) {
        messages[label] = await page.evaluate(
          async ({ message, n }) => {
            const times = [];
            for (let i = 0; i <= n; i++) {
              const t0 = performance.now();
              await chrome.runtime.sendMessage(message);
              if (i > 0) times.push(performance.now() - t0);
            }
            return times;
          },
          { message, n: runs },
        );
      }
      await page.close();
    }
    if (hasDashboard && process.env.STORAGE_SCREENSHOT) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(`${base}/dashboard.html`);
      await page.locator('main[aria-busy="false"]').waitFor({ timeout: 180_000 });
      await page.locator('[data-testid="daily-chart"][data-ready="true"]').waitFor({ timeout: 120_000 });
      await page.screenshot({ path: process.env.STORAGE_SCREENSHOT, fullPage: true });
      await page.close();
    }
    const counts = await worker.evaluate(
      () =>
        new Promise((done, fail) => {
          const req = indexedDB.open('adtally');
          req.onerror = () => fail(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const stores = [...db.objectStoreNames].filter((n) => n !== 'filterLists');
            const tx = db.transaction(stores);
            const out = { version: db.version };
            let left = stores.length;
            for (const s of stores) {
              const c = tx.objectStore(s).count();
              c.onsuccess = () => {
                out[s] = c.result;
                if (--left === 0) {
                  db.close();
                  done(out);
                }
              };
            }
          };
        }),
    );
    return { ...series, counts, messages };
  } finally {
    await context.close();
  }
}

/** The toolbar popup on a profile ('' is a new empty one), warm and idle worker (bench/lib/popup-opens.mjs). */
async function measureToolbarPopup(profileDir) {
  const { context, extensionId } = await launch('adtally', extensionDir, profileDir);
  try {
    return await measurePopupOpens(context, extensionId, runs, (line) => process.stderr.write(`${profileDir ? 'loaded' : 'empty '}    ${line}\n`));
  } finally {
    await context.close();
  }
}

function report() {
  const r = results;
  console.log('');
  console.log(`Storage at ${count.toLocaleString('en-US')} events`);
  if (r.import) {
    console.log(`${pad('import rate', 34)}${Math.round(r.import.rate).toLocaleString('en-US')} events/s (${r.import.added.toLocaleString('en-US')} events in ${r.import.seconds.toFixed(0)} s; file ${(r.import.fileBytes / 1e6).toFixed(0)} MB)`);
    if (r.import.estimate !== null) console.log(`${pad('navigator.storage.estimate()', 34)}${(r.import.estimate / 1e6).toFixed(0)} MB (right after the import)`);
  }
  console.log(`${pad('IndexedDB on disk', 34)}${(r.disk.bytes / 1e6).toFixed(0)} MB = ${r.disk.folders.map((f) => `${f.name} ${(f.bytes / 1e6).toFixed(1)} MB`).join(' + ') || `nothing under ${r.disk.base}`}`);
  if (r.counts) console.log(`${pad('records', 34)}${Object.entries(r.counts).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}`);
  const row = (label, values, target) => {
    if (!values.length) return;
    const [cold, ...warm] = values;
    console.log(`${pad(label, 34)}${pad(fmtRange(warm, 0), 22)}${pad(cold.toFixed(0), 8)}${target}`);
  };
  console.log('');
  console.log(`${pad('open → first content (ms)', 34)}${pad(`median (min–max) of ${runs}`, 22)}${pad('cold', 8)}target`);
  row('popup, first table row (all time)', r.popup, '< 150');
  row('dashboard, chart drawn (30 days)', r.dash30 ?? [], '< 500');
  row('dashboard, chart drawn (all time)', r.dashAll ?? [], '< 500');
  row('dashboard, chart drawn (1 year)', r.dash1y ?? [], '< 500');
  row('dashboard, both tops (30 days)', r.tables30 ?? [], '');
  row('dashboard, both tops (all time)', r.tablesAll ?? [], '');
  row('dashboard, both tops (1 year)', r.tables1y ?? [], '');
  if (r.toolbar) {
    console.log('');
    console.log(`${pad('toolbar popup → first screen (ms)', 34)}${pad(`median / p95 (min–max) of ${runs}`, 32)}${pad('cold', 8)}target`);
    for (const [profileName, label] of [['loaded', `${count.toLocaleString('en-US')} events`], ['empty', 'empty profile']]) {
      const t = r.toolbar[profileName];
      for (const state of ['warm', 'idle']) {
        const note = state === 'idle' && t.idleWoke ? ` (the worker woke ${t.idleWoke}×)` : '';
        console.log(`${pad(`${label}, ${state} worker`, 34)}${pad(fmtMedianP95(t[state]), 32)}${pad(state === 'warm' ? t.cold.toFixed(0) : '', 8)}< 100${note}`);
      }
    }
    for (const [profileName, t] of Object.entries(r.toolbar)) for (const state of ['warm', 'idle']) console.log(`  ${profileName}, ${state}: ${fmtParts(t.parts[state])}`);
  }
  if (r.messages) {
    console.log('');
    console.log(`${pad('message round trip (ms)', 34)}median (min–max) of ${runs}`);
    for (const [label, times] of Object.entries(r.messages)) console.log(`${pad(label, 34)}${fmtRange(times, 1)}`);
  }
  console.log('');
  console.log(`load avg ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at end; ${((Date.now() - started) / 60000).toFixed(1)} min${keep ? `; profile kept in ${profile}` : ''}`);
}

function pct(n, total) {
  return `${((100 * n) / total).toFixed(1)} %`;
}
