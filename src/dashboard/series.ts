/**
 * The dashboard's pure logic: which days a range button means, and the chart's columns (uPlot's data: x
 * values and one array per series, every day present, days without events as zero).
 */
import { localDay, parseDay } from '../common/day';
import type { DailyTotals, DayRange, Totals } from '../common/types';

export type RangeId = '7d' | '30d' | '1y' | 'all';

export const RANGES: readonly { id: RangeId; label: string; days: number | null }[] = [
  { id: '7d', label: '7 days', days: 7 },
  { id: '30d', label: '30 days', days: 30 },
  { id: '1y', label: '1 year', days: 365 },
  { id: 'all', label: 'All time', days: null },
];

export const DEFAULT_RANGE: RangeId = '30d';

export function isRangeId(value: unknown): value is RangeId {
  return RANGES.some((r) => r.id === value);
}

/** The day `n` calendar days after (or before, for negative n) `day`; safe across daylight-saving changes. */
export function addDays(day: string, n: number): string {
  const date = parseDay(day);
  date.setDate(date.getDate() + n);
  return localDay(date.getTime());
}

/** The days a range covers, ending today (both ends included); 'all' is open at both ends. */
export function rangeDays(range: RangeId, today: string): DayRange {
  const days = RANGES.find((r) => r.id === range)?.days ?? null;
  return days === null ? {} : { from: addDays(today, -(days - 1)), to: today };
}

/** uPlot's data: [x in Unix seconds of each day's local midnight, impressions, viewable, clicks]. */
export type ChartColumns = [number[], number[], number[], number[]];

/**
 * One entry per day from `range.from` (or the first day with data) to `range.to` (or today), in order;
 * days the rows do not mention are zero. Rows outside the span are left out.
 */
export function toColumns(rows: DailyTotals[], range: DayRange, today: string): ChartColumns {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const first = range.from ?? rows.reduce<string | null>((min, r) => (min === null || r.day < min ? r.day : min), null) ?? today;
  const last = range.to ?? (rows.some((r) => r.day > today) ? rows.reduce((max, r) => (r.day > max ? r.day : max), today) : today);
  const columns: ChartColumns = [[], [], [], []];
  // At most ~100 years of days: a malformed range cannot loop for ever.
  for (let day = first, n = 0; day <= last && n < 40_000; day = addDays(day, 1), n++) {
    const row = byDay.get(day);
    columns[0].push(parseDay(day).getTime() / 1000);
    columns[1].push(row?.impressions ?? 0);
    columns[2].push(row?.viewable ?? 0);
    columns[3].push(row?.clicks ?? 0);
  }
  return columns;
}

/** A day's measured ads and how many made an impression and became viewable (docs/measurement.md). */
export type MeasuredCounts = Pick<Totals, 'measured' | 'measuredInView' | 'measuredViewable'>;

/**
 * The measured counts of each day that has them, for the days table's in-view and viewability rates. The
 * chart's columns stay the three counts uPlot draws; a day stored before measured ads were counted is
 * absent here, so its rates read "n/a", never 0%.
 */
export function measuredByDay(rows: DailyTotals[]): Record<string, MeasuredCounts> {
  const days: Record<string, MeasuredCounts> = {};
  for (const row of rows) {
    if (row.measured === undefined) continue;
    days[row.day] = { measured: row.measured, measuredInView: row.measuredInView ?? 0, measuredViewable: row.measuredViewable ?? 0 };
  }
  return days;
}

/** Sums of the chart's columns, for the figures above it. */
export function columnTotals(columns: ChartColumns): { impressions: number; viewable: number; clicks: number } {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return { impressions: sum(columns[1]), viewable: sum(columns[2]), clicks: sum(columns[3]) };
}

/** uPlot's data for the CTR chart: [x, CTR in percent per day]; null on days without impressions (a gap, not 0%). */
export type CtrColumns = [number[], (number | null)[]];

export function ctrColumns(columns: ChartColumns): CtrColumns {
  return [columns[0], columns[1].map((impressions, i) => (impressions > 0 ? (columns[3][i]! / impressions) * 100 : null))];
}

/**
 * The longest span drawn a point a day. Past it a day is under 3 px at the chart's usual 720–1,200 px and
 * 365 daily points draw a jagged band in which no trend can be read; a week a point keeps a year to 53.
 */
export const MAX_DAILY_POINTS = 90;

/** What the chart draws: its columns, and per point how many days of the range it stands for (1 to 7). */
export interface ChartPoints {
  step: 'day' | 'week';
  columns: ChartColumns;
  days: number[];
}

/**
 * The chart's points: the days themselves up to 90, else one point per ISO week (Monday to Sunday), at
 * the week's Monday, each the **average day** of its days in the range. The weeks at the ends of a range
 * are usually partial (a year ending on a Monday ends with a week of one day): their sums would draw a
 * fall to a fraction at the edges that never happened, while their averages are the same measure as every
 * other point's, only noisier. The average keeps one unit, a day, on every range's axis; a week's CTR,
 * clicks over impressions of the same days, is unchanged by it. The range's totals are the days' sums.
 */
export function chartPoints(columns: ChartColumns): ChartPoints {
  if (columns[0].length <= MAX_DAILY_POINTS) return { step: 'day', columns, days: columns[0].map(() => 1) };
  const weeks: ChartColumns = [[], [], [], []];
  const days: number[] = [];
  let monday = '';
  columns[0].forEach((seconds, i) => {
    const date = new Date(seconds * 1000);
    // getDay: Sunday is 0; an ISO week starts on Monday.
    const start = localDay(new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7)).getTime());
    if (start !== monday) {
      monday = start;
      weeks[0].push(parseDay(start).getTime() / 1000);
      for (const k of [1, 2, 3] as const) weeks[k].push(0);
      days.push(0);
    }
    const last = days.length - 1;
    for (const k of [1, 2, 3] as const) weeks[k][last]! += columns[k][i]!;
    days[last]!++;
  });
  for (const k of [1, 2, 3] as const) weeks[k] = weeks[k].map((sum, i) => sum / days[i]!);
  return { step: 'week', columns: weeks, days };
}
