import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../../common/types';
import { writeEvents } from './events';
import { DB_NAME, DB_VERSION, upgrade } from './schema';
import type { AdTallyDB } from './schema';

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

describe('writeEvents', () => {
  it('stores the events and their daily totals per site', async () => {
    const batch = [
      stored({ id: 'i1' }),
      stored({ id: 'i2' }),
      stored({ id: 'c1', type: 'click', inFrame: true }),
      stored({ id: 'i3', day: '2025-06-16' }),
    ];
    const ids = await writeEvents(db, batch);
    expect(ids.sort()).toEqual(['c1', 'i1', 'i2', 'i3']);
    expect(await db.count('events')).toBe(4);
    expect(await db.get('events', 'c1')).toEqual(batch[2]);
    expect(await db.get('siteDays', ['news.test', '2025-06-15'])).toEqual({
      site: 'news.test',
      day: '2025-06-15',
      impressions: 2,
      viewable: 0,
      clicks: 1,
    });
    expect(await db.get('siteDays', ['news.test', '2025-06-16'])).toEqual({
      site: 'news.test',
      day: '2025-06-16',
      impressions: 1,
      viewable: 0,
      clicks: 0,
    });
  });

  it('adds to the totals already stored', async () => {
    await writeEvents(db, [stored(), stored({ type: 'click' })]);
    await writeEvents(db, [stored(), stored(), stored({ type: 'click' })]);
    expect(await db.get('siteDays', ['news.test', '2025-06-15'])).toMatchObject({ impressions: 3, clicks: 2 });
    expect(await db.count('events')).toBe(5);
  });

  it('is idempotent: the same batch written twice changes nothing and returns the ids both times', async () => {
    const batch = [stored({ id: 'a' }), stored({ id: 'b', type: 'click' }), stored({ id: 'c', site: 'blog.test' })];
    const first = await writeEvents(db, batch);
    const eventsBefore = await db.getAll('events');
    const daysBefore = await db.getAll('siteDays');
    const second = await writeEvents(db, batch);
    expect(first.sort()).toEqual(['a', 'b', 'c']);
    expect(second.sort()).toEqual(['a', 'b', 'c']);
    expect(await db.getAll('events')).toEqual(eventsBefore);
    expect(await db.getAll('siteDays')).toEqual(daysBefore);
  });

  it('stores only the new events of a batch that overlaps a stored one', async () => {
    await writeEvents(db, [stored({ id: 'a' }), stored({ id: 'b' })]);
    const ids = await writeEvents(db, [stored({ id: 'b' }), stored({ id: 'c' })]);
    expect(ids.sort()).toEqual(['b', 'c']);
    expect(await db.count('events')).toBe(3);
    expect(await db.get('siteDays', ['news.test', '2025-06-15'])).toMatchObject({ impressions: 3 });
  });

  it('counts an id repeated inside one batch once, and returns it once', async () => {
    const ids = await writeEvents(db, [stored({ id: 'dup' }), stored({ id: 'dup' }), stored({ id: 'other' })]);
    expect(ids.sort()).toEqual(['dup', 'other']);
    expect(await db.count('events')).toBe(2);
    expect(await db.get('siteDays', ['news.test', '2025-06-15'])).toMatchObject({ impressions: 2, clicks: 0 });
  });

  it('writes nothing for an empty batch', async () => {
    expect(await writeEvents(db, [])).toEqual([]);
    expect(await db.count('events')).toBe(0);
    expect(await db.count('siteDays')).toBe(0);
  });
});
