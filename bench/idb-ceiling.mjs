/**
 * What IndexedDB in this Chromium can store per second, before any of AdTally's own work: the ceiling an
 * import's rate is bound by. A page on a local server writes CEILING_EVENTS events of the storage bench's
 * generated year (default 100,000) into a fresh on-disk profile, 5,000 per transaction as an import batch
 * does, in each layout:
 * - `record+4`: one record per event, keyed by id, with the events store's four indexes (time, site, page
 *   view, fingerprint), as schema version 8 stores them (`add`, which checks the id is new);
 * - `record+1`: the same with only the time index; `record+0`: with no index;
 * - `block1000`: one record per 1,000 events (an array), no index.
 * Prints events per second per layout. `node bench/idb-ceiling.mjs`; CEILING_LAYOUTS picks layouts.
 * docs/performance.md ("Imports: the ceiling of one record per event") records what it printed.
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { launch } from './lib/browser.mjs';
import { cachedEventFile } from './lib/event-file.mjs';

const count = Number(process.env.CEILING_EVENTS ?? 100_000);
const layouts = (process.env.CEILING_LAYOUTS ?? 'record+4,record+1,record+0,block1000').split(',');
const { file } = await cachedEventFile({ count, lastDay: '2026-12-07' });
const lines = readFileSync(file, 'utf8').trim().split('\n');
// IndexedDB needs an origin of its own: an empty page on loopback.
const server = createServer((_request, response) => response.end('<!doctype html><title>IndexedDB ceiling</title>')).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const profileDir = mkdtempSync(join(os.tmpdir(), 'adtally-idb-ceiling-'));
const { context } = await launch('bare', '', profileDir);
try {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.evaluate((text) => {
    window.events = text.map((line) => JSON.parse(line));
  }, lines);
  console.log(`${count} events, 5,000 per transaction, ${os.loadavg()[0].toFixed(1)} load average`);
  for (const layout of layouts) {
    const result = await page.evaluate(async (layout) => {
      const INDEXES = { 'record+4': ['time', 'site', 'pageViewId', 'fingerprint'], 'record+1': ['time'], 'record+0': [] };
      const block = layout.startsWith('block') ? Number(layout.slice('block'.length)) : 0;
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(layout, 1);
        open.onupgradeneeded = () => {
          if (block) return void open.result.createObjectStore('blocks');
          const store = open.result.createObjectStore('events', { keyPath: 'id' });
          for (const name of INDEXES[layout]) store.createIndex(name, name);
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const events = window.events;
      const started = performance.now();
      for (let i = 0; i < events.length; i += 5000) {
        const tx = db.transaction(block ? 'blocks' : 'events', 'readwrite');
        const batch = events.slice(i, i + 5000);
        if (block) for (let j = 0; j < batch.length; j += block) tx.objectStore('blocks').put(batch.slice(j, j + block), i + j);
        else for (const event of batch) tx.objectStore('events').add(event);
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onabort = () => reject(tx.error);
        });
      }
      const ms = performance.now() - started;
      db.close();
      return { ms, perSecond: events.length / (ms / 1000) };
    }, layout);
    console.log(`${layout.padEnd(10)} ${Math.round(result.perSecond).toLocaleString('en').padStart(9)} events/s (${(result.ms / 1000).toFixed(1)} s)`);
  }
} finally {
  await context.close();
  server.close();
  rmSync(profileDir, { recursive: true, force: true });
}
