import { describe, expect, it } from 'vitest';
import type { DailyTotals } from '../common/types';
import { parseDay } from '../common/day';
import { addDays, chartPoints, columnTotals, ctrColumns, isRangeId, measuredByDay, rangeDays, toColumns } from './series';

const row = (day: string, impressions: number, viewable = 0, clicks = 0): DailyTotals => ({ day, impressions, viewable, clicks, dwellMs: 0 });
const secondsOf = (day: string) => parseDay(day).getTime() / 1000;

describe('rangeDays', () => {
  it('ends today and counts today as the first of the days', () => {
    expect(rangeDays('7d', '2026-11-28')).toEqual({ from: '2026-11-22', to: '2026-11-28' });
    expect(rangeDays('30d', '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    expect(rangeDays('1y', '2026-11-28')).toEqual({ from: '2025-11-29', to: '2026-11-28' });
  });

  it('leaves both ends open for all time', () => {
    expect(rangeDays('all', '2026-11-28')).toEqual({});
  });

  it('knows its range ids', () => {
    expect(isRangeId('30d')).toBe(true);
    expect(isRangeId('2y')).toBe(false);
    expect(isRangeId(null)).toBe(false);
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('toColumns', () => {
  it('has one entry per day of the range, zero on days without rows', () => {
    const columns = toColumns([row('2026-11-23', 5, 3, 1), row('2026-11-25', 7, 2)], { from: '2026-11-22', to: '2026-11-26' }, '2026-11-28');
    expect(columns[0]).toEqual(['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'].map(secondsOf));
    expect(columns[1]).toEqual([0, 5, 0, 7, 0]);
    expect(columns[2]).toEqual([0, 3, 0, 2, 0]);
    expect(columns[3]).toEqual([0, 1, 0, 0, 0]);
  });

  it('runs all time from the first day with data to today, in order whatever the row order', () => {
    const columns = toColumns([row('2026-11-27', 1), row('2026-11-25', 2)], {}, '2026-11-28');
    expect(columns[0]).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28'].map(secondsOf));
    expect(columns[1]).toEqual([2, 0, 1, 0]);
  });

  it('shows today alone when there is no data at all', () => {
    expect(toColumns([], {}, '2026-11-28')).toEqual([[secondsOf('2026-11-28')], [0], [0], [0]]);
  });

  it('leaves out rows outside the range', () => {
    const columns = toColumns([row('2026-11-20', 9), row('2026-11-22', 1)], { from: '2026-11-21', to: '2026-11-22' }, '2026-11-28');
    expect(columns[1]).toEqual([0, 1]);
    expect(columnTotals(columns)).toEqual({ impressions: 1, viewable: 0, clicks: 0 });
  });

  it('gives each day its local midnight across a daylight-saving change', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin'; // clocks went forward on 2026-03-29: that day has 23 hours
    try {
      const columns = toColumns([], { from: '2026-03-28', to: '2026-03-30' }, '2026-11-28');
      expect(columns[0].map((s) => new Date(s * 1000).getHours())).toEqual([0, 0, 0]);
      expect(columns[0][1]! - columns[0][0]!).toBe(24 * 3600);
      expect(columns[0][2]! - columns[0][1]!).toBe(23 * 3600);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('ctrColumns', () => {
  it('is clicks per impression in percent, with a gap on days without impressions', () => {
    const columns = toColumns([row('2026-11-23', 50, 3, 2), row('2026-11-24', 0, 0, 1), row('2026-11-25', 4, 0, 1)], { from: '2026-11-22', to: '2026-11-25' }, '2026-11-28');
    expect(ctrColumns(columns)[1]).toEqual([null, 4, null, 25]);
    expect(ctrColumns(columns)[0]).toBe(columns[0]);
  });
});

describe('chartPoints', () => {
  it('keeps a point a day up to 90 days', () => {
    const columns = toColumns([row('2026-11-23', 5)], rangeDays('30d', '2026-11-28'), '2026-11-28');
    const points = chartPoints(columns);
    expect(points.step).toBe('day');
    expect(points.columns).toBe(columns);
    expect(points.days.every((d) => d === 1)).toBe(true);
  });

  it('averages a year’s days by ISO week from Monday, partial weeks at both ends averaging only their days', () => {
    // 2025-11-29 is a Saturday, 2026-11-28 a Saturday: 2 days, 51 whole weeks, then Monday to Saturday.
    const rows = [row('2025-11-29', 3, 2, 1), row('2025-11-30', 1), row('2025-12-01', 10, 5, 2), row('2025-12-07', 4, 0, 1), row('2025-12-08', 7), row('2026-11-28', 6, 6, 3)];
    const columns = toColumns(rows, rangeDays('1y', '2026-11-28'), '2026-11-28');
    const points = chartPoints(columns);
    expect(points.step).toBe('week');
    expect(points.columns[0].length).toBe(53);
    expect(points.columns[0].slice(0, 3)).toEqual(['2025-11-24', '2025-12-01', '2025-12-08'].map(secondsOf));
    expect(points.days.slice(0, 3)).toEqual([2, 7, 7]);
    expect(points.days.at(-1)).toBe(6);
    expect(points.columns[1].slice(0, 3)).toEqual([4 / 2, 14 / 7, 7 / 7]);
    expect(points.columns[2].slice(0, 2)).toEqual([2 / 2, 5 / 7]);
    expect(points.columns[3].slice(0, 2)).toEqual([1 / 2, 3 / 7]);
    expect(points.columns[1].at(-1)).toBe(6 / 6);
    // No day is lost: each average times its days gives back the range's totals.
    const total = (k: 1 | 2 | 3) => points.columns[k].reduce((sum, average, i) => sum + average * points.days[i]!, 0);
    const totals = columnTotals(columns);
    expect([total(1), total(2), total(3)].map(Math.round)).toEqual([totals.impressions, totals.viewable, totals.clicks]);
    expect(points.days.reduce((a, b) => a + b, 0)).toBe(365);
  });

  it('gives CTR per week as the week’s clicks over its impressions', () => {
    const columns = toColumns([row('2026-01-05', 100, 0, 1), row('2026-01-06', 100, 0, 3)], { from: '2025-10-01', to: '2026-01-11' }, '2026-01-11');
    const weekly = ctrColumns(chartPoints(columns).columns);
    expect(weekly[1].at(-1)).toBeCloseTo(2, 10);
    expect(weekly[1][0]).toBeNull();
  });
});

describe('measuredByDay', () => {
  it('keeps the measured counts of the days that have them; a day from before them is absent (n/a, not 0%)', () => {
    const rows = [
      { day: '2026-03-01', impressions: 4, viewable: 1, clicks: 0, dwellMs: 0 },
      { day: '2026-03-02', impressions: 3, viewable: 2, clicks: 1, dwellMs: 0, measured: 5, measuredInView: 3, measuredViewable: 2 },
      { day: '2026-03-03', impressions: 0, viewable: 0, clicks: 0, dwellMs: 0, measured: 2 },
    ];
    expect(measuredByDay(rows)).toEqual({
      '2026-03-02': { measured: 5, measuredInView: 3, measuredViewable: 2 },
      '2026-03-03': { measured: 2, measuredInView: 0, measuredViewable: 0 },
    });
  });
});
