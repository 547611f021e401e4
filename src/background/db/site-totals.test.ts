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
    site: 'news.test',
    day: '2025-06-15',
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
      { site: 'news.test', impressions: 3, viewable: 0, clicks: 1 },
      { site: 'blog.test', impressions: 1, viewable: 0, clicks: 1 },
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
    expect(await readSiteTotals(db)).toEqual([{ site: 'a.test', impressions: 1, viewable: 0, clicks: 1 }]);
  });
});

describe('sortByImpressions', () => {
  it('sorts by impressions desc, then clicks desc, then site asc', () => {
    const rows = [
      { site: 'b', impressions: 5, viewable: 0, clicks: 1 },
      { site: 'a', impressions: 5, viewable: 0, clicks: 1 },
      { site: 'c', impressions: 5, viewable: 0, clicks: 2 },
      { site: 'd', impressions: 9, viewable: 0, clicks: 0 },
      { site: 'e', impressions: 0, viewable: 0, clicks: 0 },
    ];
    expect(sortByImpressions(rows).map((r) => r.site)).toEqual(['d', 'c', 'a', 'b', 'e']);
  });
});
