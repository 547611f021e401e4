/**
 * What the impressions-vs-CTR chart draws (insight-chart.tsx), pure: one point per site, advertiser or
 * creative, its reading (common/ctr-interval.ts `readingOf`, the same decision as the top tables' Reading
 * column), and My ads first.
 */
import { median, readingOf, wilsonInterval } from '../common/ctr-interval';
import type { Interval, Reading } from '../common/ctr-interval';

/** One item to draw: its key, what to call it, its counts, and whether it is one of My ads. */
export interface InsightItem {
  key: string;
  label: string;
  impressions: number;
  viewable: number;
  clicks: number;
  mine: boolean;
}

export interface InsightPoint extends InsightItem {
  /** Clicks ÷ impressions, in percent. */
  ctr: number;
  interval: Interval;
  /** Where the CTR clearly differs from the overall one; null (not flagged) everywhere else. */
  reading: Reading | null;
}

export interface InsightPoints {
  /** My ads first, then most impressions, more clicks, the key A to Z: the legend's and the table's order. */
  points: InsightPoint[];
  /** The reference lines: all ads' CTR in percent, and the median impressions of the points. */
  overallCtr: number;
  medianImpressions: number;
  /** Items left out: no impressions, so no place on a log axis and no CTR. */
  left: number;
}

/**
 * The points of `items` read against `overall` (all ads' CTR in the range, a fraction). The median is that
 * of the items drawn, as the Reading column's is that of the rows shown, so a table and the chart of the
 * same rows read each row alike.
 */
export function insightPoints(items: readonly InsightItem[], overall: number): InsightPoints {
  const drawn = items.filter((item) => item.impressions > 0);
  const medianImpressions = median(drawn.map((item) => item.impressions));
  const points = drawn
    .map((item) => ({
      ...item,
      ctr: (item.clicks / item.impressions) * 100,
      interval: wilsonInterval(item.clicks, item.impressions)!,
      reading: readingOf(item.clicks, item.impressions, overall, medianImpressions),
    }))
    .sort((a, b) => Number(b.mine) - Number(a.mine) || b.impressions - a.impressions || b.clicks - a.clicks || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { points, overallCtr: overall * 100, medianImpressions, left: items.length - drawn.length };
}

/**
 * The order to draw in: an SVG draws later points over earlier ones, so the list's order backwards puts My
 * ads (listed first) last, on top, and among the others the most seen under the rest.
 */
export function drawOrder(points: readonly InsightPoint[]): InsightPoint[] {
  return [...points].reverse();
}
