import { describe, expect, it } from 'vitest';
import { daysFor, filterRows, nextSort, sortRows } from './table-view';

const rows = [
  { site: 'b.test', impressions: 10, viewable: 5, clicks: 1, dwellMs: 0 },
  { site: 'a.test', impressions: 10, viewable: 8, clicks: 0, dwellMs: 0 },
  { site: 'news.example', impressions: 3, viewable: 3, clicks: 3, dwellMs: 0 },
  { site: 'zero.test', impressions: 0, viewable: 0, clicks: 0, dwellMs: 0 },
];

describe('daysFor', () => {
  const now = new Date(2026, 2, 3, 9, 30); // 3 March 2026, local time
  it('covers today only, or today and the days before', () => {
    expect(daysFor('today', now)).toEqual({ from: '2026-03-03', to: '2026-03-03' });
    expect(daysFor('7d', now)).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(daysFor('30d', now)).toEqual({ from: '2026-02-02', to: '2026-03-03' });
    expect(daysFor('all', now)).toEqual({});
  });
});

describe('sortRows', () => {
  it('sorts by any column, ties by impressions, then clicks, then site, as the dashboard does', () => {
    // a.test and b.test have 10 impressions each: b.test's click ranks it first.
    expect(sortRows(rows, { key: 'impressions', descending: true }).map((r) => r.site)).toEqual(['b.test', 'a.test', 'news.example', 'zero.test']);
    expect(sortRows([rows[1]!, { ...rows[1]!, site: 'a0.test' }], { key: 'viewable', descending: true }).map((r) => r.site)).toEqual(['a.test', 'a0.test']);
    expect(sortRows(rows, { key: 'viewable', descending: false }).map((r) => r.site)).toEqual(['zero.test', 'news.example', 'b.test', 'a.test']);
    expect(sortRows(rows, { key: 'clicks', descending: true }).map((r) => r.site)).toEqual(['news.example', 'b.test', 'a.test', 'zero.test']);
    expect(sortRows(rows, { key: 'site', descending: false }).map((r) => r.site)).toEqual(['a.test', 'b.test', 'news.example', 'zero.test']);
  });

  it('sorts CTR with sites without impressions last when descending', () => {
    expect(sortRows(rows, { key: 'ctr', descending: true }).map((r) => r.site)).toEqual(['news.example', 'b.test', 'a.test', 'zero.test']);
  });

  it('sorts CTR by how sure it is: 2 clicks in 9 impressions ranks after 150 in 1,000, both ways', () => {
    const noisy = [
      { site: 'small.test', impressions: 9, viewable: 9, clicks: 2, dwellMs: 0 },
      { site: 'big.test', impressions: 1000, viewable: 900, clicks: 150, dwellMs: 0 },
      { site: 'dull.test', impressions: 1000, viewable: 900, clicks: 3, dwellMs: 0 },
      { site: 'zero.test', impressions: 0, viewable: 0, clicks: 0, dwellMs: 0 },
    ];
    expect(sortRows(noisy, { key: 'ctr', descending: true }).map((r) => r.site)).toEqual(['big.test', 'small.test', 'dull.test', 'zero.test']);
    // Lowest first: the site surely below the others, then those whose rate could still be low.
    expect(sortRows(noisy, { key: 'ctr', descending: false }).map((r) => r.site)).toEqual(['dull.test', 'big.test', 'small.test', 'zero.test']);
  });

  it('does not change the rows it was given', () => {
    const copy = [...rows];
    sortRows(rows, { key: 'site', descending: true });
    expect(rows).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('flips the same column and starts a new one descending, site ascending', () => {
    expect(nextSort({ key: 'clicks', descending: true }, 'clicks')).toEqual({ key: 'clicks', descending: false });
    expect(nextSort({ key: 'clicks', descending: false }, 'viewable')).toEqual({ key: 'viewable', descending: true });
    expect(nextSort({ key: 'clicks', descending: true }, 'site')).toEqual({ key: 'site', descending: false });
  });
});

describe('filterRows', () => {
  it('keeps sites containing every word, ignoring case', () => {
    expect(filterRows(rows, 'NEWS').map((r) => r.site)).toEqual(['news.example']);
    expect(filterRows(rows, '.test  b').map((r) => r.site)).toEqual(['b.test']);
    expect(filterRows(rows, '   ')).toHaveLength(4);
    expect(filterRows(rows, 'nothing')).toEqual([]);
  });
});
