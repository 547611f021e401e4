/**
 * "My ads" by landing-URL pattern through the landing-host index: the same counts as reading every event of
 * the range, only the named hosts' events read, and every event read while the index is still being filled.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseDay } from '../../common/day';
import type { StoredEvent } from '../../common/types';
import type { WatchEntry } from '../../common/watchlist';
import { storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { deleteEvents, writeEvents } from '../db/events';
import { handleGetWatchStats } from './dashboard-data';

const db = useFreshDb();
vi.mock('../db/open', () => ({ getDb: () => Promise.resolve(db()) }));

function on(day: string, overrides: Partial<StoredEvent>): StoredEvent {
  return storedEvent({ day, time: parseDay(day).getTime() + 12 * 3600_000, ...overrides });
}

async function history() {
  await writeEvents(db(), [
    on('2026-11-20', { site: 'news.test', advertiser: 'acme.com', landingUrl: 'https://acme.com/winter?utm_campaign=winter' }),
    on('2026-11-20', { site: 'news.test', advertiser: 'acme.com', landingUrl: 'https://Acme.com/winter', type: 'click' }),
    on('2026-11-21', { site: 'blog.test', advertiser: 'acme.com', landingUrl: 'https://acme.com/summer' }),
    on('2026-11-21', { site: 'blog.test', advertiser: 'acme.com', landingUrl: 'https://shop.acme.com/winter' }),
    on('2026-11-21', { site: 'news.test', advertiser: 'evil.net', landingUrl: 'https://evil.net/?to=https://acme.com/winter' }),
    on('2026-11-10', { site: 'old.test', advertiser: 'acme.com', landingUrl: 'https://acme.com/winter' }),
    on('2026-11-14', { site: 'edge.test', advertiser: 'acme.com', landingUrl: 'https://acme.com/winter' }),
    on('2026-11-21', { site: 'news.test', advertiser: null, landingUrl: null }),
  ]);
}

const week = { from: '2026-11-15', to: '2026-11-21' };
const winter: WatchEntry = { kind: 'url', value: 'https://acme.com/winter*' };
const shop: WatchEntry = { kind: 'url', value: 'https://shop.acme.com/*' };

/** The answer read from every event of the range: what the handler does while the index is being filled. */
async function scanned(days: { from?: string; to?: string }, entries: WatchEntry[]) {
  await db().put('backfills', { version: 8, dimensions: [], landingHosts: true, after: null, done: 0, total: null });
  const stats = await handleGetWatchStats({ days, entries });
  await db().delete('backfills', 8);
  return stats;
}

describe('landing-URL patterns through the landing-host index', () => {
  it('counts what reading every event counts, for one host, several, and every range', async () => {
    await history();
    for (const days of [week, {}, { from: '2026-11-21', to: '2026-11-21' }]) {
      expect(await handleGetWatchStats({ days, entries: [winter] })).toEqual(await scanned(days, [winter]));
      expect(await handleGetWatchStats({ days, entries: [winter, shop] })).toEqual(await scanned(days, [winter, shop]));
    }
    const stats = await handleGetWatchStats({ days: week, entries: [winter, shop] });
    expect(stats.entries.map((e) => [e.totals.impressions, e.totals.clicks])).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect((await handleGetWatchStats({ days: {}, entries: [winter] })).combined.totals.impressions).toBe(3);
  });

  it('counts a re-sent dwell and a measured ad that got further at their latest values, as the events do', async () => {
    await history();
    const dwell = on('2026-11-20', { id: 'dwell-1', site: 'news.test', advertiser: 'acme.com', landingUrl: 'https://acme.com/winter', type: 'dwell', dwellMs: 1_000 });
    const measured = on('2026-11-20', { id: 'measured-1', site: 'news.test', advertiser: 'acme.com', landingUrl: 'https://acme.com/winter', type: 'measured', reached: 'impression' });
    await writeEvents(db(), [dwell, measured]);
    await writeEvents(db(), [{ ...dwell, dwellMs: 7_000 }, { ...measured, reached: 'viewable' }]);
    const stats = await handleGetWatchStats({ days: week, entries: [winter] });
    expect(stats).toEqual(await scanned(week, [winter]));
    expect(stats.combined.totals.dwellMs).toBe(7_000);
    expect(stats.combined.totals.measuredViewable).toBe(1);
  });

  it('reads only the index: an event missing from it is not counted (so the index is what answered)', async () => {
    await history();
    const [key] = await db().getAllKeys('landingHosts', IDBKeyRange.bound(['acme.com', '2026-11-20', ''], ['acme.com', '2026-11-20', '\uffff']));
    await db().delete('landingHosts', key!);
    expect((await handleGetWatchStats({ days: week, entries: [winter] })).combined.totals.impressions + (await handleGetWatchStats({ days: week, entries: [winter] })).combined.totals.clicks).toBe(1);
    // While an upgrade's backfill fills the index, every event of the range is read instead.
    await db().put('backfills', { version: 8, dimensions: [], landingHosts: true, after: null, done: 0, total: null });
    expect((await handleGetWatchStats({ days: week, entries: [winter] })).combined.totals).toMatchObject({ impressions: 1, clicks: 1 });
  });

  it('follows deletions: a deleted site\'s events leave the index', async () => {
    await history();
    await deleteEvents(db(), { site: 'news.test' });
    expect((await handleGetWatchStats({ days: week, entries: [winter] })).combined.totals).toMatchObject({ impressions: 0, clicks: 0 });
    expect((await db().getAllKeys('landingHosts')).map(([host, day]) => `${host} ${day}`).sort()).toEqual(['acme.com 2026-11-10', 'acme.com 2026-11-14', 'acme.com 2026-11-21', 'shop.acme.com 2026-11-21']);
  });
});
