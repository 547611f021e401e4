/**
 * How AdTally's tables sort: by any column, the same column again for the other way, with ties broken so
 * equal rows keep one stable order. Pure, so every order is unit-tested without a browser.
 *
 * A CTR column sorts by its 95% Wilson interval (common/ctr-interval.ts), not by the bare rate: 2 clicks in
 * 9 impressions (22%) would otherwise rank above 300 in 2,000 (15%), though one click more or less moves
 * the first by 11 points. Highest first ranks by the interval's low end, lowest first by its high end.
 */
import { ctrSortValue } from '../common/ctr-interval';
import { measuredRates } from '../common/counts';
import type { Totals } from '../common/types';

export interface Sort<C extends string = string> {
  column: C;
  descending: boolean;
}

export type SortValue = number | string;

/** A row's counts: the three counts, and the measured ones where the row has them (docs/measurement.md). */
export type Counts = Pick<Totals, 'impressions' | 'viewable' | 'clicks' | 'measured' | 'measuredInView' | 'measuredViewable'>;

export const COUNT_COLUMNS = ['impressions', 'viewable', 'clicks', 'ctr', 'inView', 'viewability'] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];

/**
 * The value a count column sorts by: the count itself; for CTR the bound of its interval (see above); for
 * the in-view and viewability rates the rate, with rows that have none ("n/a") last either way.
 */
export function countSortValue(counts: Counts, column: CountColumn, descending: boolean): number {
  if (column === 'ctr') return ctrSortValue(counts.clicks, counts.impressions, descending);
  if (column === 'inView' || column === 'viewability') {
    const rates = measuredRates(counts);
    if (!rates) return descending ? -1 : 2;
    return column === 'inView' ? rates.inView : rates.viewable;
  }
  return counts[column];
}

/** Text in the reading order people expect (a before B, 2 before 10), numbers by size. */
function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true, sensitivity: 'base' });
}

/**
 * The rows in the sort's order; `valueOf` reads a row's value in a column (told the direction, which the
 * CTR's value depends on), `tieBreak` orders rows whose values are equal, whatever the direction.
 */
export function sortRows<R, C extends string>(
  rows: readonly R[],
  sort: Sort<C>,
  valueOf: (row: R, column: C, descending: boolean) => SortValue,
  tieBreak: (a: R, b: R) => number = () => 0,
): R[] {
  const sign = sort.descending ? -1 : 1;
  return rows
    .map((row) => ({ row, value: valueOf(row, sort.column, sort.descending) }))
    .sort((a, b) => sign * compareValues(a.value, b.value) || tieBreak(a.row, b.row))
    .map(({ row }) => row);
}

/**
 * A click on a column's header: the same column flips its direction; another starts the way people read
 * it first (counts and dates: highest and newest first; names: A to Z).
 */
export function nextSort<C extends string>(current: Sort<C>, column: C, startsDescending: (column: C) => boolean): Sort<C> {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: startsDescending(column) };
}

/** The header's aria-sort: only the sorted column has one. */
export function ariaSort<C extends string>(sort: Sort<C>, column: C): 'ascending' | 'descending' | undefined {
  if (sort.column !== column) return undefined;
  return sort.descending ? 'descending' : 'ascending';
}

/** A row of a counts table: its key (site, advertiser, day …) and its counts. */
export interface KeyedCounts {
  key: string;
  counts: Counts;
}

export type KeyedColumn = 'key' | CountColumn;

/** Counts tables open with most impressions first, as the background ranks them. */
export const BY_IMPRESSIONS: Sort<KeyedColumn> = { column: 'impressions', descending: true };

/**
 * Counts tables: by key or any count; ties go to more impressions, then more clicks, then the key A to Z,
 * the background's own ranking (topByImpressions), so the default sort keeps its order exactly.
 */
export function sortKeyed<R extends KeyedCounts>(rows: readonly R[], sort: Sort<KeyedColumn>): R[] {
  return sortRows(
    rows,
    sort,
    (row, column, descending) => (column === 'key' ? row.key : countSortValue(row.counts, column, descending)),
    (a, b) => b.counts.impressions - a.counts.impressions || b.counts.clicks - a.counts.clicks || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
