/**
 * What the popup's table shows: the date range in days, the search, and the sort. Pure, so every choice
 * is unit-tested without a browser.
 */
import { localDay } from '../common/day';
import type { DayRange, SiteStats } from '../common/types';
import { sortKeyed } from '../ui/sort-rows';
import type { KeyedColumn } from '../ui/sort-rows';

export type RangeChoice = 'today' | '7d' | '30d' | 'all';
export const RANGE_CHOICES: readonly { id: RangeChoice; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: '7d', label: '7 days' },
  { id: '30d', label: '30 days' },
  { id: 'all', label: 'All time' },
];

/** The local days a choice covers, today included: "7 days" is today and the six days before. */
export function daysFor(choice: RangeChoice, now: Date): DayRange {
  if (choice === 'all') return {};
  const back = choice === 'today' ? 0 : choice === '7d' ? 6 : 29;
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - back, 12);
  return { from: localDay(from.getTime()), to: localDay(now.getTime()) };
}

export const SORT_KEYS = ['site', 'impressions', 'viewable', 'clicks', 'ctr'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}
export const DEFAULT_SORT: Sort = { key: 'impressions', descending: true };

/**
 * Sorted as every AdTally table sorts (ui/sort-rows.ts `sortKeyed`, the one source): by the column, ties to
 * more impressions, then more clicks, then the site A to Z, the background's own ranking. CTR sorts by what
 * its 95% interval makes sure of (common/ctr-interval.ts): 2 clicks in 9 impressions (22%) no longer tops
 * 150 in 1,000 (15%).
 */
export function sortRows(rows: readonly SiteStats[], sort: Sort): SiteStats[] {
  const column: KeyedColumn = sort.key === 'site' ? 'key' : sort.key;
  return sortKeyed(
    rows.map((row) => ({ key: row.site, counts: row, row })),
    { column, descending: sort.descending },
  ).map(({ row }) => row);
}

/** A click on a column: the same column flips its direction; another starts descending (site: A to Z). */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key !== 'site' };
}

/** Rows whose site contains every word of the query, ignoring case. */
export function filterRows(rows: readonly SiteStats[], query: string): SiteStats[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => words.every((w) => r.site.toLowerCase().includes(w)));
}
