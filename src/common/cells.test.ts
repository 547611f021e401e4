import { describe, expect, it } from 'vitest';
import { cellFilterFrom, cellKey, isEmptyFilter, matchesFilter, parseCellKey, sliceTotals, sumCells } from './cells';
import type { CellFields, CellRow } from './cells';

const cell = (site: string, advertiser: string, network = 'Google Ad Manager', kind = 'display'): CellFields => ({ site, advertiser, network, kind });
const row = (fields: CellFields, day: string | undefined, impressions: number, clicks = 0): CellRow => ({ key: cellKey(fields), day, impressions, viewable: 0, clicks, dwellMs: 0 });

describe('cell keys', () => {
  it('read back as the fields they were made of, whatever characters a field holds', () => {
    const fields = cell('news.test', '', 'Net "A", \u0000 [x]', 'native');
    expect(parseCellKey(cellKey(fields))).toEqual(fields);
    // No two different cells share a key, even when a separator would have made them look alike.
    expect(cellKey(cell('a', 'b,c'))).not.toBe(cellKey(cell('a,b', 'c')));
  });

  it('refuse keys AdTally never writes', () => {
    expect(parseCellKey('news.test')).toBeNull();
    expect(parseCellKey('["a","b","c"]')).toBeNull();
    expect(parseCellKey('[1,2,3,4]')).toBeNull();
  });
});

describe('filters', () => {
  it('keep cells equal on every field given; "" picks the unknown value', () => {
    const shoes = cell('news.test', 'shoes.example');
    const hidden = cell('news.test', '');
    expect(matchesFilter(shoes, { site: 'news.test' })).toBe(true);
    expect(matchesFilter(shoes, { site: 'news.test', advertiser: 'bank.example' })).toBe(false);
    expect(matchesFilter(hidden, { advertiser: '' })).toBe(true);
    expect(matchesFilter(shoes, { advertiser: '' })).toBe(false);
    expect(matchesFilter(shoes, { kind: 'native' })).toBe(false);
  });

  it('are read from untrusted input field by field', () => {
    expect(cellFilterFrom({ site: 'a.test', advertiser: 7, kind: 'display', extra: 'x' })).toEqual({ site: 'a.test', kind: 'display' });
    expect(cellFilterFrom(null)).toEqual({});
    expect(cellFilterFrom({ network: 'x'.repeat(2001) })).toEqual({});
    expect(isEmptyFilter({})).toBe(true);
    expect(isEmptyFilter({ advertiser: '' })).toBe(false);
  });
});

describe('sumCells', () => {
  const rows = [
    row(cell('news.test', 'shoes.example'), '2026-11-20', 5, 1),
    row(cell('news.test', 'shoes.example'), '2026-11-21', 2),
    row(cell('blog.test', 'shoes.example', 'Taboola', 'native'), '2026-11-21', 4, 2),
    row(cell('blog.test', 'bank.example'), '2026-11-19', 9),
    { key: 'not a cell', day: '2026-11-21', impressions: 100, viewable: 0, clicks: 0, dwellMs: 0 },
  ];

  it('sums the kept rows per day and per value of each field', () => {
    const slice = sumCells(rows, (c) => c.advertiser === 'shoes.example');
    expect(slice.series.map((d) => [d.day, d.impressions, d.clicks])).toEqual([
      ['2026-11-20', 5, 1],
      ['2026-11-21', 6, 2],
    ]);
    expect(Object.fromEntries([...slice.by.site].map(([k, t]) => [k, t.impressions]))).toEqual({ 'news.test': 7, 'blog.test': 4 });
    expect(Object.fromEntries([...slice.by.network].map(([k, t]) => [k, t.impressions]))).toEqual({ 'Google Ad Manager': 7, Taboola: 4 });
    expect([...slice.by.kind.keys()].sort()).toEqual(['display', 'native']);
    expect(sliceTotals(slice)).toEqual({ impressions: 11, viewable: 0, clicks: 3, dwellMs: 0 });
  });

  it('skips rows whose key is not a cell, and all-time rows add no day', () => {
    expect(sliceTotals(sumCells(rows, () => true)).impressions).toBe(20);
    const allTime = sumCells([row(cell('a.test', ''), undefined, 3)], () => true);
    expect(allTime.series).toEqual([]);
    expect(sliceTotals(allTime).impressions).toBe(3);
  });
});
