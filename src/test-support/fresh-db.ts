/**
 * Test support for the database modules: a fresh, empty IndexedDB (fake-indexeddb) opened with the real
 * schema before every test (sample events are in sample-events.ts). Imported by tests only.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, vi } from 'vitest';
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

export { storedEvent } from './sample-events';

/** One site's totals for one day, shaped as the pre-version-4 `siteDays` rows were; undefined when none. */
export async function siteDay(db: IDBPDatabase<AdTallyDB>, site: string, day: string) {
  const row = await db.get('totals', ['site', site, day]);
  return row && { site, day, impressions: row.impressions, viewable: row.viewable, clicks: row.clicks, dwellMs: row.dwellMs };
}
