/**
 * Reading the daily totals: every first screen (the popup's table, the dashboard's chart and top lists)
 * reads these few rows, never the raw events, so it stays fast at millions of events.
 */
import type { IDBPDatabase } from 'idb';
import type { DailyTotals, DayRange, KeyStats, SiteStats } from '../../common/types';
import { addCounts, pickCounts, ZERO_COUNTS } from '../../common/counts';
import type { Dimension, Totals } from './aggregates';
import type { AdTallyDB } from './schema';

/** The index range of one dimension's rows over a range of days (both ends included, open ends allowed). */
function rangeOf(dimension: Dimension, days: DayRange): IDBKeyRange {
  // '' sorts before every day and '\uffff' after, so an open end covers all days.
  return IDBKeyRange.bound([dimension, days.from ?? ''], [dimension, days.to ?? '\uffff']);
}

/**
 * Each key of a dimension (each site, each advertiser …) with its totals over the range. All time (no end
 * given) reads the all-time rows, one per key; a range sums the daily rows, one per key and day.
 */
export async function readTotalsBy(db: IDBPDatabase<AdTallyDB>, dimension: Dimension, days: DayRange = {}): Promise<Map<string, Totals>> {
  const sums = new Map<string, Totals>();
  if (await coversEveryDay(db, days)) {
    for (const row of await db.getAll('allTime', IDBKeyRange.bound([dimension, ''], [dimension, '\uffff']))) sums.set(row.key, addCounts(ZERO_COUNTS, row));
    return sums;
  }
  for (const row of await db.getAllFromIndex('totals', 'dimensionDay', rangeOf(dimension, days))) {
    sums.set(row.key, addCounts(sums.get(row.key) ?? ZERO_COUNTS, row));
  }
  return sums;
}

/**
 * Whether the range includes every day that has data (the first and the last `all` row, one key read each):
 * then the all-time rows are its sums, and "1 year" in a first year of use reads one row per key.
 */
export async function coversEveryDay(db: IDBPDatabase<AdTallyDB>, days: DayRange): Promise<boolean> {
  if (!days.from && !days.to) return true;
  const all = IDBKeyRange.bound(['all', '', ''], ['all', '', '\uffff']);
  const tx = db.transaction('totals');
  const [first, last] = await Promise.all([tx.store.openKeyCursor(all), tx.store.openKeyCursor(all, 'prev')]);
  if (!first || !last) return true; // no data: both are empty
  return (!days.from || days.from <= first.key[2]) && (!days.to || days.to >= last.key[2]);
}

/** The popup's table: per-site totals over the range, most impressions first. */
export async function readSiteTotals(db: IDBPDatabase<AdTallyDB>, days: DayRange = {}): Promise<SiteStats[]> {
  const sums = await readTotalsBy(db, 'site', days);
  return sortByImpressions([...sums].map(([site, t]) => ({ site, ...pickCounts(t) })));
}

/** One key's totals per day, oldest first: a chart's series ('all' and '' for everything). */
export async function readDailySeries(
  db: IDBPDatabase<AdTallyDB>,
  dimension: Dimension,
  key: string,
  days: DayRange = {},
): Promise<DailyTotals[]> {
  const rows = await db.getAll('totals', IDBKeyRange.bound([dimension, key, days.from ?? ''], [dimension, key, days.to ?? '\uffff']));
  return rows.map((r) => ({ day: r.day, ...pickCounts(r) }));
}

/** Most impressions first; ties by clicks, then by site name so the order is stable. */
export function sortByImpressions(rows: SiteStats[]): SiteStats[] {
  return rows.sort((a, b) => b.impressions - a.impressions || b.clicks - a.clicks || a.site.localeCompare(b.site));
}

/**
 * The `limit` keys with most impressions (ties: more clicks, then key order), from per-key sums. Pure, so
 * the ranking is tested apart from the database.
 */
export function topByImpressions(sums: Map<string, Totals>, limit: number): KeyStats[] {
  const rows = [...sums].map(([key, t]) => ({ key, ...pickCounts(t) }));
  rows.sort((a, b) => b.impressions - a.impressions || b.clicks - a.clicks || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.slice(0, Math.max(0, limit));
}
