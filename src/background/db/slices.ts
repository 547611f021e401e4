/**
 * Reads behind the dashboard's filtered views, "My ads" and frequency: the cell rows of a range of days,
 * the raw events of a range (only for landing-URL patterns, which no aggregate can answer), and the
 * creatives seen in a range.
 */
import type { IDBPCursorWithValue, IDBPDatabase } from 'idb';
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
const CHUNK = 5000;

/**
 * Calls `visit` with every stored event whose day is in the range, oldest first, read a chunk at a time
 * (a year of events never sits in memory at once). The time index is read a day wider on each side than
 * the range and the event's own `day` decides, so events filed in another time zone are neither lost nor
 * taken twice.
 */
export async function forEachEventOfDays(db: IDBPDatabase<AdTallyDB>, days: DayRange, visit: (event: StoredEvent) => void): Promise<void> {
  const lower = days.from ? parseDay(days.from).getTime() - DAY_MS : -Infinity;
  const upper = days.to ? parseDay(days.to).getTime() + 2 * DAY_MS : Infinity;
  let after: { time: number; id: string } | null = null;
  for (;;) {
    const tx = db.transaction('events');
    const index = tx.store.index('time');
    const from = after ? after.time : lower;
    let cursor = await index.openCursor(IDBKeyRange.bound(from, upper));
    if (cursor && after) cursor = await skipPast(cursor, after);
    let n = 0;
    let last: StoredEvent | null = null;
    while (cursor && n < CHUNK) {
      const event = cursor.value;
      if ((!days.from || event.day >= days.from) && (!days.to || event.day <= days.to)) visit(event);
      last = event;
      n++;
      cursor = await cursor.continue();
    }
    await tx.done;
    if (!cursor || !last) return;
    after = { time: last.time, id: last.id };
  }
}

type TimeCursor = IDBPCursorWithValue<AdTallyDB, ['events'], 'events', 'time'>;

/** Moves a cursor that starts at `after.time` past every event up to and including `after` (time, then id order). */
async function skipPast(cursor: TimeCursor, after: { time: number; id: string }): Promise<TimeCursor | null> {
  let c: TimeCursor | null = cursor;
  if (c.key === after.time && c.primaryKey < after.id) c = await c.continuePrimaryKey(after.time, after.id);
  if (c && c.key === after.time && c.primaryKey === after.id) c = await c.continue();
  return c;
}

/** An event as a cell row: what it adds to its cell on its day. */
export function eventAsCellRow(event: StoredEvent): CellRow {
  return {
    key: cellKeyOf(event),
    day: event.day,
    ...countsOf(event.type, event.dwellMs ?? 0),
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
