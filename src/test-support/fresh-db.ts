/**
 * Test support for the database modules: a fresh, empty IndexedDB (fake-indexeddb) opened with the real
 * schema before every test, and stored events with sensible defaults. Imported by tests only.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, vi } from 'vitest';
import type { StoredEvent } from '../common/types';
import { DB_NAME, DB_VERSION, upgrade } from '../background/db/schema';
import type { AdTallyDB } from '../background/db/schema';

/** Registers the per-test database; call at the top of a test file and read the database through the getter. */
export function useFreshDb(): () => IDBPDatabase<AdTallyDB> {
  let db: IDBPDatabase<AdTallyDB>;
  beforeEach(async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    db = await openDB<AdTallyDB>(DB_NAME, DB_VERSION, {
      upgrade: (database, oldVersion, _newVersion, tx) => upgrade(database, oldVersion, tx),
    });
  });
  afterEach(() => {
    db.close();
    vi.unstubAllGlobals();
  });
  return () => db;
}

let counter = 0;

/** A stored impression on news.test on 2025-06-15, with a new id each call unless overridden. */
export function storedEvent(overrides: Partial<StoredEvent> = {}): StoredEvent {
  counter++;
  return {
    id: `ev-${counter}`,
    type: 'impression',
    time: Date.UTC(2025, 5, 15, 12, 0, 0),
    pageViewId: 'pv-1',
    adId: 'ad1',
    rule: 'sig:gpt-div',
    kind: 'display',
    network: 'Google Ad Manager',
    width: 300,
    height: 250,
    inFrame: false,
    inferred: false,
    focused: true,
    dwellMs: 0,
    fingerprint: 'fp-00000000000001',
    landingUrl: null,
    site: 'news.test',
    day: '2025-06-15',
    advertiser: null,
    pageUrl: 'https://news.test/world/story.html',
    ...overrides,
  };
}

/** One site's totals for one day, shaped as the pre-version-4 `siteDays` rows were; undefined when none. */
export async function siteDay(db: IDBPDatabase<AdTallyDB>, site: string, day: string) {
  const row = await db.get('totals', ['site', site, day]);
  return row && { site, day, impressions: row.impressions, viewable: row.viewable, clicks: row.clicks, dwellMs: row.dwellMs };
}
