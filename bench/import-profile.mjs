/**
 * Profiles one import through the options page: a trace of every process (the options page, the service
 * worker, the browser's IndexedDB work) while a generated file of IMPORT_EVENTS events (default 20,000) is
 * imported into a fresh profile. Prints the wall time, the worker's and the page's script time by function,
 * and the IndexedDB backend's time by trace event. `node bench/import-profile.mjs` on a built extension;
 * IMPORT_FILE imports a file of your own (give its count as IMPORT_EVENTS), IMPORT_TRACE=0 only times it, IMPORT_TRACE=idb traces IndexedDB alone
 * (its request counts, without the CPU profile's cost).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';
import { cachedEventFile } from './lib/event-file.mjs';
import { openOptionsForImport } from './lib/options-page.mjs';
import { attribute } from './lib/trace.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.env.IMPORT_EVENTS ?? 20_000);
const extensionDir = resolve(root, process.env.ADTALLY_EXTENSION_DIR ?? 'dist/chromium');
const lastDay = '2026-12-07';
const { file } = await cachedEventFile({ count, lastDay }, process.env.IMPORT_FILE);
const profileDir = mkdtempSync(join(os.tmpdir(), 'adtally-import-profile-'));
const { context, extensionId } = await launch('adtally', extensionDir, profileDir);
const run = async () => {
  const { page, input } = await openOptionsForImport(context, extensionId);
  const trace = process.env.IMPORT_TRACE !== '0';
  const idbOnly = process.env.IMPORT_TRACE === 'idb';
  const session = await context.browser().newBrowserCDPSession();
  const events = [];
  session.on('Tracing.dataCollected', (e) => events.push(...e.value));
  if (trace) await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: idbOnly ? ['IndexedDB'] : ['disabled-by-default-v8.cpu_profiler', 'devtools.timeline', 'toplevel', '__metadata', 'IndexedDB', 'v8'], excludedCategories: ['*'] },
  });
  const t0 = Date.now();
  await input.setInputFiles(file);
  await page.locator('[data-testid=data-result]').waitFor({ timeout: 0 });
  const seconds = (Date.now() - t0) / 1000;
  console.log(`${count} events in ${seconds.toFixed(1)} s: ${Math.round(count / seconds)} events/s; ${(await page.locator('[data-testid=data-result]').textContent())?.trim()}`);
  if (!trace) return;
  const complete = new Promise((r) => session.once('Tracing.tracingComplete', r));
  await session.send('Tracing.end');
  await complete;
  const origin = `chrome-extension://${extensionId}/`;
  const { roles, byFunction, inclusive } = idbOnly ? {} : attribute(events, { pageOrigin: `${origin}options.html`, extensionOrigin: origin });
  for (const role of idbOnly ? [] : ['background']) {
    const r = roles[role];
    console.log(`\n${role}: script ${r.scriptMs.toFixed(0)} ms CPU, ours ${r.adtallyMs.toFixed(0)} ms, GC ${r.gcMs.toFixed(0)} ms, main thread busy ${r.mainThreadMs.toFixed(0)} ms`);
    const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 18);
    console.log(' self:');
    for (const [fn, ms] of top(byFunction[role])) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${fn}`);
    console.log(' inclusive:');
    for (const [fn, ms] of top(inclusive[role])) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${fn}`);
  }
  const idb = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.cat.includes('IndexedDB')) continue;
    const s = idb.get(e.name) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += (e.dur ?? 0) / 1000;
    idb.set(e.name, s);
  }
  console.log('\nIndexedDB trace events (wall ms, count):');
  for (const [name, s] of [...idb].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.log(`  ${s.ms.toFixed(0).padStart(7)} ms ${String(s.n).padStart(8)}  ${name}`);
};
try {
  await run();
} finally {
  await context.close();
  rmSync(profileDir, { recursive: true, force: true });
}
