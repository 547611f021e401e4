/**
 * The resumable upgrade on a kept storage profile (docs/performance.md, "Resumable upgrades"): opens the
 * profile's database with this build, which upgrades it and walks every event in chunks (db/backfill.ts),
 * stops the service worker every UPGRADE_KILL_EVERY_S seconds (default 60) as Chromium does to a worker
 * over its limits, and prints how long the walk took, how often it was cut short, and the landing-URL
 * pattern's round trip once it is done.
 *
 * UPGRADE_PROFILE: a COPY of a profile loaded by `STORAGE_KEEP=1 node bench/storage.mjs` (it is upgraded in
 * place), loaded by an extension at the path ADTALLY_EXTENSION_DIR names: the database answers only that
 * extension id, which follows the path (renaming its folder is not enough: its records name the origin).
 * To measure another build on such a profile, run it in a private mount namespace with the build mounted
 * over that path (as root: `unshare -m sh -c 'mount --bind dist/chromium <path> && node bench/upgrade.mjs'`).
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { launch } from './lib/browser.mjs';

const root = resolve(import.meta.dirname, '..');
const extensionDir = resolve(root, process.env.ADTALLY_EXTENSION_DIR ?? 'dist/chromium');
const profile = process.env.UPGRADE_PROFILE ? resolve(process.env.UPGRADE_PROFILE) : null;
const killEveryMs = Number(process.env.UPGRADE_KILL_EVERY_S ?? 60) * 1000;
if (!profile) throw new Error('Set UPGRADE_PROFILE to a copy of a kept storage profile.');

// Chromium's id for an unpacked extension: the SHA-256 of its path, first 32 hex digits written a–p. The
// database's own records name its origin, so a profile's database answers only the extension of that path.
const id = [...createHash('sha256').update(extensionDir).digest('hex').slice(0, 32)].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
if (!existsSync(join(profile, 'Default', 'IndexedDB', `chrome-extension_${id}_0.indexeddb.leveldb`))) {
  throw new Error(`The profile holds no database of the extension at ${extensionDir} (id ${id}): load this build from the path the profile was loaded with (ADTALLY_EXTENSION_DIR).`);
}
rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });

console.log(`load avg  ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start`);
const { context, extensionId } = await launch('adtally', extensionDir, profile);
const base = `chrome-extension://${extensionId}`;
const page = await context.newPage();
await page.goto(`${base}/welcome.html`);
const cdp = await context.newCDPSession(page);
await cdp.send('ServiceWorker.enable');

/** The pending backfills and the database version, read from the page (a read waits for the chunk in flight). */
const state = () =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('adtally');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('backfills')) return resolve({ version: db.version, backfills: [] }), db.close();
          const request = db.transaction('backfills').objectStore('backfills').getAll();
          request.onsuccess = () => (resolve({ version: db.version, backfills: request.result }), db.close());
        };
      }),
  );
const ask = (message) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);

const started = Date.now();
// The first message that needs the database upgrades it; the walk starts once it is open.
await ask({ type: 'getStats', tabId: null, days: {} });
const opened = Date.now() - started;
console.log(`opened    ${opened} ms (the upgrade transaction: stores created, no walk)`);
let kills = 0;
let lastKill = Date.now();
for (;;) {
  const { version, backfills } = await state();
  const done = backfills.reduce((n, b) => n + b.done, 0);
  const total = backfills.reduce((n, b) => n + (b.total ?? 0), 0);
  if (backfills.length === 0) {
    console.log(`walked    ${((Date.now() - started) / 1000).toFixed(1)} s to version ${version}, worker stopped ${kills} times on the way`);
    break;
  }
  if (Date.now() - lastKill > killEveryMs) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    kills++;
    lastKill = Date.now();
    process.stderr.write(`stopped   the worker at ${done} of ${total} events (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    // A message wakes a new worker, which goes on from the stored cursor.
    await ask({ type: 'getStats', tabId: null, days: {} });
  }
  await new Promise((r) => setTimeout(r, 1000));
}
console.log(`load avg  ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);

const top = await ask({ type: 'getTopKeys', dimension: 'advertiser', days: {}, limit: 3 });
const advertiser = top.rows.map((r) => r.key).find(Boolean);
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv');
for (const [label, days, value] of [
  ['URL pattern naming its host, 7 days', { from: day(-6), to: day(0) }, `https://www.${advertiser}/*`],
  ['URL pattern naming its host, 30 days', { from: day(-29), to: day(0) }, `https://www.${advertiser}/*`],
  ['URL pattern naming its host, all time', {}, `https://www.${advertiser}/*`],
  ['URL pattern without a host, 30 days', { from: day(-29), to: day(0) }, `*://www.${advertiser}/*`],
]) {
  const times = [];
  let impressions = 0;
  for (let i = 0; i <= 5; i++) {
    const t = Date.now();
    const stats = await ask({ type: 'getWatchStats', days, entries: [{ kind: 'url', value }] });
    if (i > 0) times.push(Date.now() - t);
    impressions = stats.combined.totals.impressions;
  }
  times.sort((a, b) => a - b);
  console.log(`getWatchStats ${label}: median ${times[2]} ms (${times[0]}–${times[4]}), ${impressions} impressions`);
}
await context.close();
