import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../../common/types';
import { writeEvents } from './events';
import { DB_NAME, DB_VERSION, upgrade } from './schema';
import type { AdTallyDB } from './schema';
import { readSiteTotals } from './site-totals';

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

async function writeOldRows(db: IDBPDatabase) {
  const tx = db.transaction(['events', 'siteDays'], 'readwrite');
  for (const e of OLD_EVENTS) await tx.objectStore('events').put(e);
  for (const d of OLD_DAYS) await tx.objectStore('siteDays').put(d);
  await tx.done;
}

const openCurrent = () =>
  openDB<AdTallyDB>(DB_NAME, DB_VERSION, {
    upgrade: (database, oldVersion, _newVersion, tx) => upgrade(database, oldVersion, tx),
  });

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
    ...overrides,
  };
}

/** What every upgraded database must hold: the old rows untouched, and the version-3 stores and indexes working. */
async function expectUpgraded(db: IDBPDatabase<AdTallyDB>) {
  expect(db.version).toBe(DB_VERSION);
  expect([...db.objectStoreNames].sort()).toEqual(['events', 'filterLists', 'siteDays']);

  // Every row is still there, as it was.
  expect(await db.getAll('events')).toEqual(OLD_EVENTS);
  expect(await db.getAll('siteDays')).toEqual([...OLD_DAYS].sort((a, b) => a.site.localeCompare(b.site)));
  // The old indexes still answer.
  expect((await db.getAllFromIndex('events', 'site', 'blog.test')).map((e) => e.id)).toEqual(['e3']);
  expect((await db.getAllFromIndex('events', 'pageViewId', 'pv-old')).map((e) => e.id).sort()).toEqual(['e1', 'e2']);
  expect(await db.countFromIndex('events', 'time', IDBKeyRange.lowerBound(0))).toBe(3);
  expect((await db.getAllFromIndex('siteDays', 'day', '2025-06-14')).map((d) => d.site)).toEqual(['blog.test']);

  // The fingerprint index exists and is queryable: old events have no fingerprint, so they are not in it.
  const tx = db.transaction('events');
  expect([...tx.store.indexNames].sort()).toEqual(['fingerprint', 'pageViewId', 'site', 'time']);
  expect(tx.store.index('fingerprint').keyPath).toBe('fingerprint');
  await tx.done;
  expect(await db.countFromIndex('events', 'fingerprint')).toBe(0);
  await writeEvents(db, [
    newEvent({ id: 'n1' }),
    newEvent({ id: 'n2', pageViewId: 'pv-new-2' }),
    newEvent({ id: 'n3', fingerprint: 'fp-0000000000ffff' }),
  ]);
  expect((await db.getAllFromIndex('events', 'fingerprint', 'fp-0000000000abcd')).map((e) => e.id).sort()).toEqual(['n1', 'n2']);
  expect(await db.countFromIndex('events', 'fingerprint', 'fp-0000000000ffff')).toBe(1);

  // The new events add to the old day rows (which have no dwellMs).
  expect(await db.get('siteDays', ['news.test', '2025-06-15'])).toEqual({
    site: 'news.test',
    day: '2025-06-15',
    impressions: 4,
    viewable: 0,
    clicks: 1,
    dwellMs: 0,
  });
  expect(await readSiteTotals(db)).toEqual([
    { site: 'news.test', impressions: 4, viewable: 0, clicks: 1, dwellMs: 0 },
    { site: 'blog.test', impressions: 1, viewable: 0, clicks: 0, dwellMs: 0 },
  ]);

  // The filterLists store works.
  const list = {
    id: 'easylist',
    info: { id: 'easylist', name: 'EasyList', version: '1', source: 'https://easylist.to/', obtained: '2025-06-01', sha256: 'ab', cosmeticFilters: 1 },
    engine: new Uint8Array([1, 2, 3]),
  };
  await db.put('filterLists', list);
  expect(await db.get('filterLists', 'easylist')).toEqual(list);
}

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  vi.stubGlobal('indexedDB', new IDBFactory());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('schema upgrade', () => {
  it('is at version 3', () => {
    expect(DB_VERSION).toBe(3);
  });

  it('creates every store and index in a new database', async () => {
    const db = await openCurrent();
    expect([...db.objectStoreNames].sort()).toEqual(['events', 'filterLists', 'siteDays']);
    const tx = db.transaction(['events', 'siteDays', 'filterLists']);
    expect(tx.objectStore('events').keyPath).toBe('id');
    expect([...tx.objectStore('events').indexNames].sort()).toEqual(['fingerprint', 'pageViewId', 'site', 'time']);
    expect(tx.objectStore('siteDays').keyPath).toEqual(['site', 'day']);
    expect([...tx.objectStore('siteDays').indexNames]).toEqual(['day']);
    expect(tx.objectStore('filterLists').keyPath).toBe('id');
    await tx.done;
    db.close();
  });

  it('upgrades a version-1 database and keeps every row', async () => {
    const v1 = await openDB(DB_NAME, 1, { upgrade: (db) => createVersion1(db) });
    expect([...v1.objectStoreNames].sort()).toEqual(['events', 'siteDays']);
    await writeOldRows(v1);
    v1.close();

    const db = await openCurrent();
    await expectUpgraded(db);
    db.close();
  });

  it('upgrades a version-2 database and keeps every row, filter lists included', async () => {
    const v2 = await openDB(DB_NAME, 2, { upgrade: (db, oldVersion) => createVersion2(db, oldVersion) });
    expect([...v2.objectStoreNames].sort()).toEqual(['events', 'filterLists', 'siteDays']);
    await writeOldRows(v2);
    const stored = { id: 'old-list', info: { id: 'old-list' }, engine: new Uint8Array([9]) };
    await v2.put('filterLists', stored);
    v2.close();

    const db = await openCurrent();
    expect(await db.get('filterLists', 'old-list')).toEqual(stored);
    await db.delete('filterLists', 'old-list');
    await expectUpgraded(db);
    db.close();
  });

  it('upgrades a version-1 database that went through version 2', async () => {
    const v1 = await openDB(DB_NAME, 1, { upgrade: (db) => createVersion1(db) });
    await writeOldRows(v1);
    v1.close();
    const v2 = await openDB(DB_NAME, 2, { upgrade: (db, oldVersion) => createVersion2(db, oldVersion) });
    expect(await v2.count('events')).toBe(3);
    v2.close();

    const db = await openCurrent();
    await expectUpgraded(db);
    db.close();
  });

  it('reopens a current database without changing it', async () => {
    const first = await openCurrent();
    await writeEvents(first, [newEvent({ id: 'k1' })]);
    first.close();
    const again = await openCurrent();
    expect((await again.getAllFromIndex('events', 'fingerprint', 'fp-0000000000abcd')).map((e) => e.id)).toEqual(['k1']);
    expect([...again.objectStoreNames].sort()).toEqual(['events', 'filterLists', 'siteDays']);
    again.close();
  });
});
