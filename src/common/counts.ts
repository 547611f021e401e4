/**
 * Adding counts: the one way the write path, the upgrade steps and the dashboard's sums combine totals.
 */
import type { Totals } from './types';

export const ZERO_COUNTS: Totals = Object.freeze({ impressions: 0, viewable: 0, clicks: 0, dwellMs: 0 });

/** The counts of measured ads, which only rows that have any carry (older rows never had them). */
const MEASURED_FIELDS = ['measured', 'measuredInView', 'measuredViewable'] as const;

/**
 * Adds `row`'s counts, times `sign`, into `sum` in place and returns `sum` (no object per row: the
 * dashboard's sums run over hundreds of thousands of rows). A row stored before dwell time was counted has
 * no `dwellMs` and adds none; one stored before measured ads were counted adds no measured counts.
 */
export function addInto(sum: Totals, row: Totals, sign: 1 | -1 = 1): Totals {
  sum.impressions += sign * row.impressions;
  sum.viewable += sign * row.viewable;
  sum.clicks += sign * row.clicks;
  sum.dwellMs += sign * (row.dwellMs ?? 0);
  for (const field of MEASURED_FIELDS) {
    if (row[field] !== undefined || sum[field] !== undefined) sum[field] = (sum[field] ?? 0) + sign * (row[field] ?? 0);
  }
  return sum;
}

/**
 * Just the counts of a stored row (no keys, no day), dwell as 0 where a row predates it, and the measured
 * counts only where the row has them: the one way every reader and writer takes counts out of a row, so
 * none drops a count another added.
 */
export function pickCounts(row: Totals): Totals {
  return addInto({ ...ZERO_COUNTS }, row);
}

/** `a` plus `b` (times `sign`) as new counts; neither is changed. */
export function addCounts(a: Totals, b: Totals, sign: 1 | -1 = 1): Totals {
  return addInto(addInto({ ...ZERO_COUNTS }, a), b, sign);
}

export function isZero(t: Totals): boolean {
  return t.impressions === 0 && t.viewable === 0 && t.clicks === 0 && (t.dwellMs ?? 0) === 0 && !t.measured && !t.measuredInView && !t.measuredViewable;
}

/**
 * The in-view rate (impressions ÷ measured) and the viewability rate (viewable ÷ measured, the MRC's
 * viewable ÷ measurable) of some counts, as fractions; null where nothing was measured (data from before
 * measured ads were counted): shown as "n/a", never 0%.
 */
export function measuredRates(t: Pick<Totals, 'measured' | 'measuredInView' | 'measuredViewable'>): { inView: number; viewable: number } | null {
  if (!t.measured || t.measured <= 0) return null;
  return { inView: (t.measuredInView ?? 0) / t.measured, viewable: (t.measuredViewable ?? 0) / t.measured };
}
