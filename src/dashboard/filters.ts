/**
 * The dashboard's filters in the page's address (`?site=…&advertiser=…&network=…&kind=…`), so a filtered
 * view can be bookmarked, shared with a colleague's AdTally, and reloaded. An empty value is a real filter:
 * `advertiser=` picks the ads that show no advertiser.
 */
import { CELL_DIMENSIONS, cellFilterFrom } from '../common/cells';
import type { CellDimension, CellFilter } from '../common/cells';

export function filterFromSearch(search: string): CellFilter {
  const params = new URLSearchParams(search);
  const raw: Record<string, string> = {};
  for (const d of CELL_DIMENSIONS) {
    const value = params.get(d);
    if (value !== null) raw[d] = value;
  }
  return cellFilterFrom(raw);
}

/** The address with the filter's fields set and the others removed; other parameters (the range) stay. */
export function withFilter(href: string, filter: CellFilter): string {
  const url = new URL(href);
  for (const d of CELL_DIMENSIONS) {
    const value = filter[d];
    if (value === undefined) url.searchParams.delete(d);
    else url.searchParams.set(d, value);
  }
  return url.toString();
}

export function setFilter(filter: CellFilter, dimension: CellDimension, value: string | undefined): CellFilter {
  const next = { ...filter };
  if (value === undefined) delete next[dimension];
  else next[dimension] = value;
  return next;
}

/** How a dimension's unknown value ('') reads in tables and filter chips. */
export const UNKNOWN_LABELS: Record<CellDimension, string> = {
  site: '(unknown site)',
  advertiser: '(not shown by the ad)',
  network: '(unknown network)',
  kind: '(unknown kind)',
};

export const DIMENSION_LABELS: Record<CellDimension, string> = { site: 'Site', advertiser: 'Advertiser', network: 'Network', kind: 'Kind' };
