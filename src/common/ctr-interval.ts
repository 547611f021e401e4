/**
 * How sure a CTR is. A site with 9 impressions and 2 clicks shows 22%, but one click more or less moves it
 * by 11 points: the rate alone ranks noise first. The 95% Wilson score interval (Wilson 1927; the interval
 * Agresti and Coull 1998 recommend for small samples, and what Evan Miller's "How Not To Sort By Average
 * Rating" ranks by) gives the range the true rate lies in, narrow for many impressions and wide for few.
 */

/** z for a two-sided 95% interval. */
const Z = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** The 95% Wilson interval of clicks ÷ impressions, as fractions (0..1); null with no impressions. */
export function wilsonInterval(clicks: number, impressions: number): Interval | null {
  if (!(impressions > 0)) return null;
  // A click without its impression cannot happen (the click records one), but imported data is not ours.
  const p = Math.min(1, Math.max(0, clicks / impressions));
  const z2 = Z * Z;
  const denominator = 1 + z2 / impressions;
  const centre = p + z2 / (2 * impressions);
  const margin = Z * Math.sqrt((p * (1 - p)) / impressions + z2 / (4 * impressions * impressions));
  // At 0 or all clicks the bound is exactly 0 or 1; floating point leaves a trace of 1e-17.
  const low = p === 0 ? 0 : (centre - margin) / denominator;
  const high = p === 1 ? 1 : (centre + margin) / denominator;
  return { low: Math.max(0, low), high: Math.min(1, high) };
}

/**
 * The value a CTR column sorts by: highest first ranks by the interval's low end (a rate we can be 95% sure
 * of reaching), lowest first by its high end (a rate we are 95% sure it stays under). Either way a row with
 * few impressions ranks after one whose rate is as high (or as low) and better known. No impressions sorts
 * last both ways: NaN is handled by the caller's tie-break.
 */
export function ctrSortValue(clicks: number, impressions: number, descending: boolean): number {
  const interval = wilsonInterval(clicks, impressions);
  if (!interval) return descending ? -1 : 2;
  return descending ? interval.low : interval.high;
}

/** How a row's CTR compares with a reference rate (the overall CTR), at 95%: only a clear difference is one. */
export type CtrVerdict = 'above' | 'below' | 'unclear';

/**
 * The fewest impressions a row needs before its CTR is called above or below the overall one. The interval
 * alone would call 3 clicks in 3 impressions "above" a 2% CTR (its interval is 44%–100%), and statistically
 * it is; but a marketer reads "clicked often by a small audience" as a finding about an audience, and three
 * people are an anecdote. 30 is the usual floor for reading a rate at all.
 */
export const MIN_IMPRESSIONS_TO_COMPARE = 30;

/**
 * Whether the row's CTR is clearly above or below `overall`: only with at least 30 impressions and when the
 * whole 95% interval lies on one side; else "unclear", whatever the rate.
 */
export function compareCtr(clicks: number, impressions: number, overall: number): CtrVerdict {
  const interval = impressions >= MIN_IMPRESSIONS_TO_COMPARE ? wilsonInterval(clicks, impressions) : null;
  if (!interval) return 'unclear';
  if (interval.low > overall) return 'above';
  if (interval.high < overall) return 'below';
  return 'unclear';
}

/**
 * Where a row falls in the impressions-vs-clicks reading, only where its CTR clearly differs from `overall`
 * (`compareCtr`): seen often (impressions at least the median of the rows it is read among) or rarely, and
 * clicked clearly more or less than overall. Null where the CTR is not clearly different.
 */
export type Reading = 'widely-seen-not-compelling' | 'small-engaged-audience' | 'widely-seen-compelling' | 'rarely-seen-not-compelling';

export function readingOf(clicks: number, impressions: number, overall: number, medianImpressions: number): Reading | null {
  const verdict = compareCtr(clicks, impressions, overall);
  if (verdict === 'unclear') return null;
  const often = impressions >= medianImpressions;
  if (verdict === 'below') return often ? 'widely-seen-not-compelling' : 'rarely-seen-not-compelling';
  return often ? 'widely-seen-compelling' : 'small-engaged-audience';
}

/** The median of some counts (the middle one, or the mean of the two middle ones); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
