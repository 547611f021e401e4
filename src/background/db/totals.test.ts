import { describe, expect, it } from 'vitest';
import { storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { writeEvents } from './events';
import { readDailySeries, readSiteTotals, readTotalsBy, sortByImpressions, topByImpressions } from './totals';

const db = useFreshDb();

describe('readSiteTotals', () => {
  it('is empty for an empty database', async () => {
    expect(await readSiteTotals(db())).toEqual([]);
  });

  it('sums each site over its days, most impressions first', async () => {
    await writeEvents(db(), [
      storedEvent({ site: 'blog.test', day: '2025-06-14' }),
      storedEvent({ site: 'news.test', day: '2025-06-14' }),
      storedEvent({ site: 'news.test', day: '2025-06-15' }),
      storedEvent({ site: 'news.test', day: '2025-06-15', type: 'click' }),
      storedEvent({ site: 'blog.test', day: '2025-06-15', type: 'click' }),
      storedEvent({ site: 'news.test', day: '2025-06-16' }),
    ]);
    expect(await readSiteTotals(db())).toEqual([
      { site: 'news.test', impressions: 3, viewable: 0, clicks: 1, dwellMs: 0 },
      { site: 'blog.test', impressions: 1, viewable: 0, clicks: 1, dwellMs: 0 },
    ]);
  });

  it('breaks ties by clicks, then by site name', async () => {
    await writeEvents(db(), [
      storedEvent({ site: 'b.test' }),
      storedEvent({ site: 'a.test' }),
      storedEvent({ site: 'c.test' }),
      storedEvent({ site: 'c.test', type: 'click' }),
      storedEvent({ site: 'z.test' }),
      storedEvent({ site: 'z.test' }),
    ]);
    expect((await readSiteTotals(db())).map((r) => r.site)).toEqual(['z.test', 'c.test', 'a.test', 'b.test']);
  });

  it('counts a retried batch once', async () => {
    const batch = [storedEvent({ site: 'a.test' }), storedEvent({ site: 'a.test', type: 'click' })];
    await writeEvents(db(), batch);
    await writeEvents(db(), batch);
    expect(await readSiteTotals(db())).toEqual([{ site: 'a.test', impressions: 1, viewable: 0, clicks: 1, dwellMs: 0 }]);
  });
});

describe('readSiteTotals with viewable and dwell', () => {
  it('sums viewable and dwell over the days of each site', async () => {
    await writeEvents(db(), [
      storedEvent({ site: 'news.test', day: '2025-06-14' }),
      storedEvent({ site: 'news.test', day: '2025-06-14', type: 'viewable' }),
      storedEvent({ site: 'news.test', day: '2025-06-14', type: 'dwell', id: 'pv-a:ad1:dwell', dwellMs: 1_200 }),
      storedEvent({ site: 'news.test', day: '2025-06-15', type: 'viewable' }),
      storedEvent({ site: 'news.test', day: '2025-06-15', type: 'dwell', id: 'pv-b:ad1:dwell', dwellMs: 800 }),
      storedEvent({ site: 'blog.test', day: '2025-06-15', type: 'dwell', id: 'pv-c:ad1:dwell', dwellMs: 50 }),
    ]);
    expect(await readSiteTotals(db())).toEqual([
      { site: 'news.test', impressions: 1, viewable: 2, clicks: 0, dwellMs: 2_000 },
      { site: 'blog.test', impressions: 0, viewable: 0, clicks: 0, dwellMs: 50 },
    ]);
  });

  it('grows a site total dwell by the difference when a dwell event is re-sent larger, and not when smaller', async () => {
    await writeEvents(db(), [storedEvent({ site: 'a.test', type: 'impression' }), storedEvent({ site: 'a.test', type: 'dwell', id: 'pv:ad1:dwell', dwellMs: 1_000 })]);
    await writeEvents(db(), [storedEvent({ site: 'a.test', type: 'dwell', id: 'pv:ad1:dwell', dwellMs: 2_500 })]);
    expect(await readSiteTotals(db())).toEqual([{ site: 'a.test', impressions: 1, viewable: 0, clicks: 0, dwellMs: 2_500 }]);
    await writeEvents(db(), [storedEvent({ site: 'a.test', type: 'dwell', id: 'pv:ad1:dwell', dwellMs: 2_000 })]);
    await writeEvents(db(), [storedEvent({ site: 'a.test', type: 'dwell', id: 'pv:ad1:dwell', dwellMs: 2_500 })]);
    expect(await readSiteTotals(db())).toEqual([{ site: 'a.test', impressions: 1, viewable: 0, clicks: 0, dwellMs: 2_500 }]);
  });

});

describe('date ranges and dimensions', () => {
  const week = () =>
    writeEvents(db(), [
      storedEvent({ site: 'a.test', day: '2025-06-10', advertiser: 'shop.example', network: 'Taboola', kind: 'native' }),
      storedEvent({ site: 'a.test', day: '2025-06-12', advertiser: 'shop.example', type: 'click' }),
      storedEvent({ site: 'b.test', day: '2025-06-12', advertiser: null }),
      storedEvent({ site: 'b.test', day: '2025-06-16', advertiser: 'other.example', type: 'viewable' }),
    ]);

  it('keeps only the days in the range, both ends included', async () => {
    await week();
    expect(await readSiteTotals(db(), { from: '2025-06-12', to: '2025-06-12' })).toEqual([
      { site: 'b.test', impressions: 1, viewable: 0, clicks: 0, dwellMs: 0 },
      { site: 'a.test', impressions: 0, viewable: 0, clicks: 1, dwellMs: 0 },
    ]);
    expect((await readSiteTotals(db(), { from: '2025-06-11' })).map((r) => [r.site, r.impressions, r.viewable, r.clicks])).toEqual([
      ['b.test', 1, 1, 0],
      ['a.test', 0, 0, 1],
    ]);
    expect((await readSiteTotals(db(), { to: '2025-06-10' })).map((r) => r.site)).toEqual(['a.test']);
    expect(await readSiteTotals(db(), { from: '2025-07-01' })).toEqual([]);
  });

  it('sums per advertiser, network and kind, with unknown values under ""', async () => {
    await week();
    const byAdvertiser = await readTotalsBy(db(), 'advertiser');
    expect(Object.fromEntries([...byAdvertiser].map(([k, t]) => [k, [t.impressions, t.viewable, t.clicks]]))).toEqual({
      '': [1, 0, 0],
      'other.example': [0, 1, 0],
      'shop.example': [1, 0, 1],
    });
    expect([...(await readTotalsBy(db(), 'network')).keys()].sort()).toEqual(['Google Ad Manager', 'Taboola']);
    expect((await readTotalsBy(db(), 'kind')).get('native')).toEqual({ impressions: 1, viewable: 0, clicks: 0, dwellMs: 0 });
  });

  it('gives a daily series over everything, oldest first', async () => {
    await week();
    expect(await readDailySeries(db(), 'all', '', { from: '2025-06-11' })).toEqual([
      { day: '2025-06-12', impressions: 1, viewable: 0, clicks: 1, dwellMs: 0 },
      { day: '2025-06-16', impressions: 0, viewable: 1, clicks: 0, dwellMs: 0 },
    ]);
    expect((await readDailySeries(db(), 'site', 'a.test')).map((r) => r.day)).toEqual(['2025-06-10', '2025-06-12']);
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

describe('topByImpressions', () => {
  const t = (impressions: number, clicks = 0) => ({ impressions, viewable: 0, clicks, dwellMs: 0 });
  it('keeps the keys with most impressions, ties by clicks then key, at most the limit', () => {
    const sums = new Map([
      ['c.test', t(5)],
      ['a.test', t(9)],
      ['b.test', t(5, 2)],
      ['d.test', t(5)],
      ['e.test', t(1)],
    ]);
    expect(topByImpressions(sums, 4).map((r) => r.key)).toEqual(['a.test', 'b.test', 'c.test', 'd.test']);
    expect(topByImpressions(sums, 1)).toEqual([{ key: 'a.test', impressions: 9, viewable: 0, clicks: 0, dwellMs: 0 }]);
    expect(topByImpressions(sums, 0)).toEqual([]);
  });
});

describe('readTotalsBy over a range that holds every day with data', () => {
  it('reads the all-time rows, and sums the days for a range that leaves some out', async () => {
    await writeEvents(db(), [storedEvent({ site: 'a.test', day: '2025-06-14' }), storedEvent({ site: 'a.test', day: '2025-06-16' })]);
    // Mark the all-time row, to see which rows a read used.
    await db().put('allTime', { dimension: 'site', key: 'a.test', impressions: 99, viewable: 0, clicks: 0, dwellMs: 0 });
    expect((await readTotalsBy(db(), 'site', { from: '2025-06-14', to: '2025-06-16' })).get('a.test')?.impressions).toBe(99);
    expect((await readTotalsBy(db(), 'site', { from: '2024-01-01' })).get('a.test')?.impressions).toBe(99);
    expect((await readTotalsBy(db(), 'site', { from: '2025-06-15' })).get('a.test')?.impressions).toBe(1);
    expect((await readTotalsBy(db(), 'site', { to: '2025-06-15' })).get('a.test')?.impressions).toBe(1);
  });
});
