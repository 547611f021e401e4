/**
 * What the popup's table shows: the date range in days, the search, and the sort. Pure, so every choice
 * is unit-tested without a browser.
 */
import { ctrSortValue } from '../common/ctr-interval';
import { localDay } from '../common/day';
import type { DayRange, SiteStats } from '../common/types';

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
 * Sorted by the key, then by impressions and site so equal rows keep a stable order. CTR sorts by what its
 * 95% interval makes sure of (common/ctr-interval.ts): 2 clicks in 9 impressions (22%) no longer tops 150 in
 * 1,000 (15%).
 */
export function sortRows(rows: readonly SiteStats[], sort: Sort): SiteStats[] {
  const sign = sort.descending ? -1 : 1;
  const value = (r: SiteStats): number | string =>
    sort.key === 'site' ? r.site : sort.key === 'ctr' ? ctrSortValue(r.clicks, r.impressions, sort.descending) : r[sort.key];
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const primary = typeof va === 'string' ? va.localeCompare(vb as string) : va - (vb as number);
    return sign * primary || b.impressions - a.impressions || a.site.localeCompare(b.site);
  });
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
