/**
 * Reads of a range of days, behind the dashboard's filtered views, "My ads" and frequency: the cell rows
 * that sum to the range, its raw events (only for landing-URL patterns, which no aggregate can answer), and
 * the creatives seen in it.
 */
import type { IDBPDatabase } from 'idb';
import { cellKeyPrefix } from '../../common/cells';
import type { CellRow } from '../../common/cells';
import { parseDay } from '../../common/day';
import type { Creative, DayRange, StoredEvent } from '../../common/types';
import { cellKeyOf, countsOf } from './aggregates';
import type { AdTallyDB } from './schema';
import { coversEveryDay } from './totals';

/**
 * The daily cell rows of the days (both ends included; open ends cover all days), one per cell and day. With
 * a site, only that site's cells are read: a cell key starts with its site (common/cells.ts).
 */
export async function readDailyCells(db: IDBPDatabase<AdTallyDB>, days: DayRange, site?: string): Promise<CellRow[]> {
  if (site === undefined) return db.getAllFromIndex('totals', 'dimensionDay', IDBKeyRange.bound(['cell', days.from ?? ''], ['cell', days.to ?? '\uffff']));
  const prefix = cellKeyPrefix(site);
  const rows = await db.getAll('totals', IDBKeyRange.bound(['cell', prefix, ''], ['cell', `${prefix}\uffff`, '\uffff']));
  return rows.filter((r) => (!days.from || r.day >= days.from) && (!days.to || r.day <= days.to));
}

/** The all-time cell rows, one per cell (of one site when given). */
export async function readAllTimeCells(db: IDBPDatabase<AdTallyDB>, site?: string): Promise<CellRow[]> {
  const prefix = site === undefined ? '' : cellKeyPrefix(site);
  return db.getAll('allTime', IDBKeyRange.bound(['cell', prefix], ['cell', `${prefix}\uffff`]));
}

/**
 * The cell rows that sum to the range's counts: the all-time rows when the range covers every day with
 * data (one row per cell instead of one per cell and day), else the daily rows. `daily` says which.
 */
export async function readCellsOfRange(db: IDBPDatabase<AdTallyDB>, days: DayRange, site?: string): Promise<{ rows: CellRow[]; daily: boolean }> {
  if (await coversEveryDay(db, days)) return { rows: await readAllTimeCells(db, site), daily: false };
  return { rows: await readDailyCells(db, days, site), daily: true };
}

const DAY_MS = 24 * 3600_000;

/**
 * Calls `visit` with every stored event whose day is in the range, oldest first, a day of the time index at
 * a time: one `getAll` per day (several times faster than a cursor's step per event, and a year of events
 * never sits in memory at once). The time index is read a day wider on each side than the range and the
 * event's own `day` decides, so events filed in another time zone are neither lost nor taken twice.
 */
export async function forEachEventOfDays(db: IDBPDatabase<AdTallyDB>, days: DayRange, visit: (event: StoredEvent) => void): Promise<void> {
  const span = await timeSpan(db, days);
  if (!span) return;
  for (let start = span.from; start < span.to; start += DAY_MS) {
    const end = Math.min(start + DAY_MS, span.to);
    for (const event of await db.getAllFromIndex('events', 'time', IDBKeyRange.bound(start, end, false, true))) {
      if ((!days.from || event.day >= days.from) && (!days.to || event.day <= days.to)) visit(event);
    }
  }
}

/** The times to read for a range of days: a day wider on each side, within the first and last stored event. */
async function timeSpan(db: IDBPDatabase<AdTallyDB>, days: DayRange): Promise<{ from: number; to: number } | null> {
  const index = db.transaction('events').store.index('time');
  const [first, last] = await Promise.all([index.openKeyCursor(), index.openKeyCursor(null, 'prev')]);
  if (!first || !last) return null;
  // Never wider than the stored events: a year's range over a month of data reads a month of days.
  const from = Math.max(first.key, days.from ? parseDay(days.from).getTime() - DAY_MS : -Infinity);
  const to = Math.min(last.key + 1, days.to ? parseDay(days.to).getTime() + 2 * DAY_MS : Infinity);
  return to > from ? { from, to } : null;
}

/** An event as a cell row: what it adds to its cell on its day. */
export function eventAsCellRow(event: Pick<StoredEvent, 'site' | 'advertiser' | 'network' | 'kind' | 'day' | 'type' | 'reached' | 'dwellMs'>): CellRow {
  return {
    key: cellKeyOf(event),
    day: event.day,
    ...countsOf(event, event.dwellMs ?? 0),
  };
}

/**
 * Creatives whose latest event is on or after the range's first day. All of them when the range covers every
 * day with data: a read of the whole store in key order is several times faster than the same records
 * through the `lastSeen` index (36,000 creatives: 0.2 s against 1.4 s).
 */
export async function readCreativesSeenSince(db: IDBPDatabase<AdTallyDB>, days: DayRange): Promise<Creative[]> {
  if (!days.from || (await coversEveryDay(db, days))) return db.getAll('creatives');
  return db.getAllFromIndex('creatives', 'lastSeen', IDBKeyRange.lowerBound(parseDay(days.from).getTime()));
}
