/**
 * The popup's own read of the all-time rows (common/all-time-sites.ts) against the background's answer
 * (readSiteTotals), on databases built by the real schema and write path: the popup may show what it read
 * itself only because these agree. Here, not in common/, because the proof needs the background's schema.
 */
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { readAllTimeSites } from '../../common/all-time-sites';
import type { SiteStats } from '../../common/types';
import { storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { deleteEvents, writeEvents } from './events';
import { DB_NAME, DB_VERSION } from './schema';
import { readSiteTotals } from './totals';

const db = useFreshDb();
const schema = { name: DB_NAME, version: DB_VERSION };
const yes = Promise.resolve(true);
const bySite = (rows: SiteStats[] | null) => rows && [...rows].sort((a, b) => a.site.localeCompare(b.site));

describe('readAllTimeSites', () => {
  it('reads the rows the background reads, after writes, a re-sent batch and a deletion', async () => {
    const batch = [
      storedEvent({ site: 'news.test', day: '2025-06-14' }),
      storedEvent({ site: 'news.test', day: '2025-06-15', type: 'viewable' }),
      storedEvent({ site: 'news.test', day: '2025-06-15', type: 'click' }),
      storedEvent({ site: 'blog.test', day: '2025-06-16', type: 'dwell', dwellMs: 1500 }),
      storedEvent({ site: 'shop.test', day: '2025-06-16' }),
    ];
    await writeEvents(db(), batch);
    await writeEvents(db(), batch.slice(0, 2));
    await deleteEvents(db(), { site: 'shop.test' });

    const direct = await readAllTimeSites(indexedDB, schema, yes);
    expect(direct).not.toBeNull();
    expect(bySite(direct)).toEqual(bySite(await readSiteTotals(db())));
    expect(direct!.map((r) => r.site).sort()).toEqual(['blog.test', 'news.test']);
  });

  it('answers no rows for an empty database', async () => {
    expect(await readAllTimeSites(indexedDB, schema, yes)).toEqual([]);
  });

  it('leaves a database at another version to the background', async () => {
    await writeEvents(db(), [storedEvent()]);
    expect(await readAllTimeSites(indexedDB, { ...schema, version: DB_VERSION + 1 }, yes)).toBeNull();
  });

  it('neither creates a database that does not exist nor blocks the background from creating it', async () => {
    const factory = new IDBFactory();
    expect(await readAllTimeSites(factory, { name: 'adtally-not-yet', version: DB_VERSION }, yes)).toEqual([]);
    expect((await factory.databases()).map((d) => d.name)).not.toContain('adtally-not-yet');
  });

  it('never blocks an upgrade asked for while it reads, and still answers', async () => {
    await writeEvents(db(), [storedEvent({ site: 'news.test' })]);
    db().close();
    const reading = readAllTimeSites(indexedDB, schema, yes);
    let blocked = false;
    const upgraded = await openDB(DB_NAME, DB_VERSION + 1, { blocked: () => (blocked = true) });
    upgraded.close();
    expect(blocked).toBe(false);
    expect((await reading)?.map((r) => r.site)).toEqual(['news.test']);
  });

  it('leaves the rows to the background when it may not read them, even an empty answer', async () => {
    await writeEvents(db(), [storedEvent({ site: 'news.test' })]);
    expect(await readAllTimeSites(indexedDB, schema, Promise.resolve(false))).toBeNull();
    expect(await readAllTimeSites(indexedDB, schema, Promise.reject(new Error('storage failed')))).toBeNull();
    expect(await readAllTimeSites(new IDBFactory(), { name: 'adtally-not-yet', version: DB_VERSION }, Promise.resolve(false))).toBeNull();
  });

  it('steps aside for an upgrade asked for while it waits to know whether it may read', async () => {
    await writeEvents(db(), [storedEvent({ site: 'news.test' })]);
    db().close();
    let allow!: (ok: boolean) => void;
    const reading = readAllTimeSites(indexedDB, schema, new Promise<boolean>((resolve) => (allow = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    let blocked = false;
    const upgraded = await openDB(DB_NAME, DB_VERSION + 1, { blocked: () => (blocked = true) });
    upgraded.close();
    allow(true);
    expect(blocked).toBe(false);
    expect(await reading).toBeNull();
  });
});
