import { describe, expect, it } from 'vitest';
import { storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { writeEvents } from './events';
import { readSiteTotals, sortByImpressions } from './site-totals';

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

  it('reads day rows written before version 3 (no dwellMs) as 0 dwell', async () => {
    await db().put('siteDays', { site: 'old.test', day: '2025-01-02', impressions: 3, viewable: 1, clicks: 1 });
    await writeEvents(db(), [storedEvent({ site: 'old.test', day: '2025-06-15', type: 'dwell', id: 'pv:ad9:dwell', dwellMs: 300 })]);
    expect(await readSiteTotals(db())).toEqual([{ site: 'old.test', impressions: 3, viewable: 1, clicks: 1, dwellMs: 300 }]);
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
