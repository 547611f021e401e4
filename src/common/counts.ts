/**
 * Adding counts: the one way the write path, the upgrade steps and the dashboard's sums combine totals.
 */
import type { Totals } from './types';

export const ZERO_COUNTS: Totals = Object.freeze({ impressions: 0, viewable: 0, clicks: 0, dwellMs: 0 });

/**
 * Adds `row`'s counts, times `sign`, into `sum` in place and returns `sum` (no object per row: the
 * dashboard's sums run over hundreds of thousands of rows). A row stored before dwell time was counted has
 * no `dwellMs` and adds none.
 */
export function addInto(sum: Totals, row: Totals, sign: 1 | -1 = 1): Totals {
  sum.impressions += sign * row.impressions;
  sum.viewable += sign * row.viewable;
  sum.clicks += sign * row.clicks;
  sum.dwellMs += sign * (row.dwellMs ?? 0);
  return sum;
}

/** `a` plus `b` (times `sign`) as new counts; neither is changed. */
export function addCounts(a: Totals, b: Totals, sign: 1 | -1 = 1): Totals {
  return addInto({ impressions: a.impressions, viewable: a.viewable, clicks: a.clicks, dwellMs: a.dwellMs }, b, sign);
}

export function isZero(t: Totals): boolean {
  return t.impressions === 0 && t.viewable === 0 && t.clicks === 0 && t.dwellMs === 0;
}
