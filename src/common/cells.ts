/**
 * Cells: the finest cut of the daily totals, one row per day and combination of site, advertiser, network
 * and kind (dimension `cell`, schema version 6). Any filter over those four fields is a sum of cells, so
 * the dashboard's filtered views and "My ads" never read raw events for them. Pure: the write path, the
 * upgrade step and the dashboard's reads share these functions.
 */
import { addInto, ZERO_COUNTS } from './counts';
import type { DailyTotals, Totals } from './types';

/** What a cell is the sum of. '' stands for unknown (an ad that shows no landing page has no advertiser). */
export interface CellFields {
  site: string;
  advertiser: string;
  network: string;
  kind: string;
}

/** The dimensions a filtered view ranks and filters by: the four fields of a cell. */
export type CellDimension = keyof CellFields;
export const CELL_DIMENSIONS: readonly CellDimension[] = ['site', 'advertiser', 'network', 'kind'];

/**
 * A cell's key: the four fields as a JSON array. JSON, not a separator character: a network name or a
 * hostile landing page could contain any separator, and a key must never be read as another.
 */
export function cellKey(fields: CellFields): string {
  return JSON.stringify([fields.site, fields.advertiser, fields.network, fields.kind]);
}

/** What every key of a site's cells starts with: `["news.example",` (the JSON of the site and the comma after it). */
export function cellKeyPrefix(site: string): string {
  return `${JSON.stringify([site]).slice(0, -1)},`;
}

/** The fields of a cell key, or null for a key that is not one (never written by AdTally). */
export function parseCellKey(key: string): CellFields | null {
  try {
    const value: unknown = JSON.parse(key);
    if (!Array.isArray(value) || value.length !== 4 || !value.every((v) => typeof v === 'string')) return null;
    const [site, advertiser, network, kind] = value as string[];
    return { site: site!, advertiser: advertiser!, network: network!, kind: kind! };
  } catch {
    return null;
  }
}

/** Which cells a view keeps: each field given must equal the cell's ('' selects the unknown value). */
export type CellFilter = Partial<CellFields>;

export function isEmptyFilter(filter: CellFilter): boolean {
  return CELL_DIMENSIONS.every((d) => filter[d] === undefined);
}

export function matchesFilter(cell: CellFields, filter: CellFilter): boolean {
  return CELL_DIMENSIONS.every((d) => filter[d] === undefined || filter[d] === cell[d]);
}

/**
 * parseCellKey with a memory: each key is parsed once however many sums read it (a watchlist sums the same
 * rows once per entry and once for the whole list).
 */
export function cellKeyParser(): (key: string) => CellFields | null {
  const parsed = new Map<string, CellFields | null>();
  return (key) => {
    let cell = parsed.get(key);
    if (cell === undefined) {
      cell = parseCellKey(key);
      parsed.set(key, cell);
    }
    return cell;
  };
}

/** A filter from untrusted input (a message, the page's address): only string fields of at most 2,000 characters. */
export function cellFilterFrom(value: unknown): CellFilter {
  const input = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const filter: CellFilter = {};
  for (const d of CELL_DIMENSIONS) {
    const v = input[d];
    if (typeof v === 'string' && v.length <= 2000) filter[d] = v;
  }
  return filter;
}

/** A cell row as read from the totals (`day` absent for all-time rows). */
export interface CellRow extends Totals {
  key: string;
  day?: string;
}

/** A slice of the data: totals per day and per value of each cell dimension. */
export interface Slice {
  /** Days with any counts, oldest first. */
  series: DailyTotals[];
  /** Per dimension, each value with its totals (unsorted: rank with topByImpressions). */
  by: Record<CellDimension, Map<string, Totals>>;
}

/**
 * Sums the cell rows that `keep` accepts into one slice. `keep` gets the parsed fields, so a filter or a
 * watchlist decides; a row whose key does not parse is skipped.
 */
export function sumCells(rows: Iterable<CellRow>, keep: (cell: CellFields) => boolean, parse: (key: string) => CellFields | null = cellKeyParser()): Slice {
  const days = new Map<string, DailyTotals>();
  const by = { site: new Map(), advertiser: new Map(), network: new Map(), kind: new Map() } as Slice['by'];
  for (const row of rows) {
    const cell = parse(row.key);
    if (!cell || !keep(cell)) continue;
    if (row.day !== undefined) {
      const day = days.get(row.day) ?? { day: row.day, ...ZERO_COUNTS };
      addInto(day, row);
      days.set(row.day, day);
    }
    for (const d of CELL_DIMENSIONS) {
      const sums = by[d];
      const sum = sums.get(cell[d]) ?? { ...ZERO_COUNTS };
      addInto(sum, row);
      sums.set(cell[d], sum);
    }
  }
  return { series: [...days.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)), by };
}

/** The sum of every value of one dimension: the slice's totals. */
export function sliceTotals(slice: Slice): Totals {
  const total = { ...ZERO_COUNTS };
  for (const t of slice.by.site.values()) addInto(total, t);
  return total;
}
