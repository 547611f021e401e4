import type { IDBPDatabase } from 'idb';
import type { SiteStats } from '../../common/types';
import type { AdTallyDB } from './schema';

/** Per-site totals over all days, from the daily aggregates (never a scan of raw events), most impressions first. */
export async function readSiteTotals(db: IDBPDatabase<AdTallyDB>): Promise<SiteStats[]> {
  const totals = new Map<string, SiteStats>();
  for (const row of await db.getAll('siteDays')) {
    const total = totals.get(row.site) ?? { site: row.site, impressions: 0, viewable: 0, clicks: 0, dwellMs: 0 };
    total.impressions += row.impressions;
    total.viewable += row.viewable;
    total.clicks += row.clicks;
    total.dwellMs += row.dwellMs ?? 0;
    totals.set(row.site, total);
  }
  return sortByImpressions([...totals.values()]);
}

/** Most impressions first; ties by clicks, then by site name so the order is stable. */
export function sortByImpressions(rows: SiteStats[]): SiteStats[] {
  return rows.sort((a, b) => b.impressions - a.impressions || b.clicks - a.clicks || a.site.localeCompare(b.site));
}
