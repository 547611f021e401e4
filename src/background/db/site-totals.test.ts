import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../../common/types';
import { writeEvents } from './events';
import { DB_NAME, DB_VERSION, upgrade } from './schema';
import type { AdTallyDB } from './schema';
import { readSiteTotals, sortByImpressions } from './site-totals';

let db: IDBPDatabase<AdTallyDB>;

beforeEach(async () => {
  // A fresh, empty IndexedDB for every test.
  vi.stubGlobal('indexedDB', new IDBFactory());
  db = await openDB<AdTallyDB>(DB_NAME, DB_VERSION, {
    upgrade: (database, oldVersion, _newVersion, tx) => upgrade(database, oldVersion, tx),
  });
});

afterEach(() => {
  db.close();
  vi.unstubAllGlobals();
});

let counter = 0;
function stored(overrides: Partial<StoredEvent> = {}): StoredEvent {
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
    ...overrides,
  };
}

describe('readSiteTotals', () => {
  it('is empty for an empty database', async () => {
    expect(await readSiteTotals(db)).toEqual([]);
  });

  it('sums each site over its days, most impressions first', async () => {
    await writeEvents(db, [
      stored({ site: 'blog.test', day: '2025-06-14' }),
      stored({ site: 'news.test', day: '2025-06-14' }),
      stored({ site: 'news.test', day: '2025-06-15' }),
      stored({ site: 'news.test', day: '2025-06-15', type: 'click' }),
      stored({ site: 'blog.test', day: '2025-06-15', type: 'click' }),
      stored({ site: 'news.test', day: '2025-06-16' }),
    ]);
    expect(await readSiteTotals(db)).toEqual([
      { site: 'news.test', impressions: 3, viewable: 0, clicks: 1, dwellMs: 0 },
      { site: 'blog.test', impressions: 1, viewable: 0, clicks: 1, dwellMs: 0 },
    ]);
  });

  it('breaks ties by clicks, then by site name', async () => {
    await writeEvents(db, [
      stored({ site: 'b.test' }),
      stored({ site: 'a.test' }),
      stored({ site: 'c.test' }),
      stored({ site: 'c.test', type: 'click' }),
      stored({ site: 'z.test' }),
      stored({ site: 'z.test' }),
    ]);
    expect((await readSiteTotals(db)).map((r) => r.site)).toEqual(['z.test', 'c.test', 'a.test', 'b.test']);
  });

  it('counts a retried batch once', async () => {
    const batch = [stored({ site: 'a.test' }), stored({ site: 'a.test', type: 'click' })];
    await writeEvents(db, batch);
    await writeEvents(db, batch);
    expect(await readSiteTotals(db)).toEqual([{ site: 'a.test', impressions: 1, viewable: 0, clicks: 1, dwellMs: 0 }]);
  });
});

describe('readSiteTotals with viewable and dwell', () => {
  it('sums viewable and dwell over the days of each site', async () => {
    await writeEvents(db, [
      stored({ site: 'news.test', day: '2025-06-14' }),
      stored({ site: 'news.test', day: '2025-06-14', type: 'viewable' }),
      stored({ site: 'news.test', day: '2025-06-14', type: 'dwell', id: 'pv-a:ad1:dwell', dwellMs: 1_200 }),
      stored({ site: 'news.test', day: '2025-06-15', type: 'viewable' }),
      stored({ site: 'news.test', day: '2025-06-15', type: 'dwell', id: 'pv-b:ad1:dwell', dwellMs: 800 }),
      stored({ site: 'blog.test', day: '2025-06-15', type: 'dwell', id: 'pv-c:ad1:dwell', dwellMs: 50 }),
    ]);
    expect(await readSiteTotals(db)).toEqual([
      { site: 'news.test', impressions: 1, viewable: 2, clicks: 0, dwellMs: 2_000 },
      { site: 'blog.test', impressions: 0, viewable: 0, clicks: 0, dwellMs: 50 },
    ]);
  });

  it('grows a site total dwell by the difference when a dwell event is re-sent larger, and not when smaller', async () => {
    await writeEvents(db, [stored({ site: 'a.test', type: 'impression' }), stored({ site: 'a.test', type: 'dwell', id: 'pv:ad1:dwell', dwellMs: 1_000 })]);
    await writeEvents(db, [stored({ site: 'a.test', type: 'dwell', id: 'pv:ad1:dwell', dwellMs: 2_500 })]);
    expect(await readSiteTotals(db)).toEqual([{ site: 'a.test', impressions: 1, viewable: 0, clicks: 0, dwellMs: 2_500 }]);
    await writeEvents(db, [stored({ site: 'a.test', type: 'dwell', id: 'pv:ad1:dwell', dwellMs: 2_000 })]);
    await writeEvents(db, [stored({ site: 'a.test', type: 'dwell', id: 'pv:ad1:dwell', dwellMs: 2_500 })]);
    expect(await readSiteTotals(db)).toEqual([{ site: 'a.test', impressions: 1, viewable: 0, clicks: 0, dwellMs: 2_500 }]);
  });

  it('reads day rows written before version 3 (no dwellMs) as 0 dwell', async () => {
    await db.put('siteDays', { site: 'old.test', day: '2025-01-02', impressions: 3, viewable: 1, clicks: 1 });
    await writeEvents(db, [stored({ site: 'old.test', day: '2025-06-15', type: 'dwell', id: 'pv:ad9:dwell', dwellMs: 300 })]);
    expect(await readSiteTotals(db)).toEqual([{ site: 'old.test', impressions: 3, viewable: 1, clicks: 1, dwellMs: 300 }]);
  });
});

describe('sortByImpressions', () => {
  it('sorts by impressions desc, then clicks desc, then site asc', () => {
    const rows = [
      { site: 'b', impressions: 5, viewable: 0, clicks: 1, dwellMs: 0 },
      { site: 'a', impressions: 5, viewable: 0, clicks: 1, dwellMs: 0 },
      { site: 'c', impressions: 5, viewable: 0, clicks: 2, dwellMs: 0 },
      { site: 'd', impressions: 9, viewable: 0, clicks: 0, dwellMs: 0 },
      { site: 'e', impressions: 0, viewable: 0, clicks: 0, dwellMs: 0 },
    ];
    expect(sortByImpressions(rows).map((r) => r.site)).toEqual(['d', 'c', 'a', 'b', 'e']);
  });
});
