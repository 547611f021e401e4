/**
 * The dashboard's data. Everything but landing-URL patterns comes from the aggregates, never from the raw
 * events, so it stays fast at millions of events:
 * - unfiltered: the `all` rows per day, and the all-time rows (or the daily rows of a range) per dimension;
 * - filtered, "My ads" by domain or name: the cell rows of the range (common/cells.ts);
 * - frequency: the creative records seen in the range.
 * "My ads" with a landing-URL pattern reads raw events of the range: only they keep each ad's URL. When every
 * entry is a pattern that names its host, only those hosts' events, through the landing-host index.
 */
import type { IDBPDatabase } from 'idb';
import { CELL_DIMENSIONS, cellKeyParser, isEmptyFilter, matchesFilter, sliceTotals, sumCells } from '../../common/cells';
import type { CellDimension, CellFields, CellFilter, Slice } from '../../common/cells';
import type { DailyTotals, DayRange } from '../../common/types';
import type { AdTallyDB } from '../db/schema';
import { ZERO_COUNTS } from '../../common/counts';
import { frequencyOf } from '../../common/frequency';
import type { PayloadOf, ResponseOf, TopRows, UiMessages, WatchCounts } from '../../common/messages';
import { needsLandingUrls, watchSlices } from '../../common/watchlist';
import type { WatchedRow } from '../../common/watchlist';
import { getDb } from '../db/open';
import { forEachEventOfHosts } from '../db/landing-reads';
import { patternHost } from '../db/landing-hosts';
import type { LandingEntry } from '../db/landing-hosts';
import { eventAsCellRow, forEachEventOfDays, readCellsOfRange, readCreativesSeenSince, readDailyCells } from '../db/range-reads';
import { readDailySeries, readTotalsBy, topByImpressions } from '../db/totals';

export async function handleGetDailySeries({ days }: PayloadOf<UiMessages, 'getDailySeries'>): Promise<ResponseOf<UiMessages, 'getDailySeries'>> {
  return { rows: await readDailySeries(await getDb(), 'all', '', days) };
}

export async function handleGetTopKeys({ dimension, days, limit }: PayloadOf<UiMessages, 'getTopKeys'>): Promise<ResponseOf<UiMessages, 'getTopKeys'>> {
  const sums = await readTotalsBy(await getDb(), dimension, days);
  return { rows: topByImpressions(sums, limit), total: sums.size };
}

/**
 * A filtered view. Its totals and top tables sum the range's cell rows (the all-time ones when the range
 * covers every day). Its series needs daily rows: those of the one dimension filtered, when only one is
 * (a few hundred rows), else the daily cells of the range.
 */
export async function handleGetSlice({ days, filter, limit }: PayloadOf<UiMessages, 'getSlice'>): Promise<ResponseOf<UiMessages, 'getSlice'>> {
  const db = await getDb();
  const keep = isEmptyFilter(filter) ? () => true : (cell: CellFields) => matchesFilter(cell, filter);
  const { rows, daily } = await readCellsOfRange(db, days, filter.site);
  const slice = sumCells(rows, keep);
  const series = daily ? slice.series : await sliceSeries(db, days, filter, keep);
  const top = Object.fromEntries(CELL_DIMENSIONS.map((d) => [d, { rows: topByImpressions(slice.by[d], limit), total: slice.by[d].size } satisfies TopRows]));
  return { series, top: top as Record<CellDimension, TopRows>, totals: sliceTotals(slice) };
}

/** A slice's totals per day when its own rows were the all-time ones. */
async function sliceSeries(db: IDBPDatabase<AdTallyDB>, days: DayRange, filter: CellFilter, keep: (cell: CellFields) => boolean): Promise<DailyTotals[]> {
  const given = CELL_DIMENSIONS.filter((d) => filter[d] !== undefined);
  if (given.length === 0) return readDailySeries(db, 'all', '', days);
  // One field: its own dimension's daily rows are the same sums, a row a day.
  if (given.length === 1) return readDailySeries(db, given[0]!, filter[given[0]!]!, days);
  return sumCells(await readDailyCells(db, days, filter.site), keep).series;
}

export async function handleGetFrequency({ days, filter, limit }: PayloadOf<UiMessages, 'getFrequency'>): Promise<ResponseOf<UiMessages, 'getFrequency'>> {
  const creatives = await readCreativesSeenSince(await getDb(), days);
  return frequencyOf(creatives, filter, limit);
}

export async function handleGetWatchStats({ days, entries }: PayloadOf<UiMessages, 'getWatchStats'>): Promise<ResponseOf<UiMessages, 'getWatchStats'>> {
  const db = await getDb();
  const items: WatchedRow[] = [];
  const parse = cellKeyParser();
  const source = needsLandingUrls(entries) ? 'events' : 'aggregates';
  if (entries.length > 0 && source === 'events') {
    const visit = (event: LandingEntry) => items.push({ row: eventAsCellRow(event), ad: { advertiser: event.advertiser ?? '', landingUrl: event.landingUrl ?? null } });
    const hosts = entries.map((e) => (e.kind === 'url' ? patternHost(e.value) : null));
    const indexed = hosts.every((h) => h !== null) && (await forEachEventOfHosts(db, hosts as string[], days, visit));
    if (!indexed) await forEachEventOfDays(db, days, visit);
  } else if (entries.length > 0) {
    for (const row of (await readCellsOfRange(db, days)).rows) {
      const cell = parse(row.key);
      if (cell) items.push({ row, ad: { advertiser: cell.advertiser, landingUrl: null } });
    }
  }
  const { perEntry, combined } = watchSlices(items, entries, parse);
  // My ads' share on each site: all ads' impressions there, from the site rows of the range.
  const sites = combined.by.site.size > 0 ? await readTotalsBy(db, 'site', days) : new Map();
  const siteImpressions = Object.fromEntries([...combined.by.site.keys()].map((site) => [site, sites.get(site)?.impressions ?? 0]));
  // All ads' counts, unfiltered (My ads are not narrowed by the page's filters): the CTR My ads are read against.
  const allAds = entries.length > 0 ? ((await readTotalsBy(db, 'all', days)).get('') ?? { ...ZERO_COUNTS }) : { ...ZERO_COUNTS };
  return { entries: perEntry.map(countsOf), combined: countsOf(combined), source, siteImpressions, allAds };
}

/** Every site of a slice, most impressions first, with the slice's totals. */
function countsOf(slice: Slice): WatchCounts {
  return { totals: sliceTotals(slice), bySite: topByImpressions(slice.by.site, Number.MAX_SAFE_INTEGER) };
}
