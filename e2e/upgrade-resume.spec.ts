/**
 * A schema upgrade whose backfill is cut short again and again (db/backfill.ts): a version-5 database of
 * 30,000 events is opened by this AdTally, which walks the events in chunks to sum the cells, placement and
 * time in view and to fill the landing-host index. The test stops the service worker three times while the
 * walk is under way, as Chromium does to a worker it finds idle or over its time limit, while a page keeps
 * sending live events. The walk must go on from its stored cursor after each start and end with exactly the
 * rows a sum from scratch gives, the live events counted once (docs/architecture.md, "Schema upgrades walk
 * the events after the upgrade, in chunks").
 */
import type { Page } from '@playwright/test';
import type { Dimension, StoredEvent, Totals } from '../src/common/types';
import { addCounts, ZERO_COUNTS } from '../src/common/counts';
import { contributionsOf } from '../src/background/db/aggregates';
import { landingKeyOf } from '../src/background/db/landing-hosts';
import { expect, test } from './fixtures';
import { WorkerKiller } from './worker-kills';
import { writeVersion5Database } from './version-5-db';

const OLD_EVENTS = 30_000;
const KILLS = 3;
const DAY_MS = 86_400_000;
/** The dimensions version 6, 7 and 8 added, which the backfill sums; the others were written by version 5. */
const BACKFILLED: readonly Dimension[] = ['cell', 'placement', 'timeInView'];

/**
 * The old events: from 20 days ago to 10 days ahead (a clock set wrong, an import), so the walk, in time
 * order, passes the live events' time two thirds of the way through: live events come both before and
 * after its cursor.
 */
function oldEvents(now: number): StoredEvent[] {
  const types = ['impression', 'viewable', 'measured', 'dwell', 'click'] as const;
  return Array.from({ length: OLD_EVENTS }, (_, i) => {
    const time = now - 20 * DAY_MS + Math.floor((i / OLD_EVENTS) * 30 * DAY_MS);
    const type = types[i % types.length]!;
    const advertiser = i % 7 === 0 ? null : `brand${i % 13}.example`;
    return {
      id: `old-${String(i).padStart(6, '0')}`,
      type,
      time,
      day: new Date(time).toISOString().slice(0, 10),
      site: `site${i % 17}.test`,
      pageUrl: `https://site${i % 17}.test/`,
      pageViewId: `pv-${Math.floor(i / 5)}`,
      adId: `ad${i % 4}`,
      rule: 'sig:gpt-div',
      kind: i % 3 === 0 ? 'native' : 'display',
      network: i % 5 === 0 ? null : 'Google Ad Manager',
      width: i % 2 ? 300 : 728,
      height: i % 2 ? 250 : 90,
      inFrame: false,
      inferred: false,
      focused: true,
      dwellMs: type === 'dwell' ? (i * 37) % 40_000 : 0,
      fingerprint: `fp-${i % 101}`,
      landingUrl: advertiser ? `https://www.${advertiser}/lp/${i % 101}?utm_source=site${i % 17}` : null,
      advertiser,
      ...(type === 'measured' ? { reached: 'viewable' as const } : {}),
    } as StoredEvent;
  });
}


interface Snapshot {
  version: number;
  backfills: { done: number; total: number | null; after: unknown }[];
  eventCount: number;
  events?: StoredEvent[];
  totals?: ({ dimension: Dimension; key: string; day: string } & Totals)[];
  allTime?: ({ dimension: Dimension; key: string } & Totals)[];
  landingHosts?: string[];
}

/** The database as an extension page reads it, in one transaction (a consistent snapshot while events arrive). */
async function snapshot(page: Page, everything: boolean): Promise<Snapshot> {
  const json = await page.evaluate(async (all) => JSON.stringify(await (async (): Promise<Snapshot> => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('adtally');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('backfills')) return { version: db.version, backfills: [], eventCount: 0 };
      const stores = all ? ['backfills', 'events', 'totals', 'allTime', 'landingHosts'] : ['backfills', 'events'];
      const tx = db.transaction(stores);
      const read = <T,>(store: string, keys = false) =>
        new Promise<T>((resolve, reject) => {
          const request = keys ? tx.objectStore(store).getAllKeys() : tx.objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as T);
          request.onerror = () => reject(request.error);
        });
      const backfills = await read<Snapshot['backfills']>('backfills');
      const eventCount = await new Promise<number>((resolve) => {
        const request = tx.objectStore('events').count();
        request.onsuccess = () => resolve(request.result);
      });
      if (!all) return { version: db.version, backfills, eventCount };
      const [events, totals, allTime, landingHosts] = await Promise.all([read<StoredEvent[]>('events'), read<Snapshot['totals']>('totals'), read<Snapshot['allTime']>('allTime'), read<unknown[]>('landingHosts', true)]);
      return { version: db.version, backfills, eventCount, events, totals, allTime, landingHosts: landingHosts.map((k) => JSON.stringify(k)) };
    } finally {
      db.close();
    }
  })()), everything);
  return JSON.parse(json) as Snapshot;
}

/** The extension API as seen from its pages and worker, typed for the two calls made here. */
interface ExtensionApi {
  runtime: { sendMessage(message: object): Promise<unknown> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

const doneOf = (s: Snapshot) => s.backfills.reduce((n, b) => n + b.done, 0);

/** Daily and all-time rows as sums from scratch of `events`, in `dimensions`; zero rows left out. */
function sumsOf(events: StoredEvent[], dimensions: (d: Dimension) => boolean) {
  const days = new Map<string, Totals>();
  const allTime = new Map<string, Totals>();
  for (const event of events) {
    for (const c of contributionsOf(event, event.dwellMs ?? 0)) {
      if (!dimensions(c.dimension)) continue;
      const day = JSON.stringify([c.dimension, c.key, event.day]);
      const key = JSON.stringify([c.dimension, c.key]);
      days.set(day, addCounts(days.get(day) ?? ZERO_COUNTS, c.counts));
      allTime.set(key, addCounts(allTime.get(key) ?? ZERO_COUNTS, c.counts));
    }
  }
  const nonZero = (m: Map<string, Totals>) => [...m].filter(([, t]) => t.impressions || t.viewable || t.clicks || t.dwellMs || t.measured).map(([k, t]) => `${k} ${JSON.stringify(addCounts(ZERO_COUNTS, t))}`).sort();
  return { days: nonZero(days), allTime: nonZero(allTime) };
}

function storedRows(s: Snapshot, dimensions: (d: Dimension) => boolean) {
  const line = (key: unknown[], row: Totals) => `${JSON.stringify(key)} ${JSON.stringify(addCounts(ZERO_COUNTS, row))}`;
  return {
    days: s.totals!.filter((r) => dimensions(r.dimension)).map((r) => line([r.dimension, r.key, r.day], r)).sort(),
    allTime: s.allTime!.filter((r) => dimensions(r.dimension)).map((r) => line([r.dimension, r.key], r)).sort(),
  };
}

test('an upgrade\'s backfill stopped three times goes on from its cursor and ends with exact sums, live events counted once', async ({ context, extensionId, port }) => {
  test.setTimeout(240_000);
  const base = `chrome-extension://${extensionId}`;
  const page = await context.newPage();
  // welcome.html runs no script that opens the database: the version-5 database is written from it first.
  await page.goto(`${base}/welcome.html`);
  const old = oldEvents(Date.now());
  await page.evaluate(writeVersion5Database, JSON.stringify(old));
  const killer = await WorkerKiller.attach(context, page, extensionId);

  // The first message that needs the database upgrades it and starts the walk.
  void page.evaluate(() => (globalThis as unknown as { chrome: ExtensionApi }).chrome.runtime.sendMessage({ type: 'getStats', tabId: null, days: {} })).catch(() => {});
  // A page with ads sends live events throughout (impressions, viewable, measured, dwell re-sent every 5 s).
  const ads = await context.newPage();
  await ads.goto(`http://delivery.test:${port}/?ads=12&seed=upgrade`);

  // The dashboard says the walk runs and which views are partial meanwhile (version 5: filtered views too).
  await expect.poll(async () => doneOf(await snapshot(page, false)), { timeout: 60_000, intervals: [50] }).toBeGreaterThan(0);
  const dashboard = await context.newPage();
  await dashboard.goto(`${base}/dashboard.html`);
  await expect(dashboard.getByTestId('upgrade-banner')).toContainText('filtered views, My ads by domain or name, placement and time in view count only the events it has reached');

  let lastDone = 0;
  let liveDuringWalk = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    // Wait for the walk to move past where it was (after a restart: it went on from its cursor), then stop it.
    await expect.poll(async () => doneOf(await snapshot(page, false)), { timeout: 60_000, intervals: [50] }).toBeGreaterThan(lastDone);
    await killer.kill();
    // Pages' events wake a new worker at once, which goes on with the walk: only the small reads here.
    const now = await snapshot(page, false);
    expect(now.backfills, 'the walk is still under way when the worker is stopped').toHaveLength(1);
    lastDone = doneOf(now);
    expect(lastDone).toBeLessThan(OLD_EVENTS);
    liveDuringWalk = Math.max(liveDuringWalk, now.eventCount - OLD_EVENTS);
    // A new worker (if a page's events have not woken one already): the stored notice makes it open the database and go on.
    await killer.live();
  }
  expect(killer.kills).toBe(KILLS);

  // The walk ends (nothing left to backfill) and the notice is gone.
  await expect.poll(async () => (await snapshot(page, false)).backfills.length, { timeout: 120_000, intervals: [250] }).toBe(0);
  const worker = await killer.live();
  await expect.poll(() => worker.evaluate(async () => (await (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage.local.get('dbUpgrade')).dbUpgrade ?? null), { timeout: 10_000 }).toBeNull();
  // … and the dashboard open meanwhile says its numbers were read before the end.
  await expect(dashboard.getByTestId('upgrade-banner')).toContainText('finished updating its database');

  const end = await snapshot(page, true);
  expect(end.version).toBe(8);
  const live = end.events!.filter((e) => !e.id.startsWith('old-'));
  expect(liveDuringWalk, 'live events were stored while the walk ran').toBeGreaterThan(0);
  expect(live.some((e) => e.type === 'dwell')).toBe(true);
  // The backfilled dimensions: every event, old and live, summed once.
  const backfilled = (d: Dimension) => BACKFILLED.includes(d);
  expect(storedRows(end, backfilled)).toEqual(sumsOf(end.events!, backfilled));
  // Version 5's dimensions had no rows for the old events (only they were written): exactly the live events.
  const written = (d: Dimension) => !BACKFILLED.includes(d);
  expect(storedRows(end, written)).toEqual(sumsOf(live, written));
  // The landing-host index: one key per event with a landing host.
  expect([...end.landingHosts!].sort()).toEqual(end.events!.flatMap((e) => { const key = landingKeyOf(e); return key ? [JSON.stringify(key)] : []; }).sort());
  await killer.detach();
});
