import { describe, expect, it } from 'vitest';
import { ariaSort, BY_IMPRESSIONS, nextSort, sortKeyed, sortRows } from './sort-rows';

const row = (key: string, impressions: number, clicks: number, viewable = 0) => ({ key, counts: { impressions, viewable, clicks } });
const keys = (rows: { key: string }[]) => rows.map((r) => r.key);

describe('sorting a counts table', () => {
  const rows = [row('small.test', 9, 2, 5), row('big.test', 2000, 300, 1500), row('none.test', 0, 0), row('dull.test', 5000, 10, 4000), row('tiny.test', 3, 0, 3)];

  it('ranks CTR, highest first, by the low end of its 95% interval: 2 of 9 is not above 300 of 2,000', () => {
    expect(keys(sortKeyed(rows, { column: 'ctr', descending: true }))).toEqual(['big.test', 'small.test', 'dull.test', 'tiny.test', 'none.test']);
  });

  it('ranks CTR, lowest first, by the high end: 0 of 3 is not known to be lower than 10 of 5,000', () => {
    expect(keys(sortKeyed(rows, { column: 'ctr', descending: false }))).toEqual(['dull.test', 'big.test', 'small.test', 'tiny.test', 'none.test']);
  });

  it('sorts by a count either way, and by the key A to Z or Z to A', () => {
    expect(keys(sortKeyed(rows, BY_IMPRESSIONS))).toEqual(['dull.test', 'big.test', 'small.test', 'tiny.test', 'none.test']);
    expect(keys(sortKeyed(rows, { column: 'viewable', descending: false }))).toEqual(['none.test', 'tiny.test', 'small.test', 'big.test', 'dull.test']);
    expect(keys(sortKeyed(rows, { column: 'clicks', descending: true }))).toEqual(['big.test', 'dull.test', 'small.test', 'tiny.test', 'none.test']);
    expect(keys(sortKeyed(rows, { column: 'key', descending: false }))).toEqual(['big.test', 'dull.test', 'none.test', 'small.test', 'tiny.test']);
    expect(keys(sortKeyed(rows, { column: 'key', descending: true }))).toEqual(['tiny.test', 'small.test', 'none.test', 'dull.test', 'big.test']);
  });

  it('breaks ties by impressions, then by key, whatever the direction, and leaves the input alone', () => {
    const tied = [row('b.test', 10, 1), row('a.test', 10, 1), row('c.test', 50, 1)];
    expect(keys(sortKeyed(tied, { column: 'clicks', descending: true }))).toEqual(['c.test', 'a.test', 'b.test']);
    expect(keys(sortKeyed(tied, { column: 'clicks', descending: false }))).toEqual(['c.test', 'a.test', 'b.test']);
    expect(keys(tied)).toEqual(['b.test', 'a.test', 'c.test']);
  });

  it('keeps the background’s ranking by impressions: equal impressions go to more clicks, then A to Z', () => {
    const tied = [row('a.test', 10, 0), row('z.test', 10, 2), row('m.test', 10, 0)];
    expect(keys(sortKeyed(tied, BY_IMPRESSIONS))).toEqual(['z.test', 'a.test', 'm.test']);
  });

  it('compares text as people read it: case aside, 2 before 10', () => {
    const sorted = sortRows(['item 10', 'Item 2', 'item 1'], { column: 'name', descending: false }, (s) => s);
    expect(sorted).toEqual(['item 1', 'Item 2', 'item 10']);
  });
});

describe('a click on a header', () => {
  const startsDescending = (column: string) => column !== 'key';

  it('flips the sorted column and starts another its own way', () => {
    expect(nextSort(BY_IMPRESSIONS, 'impressions', startsDescending)).toEqual({ column: 'impressions', descending: false });
    expect(nextSort(BY_IMPRESSIONS, 'key', startsDescending)).toEqual({ column: 'key', descending: false });
    expect(nextSort({ column: 'key', descending: false }, 'ctr', startsDescending)).toEqual({ column: 'ctr', descending: true });
  });

  it('announces the order on the sorted column only', () => {
    expect(ariaSort(BY_IMPRESSIONS, 'impressions')).toBe('descending');
    expect(ariaSort({ column: 'ctr', descending: false }, 'ctr')).toBe('ascending');
    expect(ariaSort(BY_IMPRESSIONS, 'ctr')).toBeUndefined();
  });
});
