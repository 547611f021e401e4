import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cellKey } from '../../common/cells';
import { placementKey } from '../../common/placement';
import type { Dimension, StoredEvent, Totals } from '../../common/types';
import { addCounts, ZERO_COUNTS } from '../../common/counts';
import { contributionsOf } from './aggregates';
import { writeEvents } from './events';
import { runBackfills } from './backfill';
import { DB_NAME, DB_VERSION, upgrade } from './schema';
import type { AdTallyDB } from './schema';
import { readSiteTotals, readTotalsBy } from './totals';

/*
 * The schemas AdTally shipped, written out here as they were, so an edit to an old upgrade step in schema.ts
 * cannot make these tests agree with it: real users' databases were made by these.
 */
function createVersion1(db: IDBPDatabase) {
  const events = db.createObjectStore('events', { keyPath: 'id' });
  events.createIndex('time', 'time');
  events.createIndex('site', 'site');
  events.createIndex('pageViewId', 'pageViewId');
  const siteDays = db.createObjectStore('siteDays', { keyPath: ['site', 'day'] });
  siteDays.createIndex('day', 'day');
}

function createVersion2(db: IDBPDatabase, oldVersion: number) {
  if (oldVersion < 1) createVersion1(db);
  db.createObjectStore('filterLists', { keyPath: 'id' });
}

function createVersion3(db: IDBPDatabase, oldVersion: number, tx: { objectStore(name: string): IDBPObjectStoreLike }) {
  if (oldVersion < 2) createVersion2(db, oldVersion);
  tx.objectStore('events').createIndex('fingerprint', 'fingerprint');
}
type IDBPObjectStoreLike = { createIndex(name: string, keyPath: string): unknown };

/** Version 4 as shipped, created directly (its upgrade from version 3 is tested through the current code). */
function createVersion4(db: IDBPDatabase) {
  const events = db.createObjectStore('events', { keyPath: 'id' });
  events.createIndex('time', 'time');
  events.createIndex('site', 'site');
  events.createIndex('pageViewId', 'pageViewId');
  events.createIndex('fingerprint', 'fingerprint');
  db.createObjectStore('filterLists', { keyPath: 'id' });
  db.createObjectStore('totals', { keyPath: ['dimension', 'key', 'day'] }).createIndex('dimensionDay', ['dimension', 'day']);
  db.createObjectStore('creatives', { keyPath: 'fingerprint' }).createIndex('lastSeen', 'lastSeen');
}

/** An event as versions 1 and 2 stored it: none of the fields version 3 added. */
function oldEvent(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    type: 'impression',
    time: Date.UTC(2025, 5, 15, 12, 0, 0),
    pageViewId: 'pv-old',
    adId: 'ad1',
    rule: 'sig:gpt-div',
    kind: 'display',
    network: 'Google Ad Manager',
    width: 300,
    height: 250,
    inFrame: false,
    site: 'news.test',
    day: '2025-06-15',
    ...overrides,
  };
}

const OLD_EVENTS = [
  oldEvent('e1'),
  oldEvent('e2', { type: 'click', inFrame: true }),
  oldEvent('e3', { site: 'blog.test', day: '2025-06-14', pageViewId: 'pv-old-2' }),
];
const OLD_DAYS = [
  { site: 'news.test', day: '2025-06-15', impressions: 1, viewable: 0, clicks: 1 },
  { site: 'blog.test', day: '2025-06-14', impressions: 1, viewable: 0, clicks: 0 },
];

/** Events as version 3 stored them: with fingerprint, landing URL, advertiser and dwell, but no page address. */
const V3_EVENTS = [
  oldEvent('v3-1', { fingerprint: 'fp-v3a', landingUrl: 'https://shop.example/p', advertiser: 'shop.example', inferred: false, focused: true, dwellMs: 0, day: '2025-06-15', time: Date.UTC(2025, 5, 15, 13) }),
  oldEvent('pv-v3:ad1:dwell', { type: 'dwell', fingerprint: 'fp-v3a', landingUrl: 'https://shop.example/p', advertiser: 'shop.example', inferred: false, focused: true, dwellMs: 2500, time: Date.UTC(2025, 5, 15, 14) }),
  oldEvent('v3-3', { type: 'viewable', kind: 'native', network: 'Taboola', fingerprint: 'fp-v3b', landingUrl: null, advertiser: null, inferred: false, focused: false, dwellMs: 0, site: 'blog.test', day: '2025-06-14', time: Date.UTC(2025, 5, 14, 9) }),
];
const V3_DAYS = [
  { site: 'news.test', day: '2025-06-15', impressions: 2, viewable: 0, clicks: 1, dwellMs: 2500 },
  { site: 'blog.test', day: '2025-06-14', impressions: 1, viewable: 1, clicks: 0, dwellMs: 0 },
];

async function writeRows(db: IDBPDatabase, events: object[], days: object[]) {
  const tx = db.transaction(['events', 'siteDays'], 'readwrite');
  for (const e of events) await tx.objectStore('events').put(e);
  for (const d of days) await tx.objectStore('siteDays').put(d);
  await tx.done;
}
const writeOldRows = (db: IDBPDatabase) => writeRows(db, OLD_EVENTS, OLD_DAYS);

/** The database opened as the background opens it: upgraded, then every backfill the upgrade planned run to its end. */
async function openCurrent() {
  const db = await openDB<AdTallyDB>(DB_NAME, DB_VERSION, {
    upgrade: (database, oldVersion, _newVersion, tx) => upgrade(database, oldVersion, tx),
  });
  await runBackfills(db, { progress: () => {}, finished: () => {} }, 2);
  expect(await db.count('backfills')).toBe(0);
  return db;
}

function newEvent(overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    ...(oldEvent('n1') as Omit<StoredEvent, 'inferred' | 'focused' | 'dwellMs' | 'fingerprint' | 'landingUrl' | 'advertiser'>),
    type: 'impression',
    kind: 'display',
    pageViewId: 'pv-new',
    inferred: false,
    focused: true,
    dwellMs: 0,
    fingerprint: 'fp-0000000000abcd',
    landingUrl: 'https://shop.example/',
    advertiser: 'shop.example',
    pageUrl: 'https://news.test/a',
    ...overrides,
  };
}

/** One dimension's rows, daily and all time, are exactly what the stored events contribute to it (each once). */
async function expectRowsAreSumsOfEvents(db: IDBPDatabase<AdTallyDB>, dimension: Dimension) {
  const days = new Map<string, Totals>();
  const allTime = new Map<string, Totals>();
  for (const raw of await db.getAll('events')) {
    const event = { dwellMs: 0, advertiser: null, fingerprint: '', landingUrl: null, ...(raw as object) } as StoredEvent;
    for (const c of contributionsOf(event, event.dwellMs).filter((one) => one.dimension === dimension)) {
      days.set(`${c.key} ${event.day}`, addCounts(days.get(`${c.key} ${event.day}`) ?? ZERO_COUNTS, c.counts));
      allTime.set(c.key, addCounts(allTime.get(c.key) ?? ZERO_COUNTS, c.counts));
    }
  }
  const storedDays = await db.getAllFromIndex('totals', 'dimensionDay', IDBKeyRange.bound([dimension, ''], [dimension, '\uffff']));
  expect(new Map(storedDays.map((r) => [`${r.key} ${r.day}`, addCounts(ZERO_COUNTS, r)]))).toEqual(days);
  const storedAllTime = await db.getAll('allTime', IDBKeyRange.bound([dimension, ''], [dimension, '\uffff']));
  expect(new Map(storedAllTime.map((r) => [r.key, addCounts(ZERO_COUNTS, r)]))).toEqual(allTime);
  expect(days.size).toBeGreaterThan(0);
}

const expectCellsAreSumsOfEvents = (db: IDBPDatabase<AdTallyDB>) => expectRowsAreSumsOfEvents(db, 'cell');

const CURRENT_STORES = ['allTime', 'backfills', 'creatives', 'events', 'filterLists', 'landingHosts', 'totals'];

/** Checks the stores and indexes of the current schema. */
async function expectCurrentShape(db: IDBPDatabase<AdTallyDB>) {
  expect(db.version).toBe(DB_VERSION);
  expect([...db.objectStoreNames].sort()).toEqual(CURRENT_STORES);
  const tx = db.transaction(['events', 'totals', 'creatives', 'filterLists', 'allTime']);
  expect(tx.objectStore('allTime').keyPath).toEqual(['dimension', 'key']);
  expect([...tx.objectStore('allTime').indexNames]).toEqual([]);
  expect(tx.objectStore('events').keyPath).toBe('id');
  expect([...tx.objectStore('events').indexNames].sort()).toEqual(['fingerprint', 'pageViewId', 'site', 'time']);
  expect(tx.objectStore('totals').keyPath).toEqual(['dimension', 'key', 'day']);
  expect([...tx.objectStore('totals').indexNames]).toEqual(['dimensionDay']);
  expect(tx.objectStore('totals').index('dimensionDay').keyPath).toEqual(['dimension', 'day']);
  expect(tx.objectStore('creatives').keyPath).toBe('fingerprint');
  expect([...tx.objectStore('creatives').indexNames]).toEqual(['lastSeen']);
  expect(tx.objectStore('filterLists').keyPath).toBe('id');
  await tx.done;
  expect(db.transaction('landingHosts').store.keyPath).toBeNull();
  expect(db.transaction('backfills').store.keyPath).toBe('version');
}

/**
 * What every upgraded database must hold: the old events untouched, the per-site totals exactly the old
 * siteDays rows, the other dimensions and the creatives summed from the old events, and writes working.
 */
async function expectUpgraded(db: IDBPDatabase<AdTallyDB>, events: object[], days: typeof V3_DAYS | typeof OLD_DAYS) {
  await expectCurrentShape(db);
  expect((await db.getAll('events')).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...events].sort((a, b) => ((a as { id: string }).id).localeCompare((b as { id: string }).id)));
  // The per-site totals are the rows users were shown, one for one.
  for (const day of days) {
    expect(await db.get('totals', ['site', day.site, day.day])).toEqual({ dimension: 'site', key: day.site, day: day.day, impressions: day.impressions, viewable: day.viewable, clicks: day.clicks, dwellMs: (day as { dwellMs?: number }).dwellMs ?? 0 });
  }
  expect(await db.countFromIndex('totals', 'dimensionDay', IDBKeyRange.bound(['site', ''], ['site', '\uffff']))).toBe(days.length);
  // The day totals over everything equal the sum of the sites.
  const sites = await readSiteTotals(db);
  const all = await readTotalsBy(db, 'all');
  const sum = (f: 'impressions' | 'viewable' | 'clicks') => sites.reduce((n, r) => n + r[f], 0);
  expect(all.get('')).toMatchObject({ impressions: sum('impressions'), viewable: sum('viewable'), clicks: sum('clicks') });
  // Other dimensions come from the events.
  const kinds = await readTotalsBy(db, 'kind');
  const typed = events as { type: string; kind: string }[];
  expect(kinds.get('display')?.impressions ?? 0).toBe(typed.filter((e) => e.kind === 'display' && e.type === 'impression').length);
  await expectAllTimeIsSumOfDays(db);
}

/** Every all-time row is the sum of its key's daily rows, and there is one for each key that has any. */
async function expectAllTimeIsSumOfDays(db: IDBPDatabase<AdTallyDB>) {
  const sums = new Map<string, { dimension: string; key: string; impressions: number; viewable: number; clicks: number; dwellMs: number }>();
  for (const row of await db.getAll('totals')) {
    const id = `${row.dimension}|${row.key}`;
    const sum = sums.get(id) ?? { dimension: row.dimension, key: row.key, impressions: 0, viewable: 0, clicks: 0, dwellMs: 0 };
    sums.set(id, { ...sum, impressions: sum.impressions + row.impressions, viewable: sum.viewable + row.viewable, clicks: sum.clicks + row.clicks, dwellMs: sum.dwellMs + (row.dwellMs ?? 0) });
  }
  const byId = (a: { dimension: string; key: string }, b: { dimension: string; key: string }) => `${a.dimension}|${a.key}`.localeCompare(`${b.dimension}|${b.key}`);
  expect(sums.size).toBeGreaterThan(0);
  expect((await db.getAll('allTime')).sort(byId)).toEqual([...sums.values()].sort(byId));
}

/** Versions 5 and 6 as shipped: the same stores (version 6 added rows, not stores). */
function openVersion5Or6(version: 5 | 6) {
  return openDB(DB_NAME, version, {
    upgrade: (db) => {
      createVersion4(db);
      db.createObjectStore('allTime', { keyPath: ['dimension', 'key'] });
    },
  });
}

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  vi.stubGlobal('indexedDB', new IDBFactory());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('schema upgrade', () => {
  it('is at version 8', () => {
    expect(DB_VERSION).toBe(8);
  });

  it('creates every store and index in a new database', async () => {
    const db = await openCurrent();
    await expectCurrentShape(db);
    expect(await db.count('totals')).toBe(0);
    db.close();
  });

  it('upgrades a version-1 database and keeps every row', async () => {
    const v1 = await openDB(DB_NAME, 1, { upgrade: (db) => createVersion1(db) });
    expect([...v1.objectStoreNames].sort()).toEqual(['events', 'siteDays']);
    await writeOldRows(v1);
    v1.close();

    const db = await openCurrent();
    await expectUpgraded(db, OLD_EVENTS, OLD_DAYS);
    // Version-1 events had no fingerprint: no creatives, and the fingerprint index leaves them out.
    expect(await db.count('creatives')).toBe(0);
    expect(await db.countFromIndex('events', 'fingerprint')).toBe(0);
    db.close();
  });

  it('upgrades a version-2 database and keeps every row, filter lists included', async () => {
    const v2 = await openDB(DB_NAME, 2, { upgrade: (db, oldVersion) => createVersion2(db, oldVersion) });
    await writeOldRows(v2);
    const stored = { id: 'old-list', info: { id: 'old-list' }, engine: new Uint8Array([9]) };
    await v2.put('filterLists', stored);
    v2.close();

    const db = await openCurrent();
    expect(await db.get('filterLists', 'old-list')).toEqual(stored);
    await expectUpgraded(db, OLD_EVENTS, OLD_DAYS);
    db.close();
  });

  it('upgrades a version-3 database: totals per site as shown, advertisers, networks and creatives from the events', async () => {
    const v3 = await openDB(DB_NAME, 3, { upgrade: (db, oldVersion, _n, tx) => createVersion3(db, oldVersion, tx as never) });
    await writeRows(v3, V3_EVENTS, V3_DAYS);
    v3.close();

    const db = await openCurrent();
    await expectUpgraded(db, V3_EVENTS, V3_DAYS);
    expect(await db.get('totals', ['advertiser', 'shop.example', '2025-06-15'])).toEqual({ dimension: 'advertiser', key: 'shop.example', day: '2025-06-15', impressions: 1, viewable: 0, clicks: 0, dwellMs: 2500 });
    expect(await db.get('totals', ['network', 'Taboola', '2025-06-14'])).toMatchObject({ viewable: 1 });
    expect(await db.get('creatives', 'fp-v3a')).toMatchObject({ impressions: 1, dwellMs: 2500, firstSeen: Date.UTC(2025, 5, 15, 13), lastSeen: Date.UTC(2025, 5, 15, 14), advertiser: 'shop.example' });
    expect(await db.get('creatives', 'fp-v3b')).toMatchObject({ viewable: 1, kind: 'native', network: 'Taboola' });
    // Versions 4 and 6 each read the events: every cell counted once, and the cells add up to the site rows.
    await expectCellsAreSumsOfEvents(db);

    // New writes add to the migrated rows; a re-sent dwell of an old page view grows it by the difference.
    await writeEvents(db, [newEvent({ id: 'n1', fingerprint: 'fp-v3a' }), { ...(V3_EVENTS[1] as unknown as StoredEvent), dwellMs: 4000 }]);
    expect(await readSiteTotals(db)).toEqual([
      { site: 'news.test', impressions: 3, viewable: 0, clicks: 1, dwellMs: 4000 },
      { site: 'blog.test', impressions: 1, viewable: 1, clicks: 0, dwellMs: 0 },
    ]);
    expect(await db.get('creatives', 'fp-v3a')).toMatchObject({ impressions: 2, dwellMs: 4000 });
    db.close();
  });

  it('upgrades a version-1 database that went through versions 2 and 3', async () => {
    const v1 = await openDB(DB_NAME, 1, { upgrade: (db) => createVersion1(db) });
    await writeOldRows(v1);
    v1.close();
    const v2 = await openDB(DB_NAME, 2, { upgrade: (db, oldVersion) => createVersion2(db, oldVersion) });
    expect(await v2.count('events')).toBe(3);
    v2.close();
    const v3 = await openDB(DB_NAME, 3, { upgrade: (db, oldVersion, _n, tx) => createVersion3(db, oldVersion, tx as never) });
    await writeRows(v3, V3_EVENTS, []);
    v3.close();

    const db = await openCurrent();
    await expectCurrentShape(db);
    expect(await db.count('events')).toBe(OLD_EVENTS.length + V3_EVENTS.length);
    expect(await readSiteTotals(db)).toEqual([
      { site: 'news.test', impressions: 1, viewable: 0, clicks: 1, dwellMs: 0 },
      { site: 'blog.test', impressions: 1, viewable: 0, clicks: 0, dwellMs: 0 },
    ]);
    db.close();
  });

  it('upgrades a version-4 database: all-time rows summed from the daily totals, then kept up by writes and deletions', async () => {
    const v4 = await openDB(DB_NAME, 4, { upgrade: (db) => createVersion4(db) });
    const day = (key: string, d: string, impressions: number, clicks = 0, dimension = 'site') => ({ dimension, key, day: d, impressions, viewable: 0, clicks, dwellMs: 10 });
    // A row migrated from before version 3 has no dwellMs.
    const { dwellMs: _, ...noDwell } = day('blog.test', '2025-06-13', 4);
    for (const row of [day('news.test', '2025-06-14', 2), day('news.test', '2025-06-15', 3, 1), noDwell, day('', '2025-06-13', 4, 0, 'all'), day('', '2025-06-14', 2, 0, 'all'), day('', '2025-06-15', 3, 1, 'all'), day('shop.example', '2025-06-15', 1, 0, 'advertiser')]) await v4.put('totals', row);
    v4.close();

    const db = await openCurrent();
    await expectCurrentShape(db);
    expect(await db.get('allTime', ['site', 'news.test'])).toEqual({ dimension: 'site', key: 'news.test', impressions: 5, viewable: 0, clicks: 1, dwellMs: 20 });
    expect(await db.get('allTime', ['site', 'blog.test'])).toEqual({ dimension: 'site', key: 'blog.test', impressions: 4, viewable: 0, clicks: 0, dwellMs: 0 });
    await expectAllTimeIsSumOfDays(db);
    // All-time reads come from these rows; a range still sums the days.
    expect((await readTotalsBy(db, 'site')).get('news.test')).toEqual({ impressions: 5, viewable: 0, clicks: 1, dwellMs: 20 });
    expect((await readTotalsBy(db, 'site', { from: '2025-06-15' })).get('news.test')).toEqual({ impressions: 3, viewable: 0, clicks: 1, dwellMs: 10 });

    await writeEvents(db, [newEvent({ id: 'w1', site: 'news.test', day: '2025-06-16' })]);
    expect(await db.get('allTime', ['site', 'news.test'])).toMatchObject({ impressions: 6 });
    db.close();
  });

  it('upgrades a version-5 database: cell rows per day and all time summed from the events, dwell included', async () => {
    const v5 = await openVersion5Or6(5);
    const events = [
      newEvent({ id: 'c1', day: '2025-06-15' }),
      newEvent({ id: 'c2', day: '2025-06-15', type: 'click' }),
      newEvent({ id: 'c3', day: '2025-06-16', type: 'dwell', dwellMs: 3200 }),
      newEvent({ id: 'c4', day: '2025-06-16', advertiser: null, landingUrl: null, network: null, kind: 'native', site: 'blog.test' }),
    ];
    for (const e of events) await v5.put('events', e);
    await v5.put('allTime', { dimension: 'site', key: 'news.test', impressions: 2, viewable: 0, clicks: 1, dwellMs: 3200 });
    v5.close();

    const db = await openCurrent();
    await expectCurrentShape(db);
    const shop = cellKey({ site: 'news.test', advertiser: 'shop.example', network: 'Google Ad Manager', kind: 'display' });
    const unknown = cellKey({ site: 'blog.test', advertiser: '', network: '', kind: 'native' });
    expect(await db.get('totals', ['cell', shop, '2025-06-15'])).toEqual({ dimension: 'cell', key: shop, day: '2025-06-15', impressions: 1, viewable: 0, clicks: 1, dwellMs: 0 });
    expect(await db.get('totals', ['cell', shop, '2025-06-16'])).toMatchObject({ impressions: 0, dwellMs: 3200 });
    expect(await db.get('allTime', ['cell', shop])).toEqual({ dimension: 'cell', key: shop, impressions: 1, viewable: 0, clicks: 1, dwellMs: 3200 });
    expect(await db.get('allTime', ['cell', unknown])).toMatchObject({ impressions: 1 });
    // The other rows were left as they were.
    expect(await db.get('allTime', ['site', 'news.test'])).toMatchObject({ impressions: 2 });
    await expectCellsAreSumsOfEvents(db);
    await expectRowsAreSumsOfEvents(db, 'placement');
    await expectRowsAreSumsOfEvents(db, 'timeInView');
    db.close();
  });

  it('upgrades a version-6 database: placement and time-in-view rows per day and all time summed from the events', async () => {
    const v6 = await openVersion5Or6(6);
    // Version 6 stored no fold; a later import may have brought one in.
    const events = [
      newEvent({ id: 'p1', day: '2025-06-15' }),
      newEvent({ id: 'p2', day: '2025-06-15', type: 'click', width: 301, height: 249 }),
      newEvent({ id: 'p3', day: '2025-06-16', type: 'dwell', dwellMs: 3200 }),
      newEvent({ id: 'p4', day: '2025-06-16', type: 'dwell', dwellMs: 400, kind: 'native', width: 640, height: 160, fold: 'below' }),
      newEvent({ id: 'p5', day: '2025-06-16', type: 'dwell', dwellMs: 45_000, width: 728, height: 90 }),
    ];
    for (const e of events) await v6.put('events', e);
    await v6.put('allTime', { dimension: 'site', key: 'news.test', impressions: 2, viewable: 0, clicks: 1, dwellMs: 3200 });
    v6.close();

    const db = await openCurrent();
    await expectCurrentShape(db);
    const unknown300 = placementKey({ fold: '', size: '300x250', kind: 'display' });
    expect(await db.get('totals', ['placement', unknown300, '2025-06-15'])).toEqual({ dimension: 'placement', key: unknown300, day: '2025-06-15', impressions: 1, viewable: 0, clicks: 1, dwellMs: 0 });
    expect(await db.get('allTime', ['placement', unknown300])).toEqual({ dimension: 'placement', key: unknown300, impressions: 1, viewable: 0, clicks: 1, dwellMs: 3200 });
    expect(await db.get('allTime', ['placement', placementKey({ fold: 'below', size: 'other', kind: 'native' })])).toMatchObject({ dwellMs: 400 });
    const buckets = await db.getAll('allTime', IDBKeyRange.bound(['timeInView', ''], ['timeInView', '\uffff']));
    expect(buckets.map((r) => [r.key, r.impressions, r.dwellMs])).toEqual([
      ['0', 1, 400],
      ['2000', 1, 3200],
      ['30000', 1, 45_000],
    ]);
    // The other rows were left as they were.
    expect(await db.get('allTime', ['site', 'news.test'])).toMatchObject({ impressions: 2 });
    await expectRowsAreSumsOfEvents(db, 'placement');
    await expectRowsAreSumsOfEvents(db, 'timeInView');
    // Writes then keep them up: the dwell grows into the next bucket.
    await writeEvents(db, [newEvent({ id: 'p4', day: '2025-06-16', type: 'dwell', dwellMs: 1400, kind: 'native', width: 640, height: 160, fold: 'below' })]);
    expect((await db.getAll('allTime', IDBKeyRange.bound(['timeInView', ''], ['timeInView', '\uffff']))).map((r) => [r.key, r.impressions, r.dwellMs])).toEqual([
      ['1000', 1, 1400],
      ['2000', 1, 3200],
      ['30000', 1, 45_000],
    ]);
    await expectRowsAreSumsOfEvents(db, 'timeInView');
    db.close();
  });

  it('upgrades a version-7 database: the landing-host index holds every event with a landing host, once', async () => {
    const v7 = await openVersion5Or6(6);
    const events = [
      newEvent({ id: 'h1', day: '2025-06-15', landingUrl: 'https://Shop.Example/winter?utm=1' }),
      newEvent({ id: 'h2', day: '2025-06-16', landingUrl: 'https://shop.example:8443/x' }),
      newEvent({ id: 'h3', day: '2025-06-16', landingUrl: null, advertiser: null }),
      newEvent({ id: 'h4', day: '2025-06-16', landingUrl: 'javascript:void(0)' }),
    ];
    for (const e of events) await v7.put('events', e);
    v7.close();
    // Version 7 had the same stores as version 6; its upgrade from 6 only added rows.
    const asSeven = await openDB(DB_NAME, 7);
    asSeven.close();

    const db = await openCurrent();
    await expectCurrentShape(db);
    expect(await db.getAllKeys('landingHosts')).toEqual([
      ['shop.example', '2025-06-15', 'h1'],
      ['shop.example:8443', '2025-06-16', 'h2'],
    ]);
    db.close();
  });

  it('reopens a current database without changing it', async () => {
    const first = await openCurrent();
    await writeEvents(first, [newEvent({ id: 'k1' })]);
    const before = { events: await first.getAll('events'), totals: await first.getAll('totals'), creatives: await first.getAll('creatives'), allTime: await first.getAll('allTime') };
    first.close();
    const again = await openCurrent();
    expect({ events: await again.getAll('events'), totals: await again.getAll('totals'), creatives: await again.getAll('creatives'), allTime: await again.getAll('allTime') }).toEqual(before);
    again.close();
  });
});
