/**
 * The dashboard's charts over days (or weeks past 90 days, series.ts `chartPoints`), drawn by uPlot on a
 * canvas:
 * - `DailyChart`: impressions and viewable impressions on the left axis, clicks (a few in a hundred
 *   impressions) on their own axis at the right, labelled "Clicks" and drawn in the clicks' colour so the
 *   two scales are never read as one;
 * - `CtrChart`: CTR in percent, with gaps on days (weeks) without impressions.
 * Each container gets `data-ready="true"` once it has drawn the current data (tests and the storage bench
 * wait for it).
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { formatCount, formatPercent } from '../common/format';
import { METRIC_HELP } from '../ui/metric-help';
import type { ChartPoints, CtrColumns } from './series';

const HEIGHT = 280;
const CTR_HEIGHT = 180;

/** A colour from the page's CSS variables (theme.css, dashboard.css), so the canvas follows dark mode. */
function cssColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** The points drawn now: the formatters of a chart made once read the step and days of its latest data. */
interface Current {
  points: ChartPoints;
}

/** The legend's x value: the day, or "week of" its Monday (with its days when the range cuts the week). */
const pointValue = (current: Current) => (_u: uPlot, v: number | null, _series: number, index: number | null) => {
  if (v === null) return '—';
  const day = new Date(v * 1000).toLocaleDateString('en-CA');
  if (current.points.step === 'day') return day;
  const days = index === null ? 7 : (current.points.days[index] ?? 7);
  return `week of ${day}, a day on average${days < 7 ? ` (of its ${days} ${days === 1 ? 'day' : 'days'} in the range)` : ''}`;
};
/** A count, or a week's average day to one decimal. */
const count = (_u: uPlot, v: number | null) => (v === null ? '—' : formatCount(Math.round(v * 10) / 10));
/** Gives each legend entry after the day its definition as a tooltip: the legend's numbers explain themselves like every other. */
const legendTitles = (titles: string[]) => (u: uPlot) =>
  u.root.querySelectorAll<HTMLElement>('.u-legend .u-series').forEach((row, i) => {
    if (i > 0 && titles[i - 1]) row.title = titles[i - 1]!;
  });
const atLeast = (min: number) => (_u: uPlot, _min: number, max: number): uPlot.Range.MinMax => [0, Math.max(min, max * 1.1)];

function axes() {
  const grid = { stroke: cssColor('--line', '#e3e6ec'), width: 1 };
  return { stroke: cssColor('--muted', '#5b6475'), grid, ticks: grid };
}

/**
 * The x axis ticks on the points themselves (each is a local midnight: a day, or a week's Monday), every
 * k-th point so labels keep ~90 px apart. uPlot's own time ticks fall on hours for a short range and on UTC
 * midnights, which are not the person's days in most time zones. Past about a year the day of the month
 * says little and the year is needed: the labels become month and year.
 */
function dayAxis() {
  return {
    ...axes(),
    splits: (u: uPlot) => {
      const days = (u.data[0] ?? []) as number[];
      const every = Math.max(1, Math.ceil(days.length / Math.max(2, Math.floor(u.bbox.width / devicePixelRatio / 90))));
      return days.filter((_, i) => (days.length - 1 - i) % every === 0);
    },
    values: (u: uPlot, ticks: number[]) => {
      const days = (u.data[0] ?? []) as number[];
      const long = days.length > 1 && days.at(-1)! - days[0]! > 400 * 86_400;
      const format: Intl.DateTimeFormatOptions = long ? { month: 'short', year: 'numeric' } : { month: 'short', day: 'numeric' };
      return ticks.map((t) => new Date(t * 1000).toLocaleDateString('en-US', format));
    },
  };
}

function countOptions(current: Current, width: number, onDrawn: () => void): uPlot.Options {
  const axis = axes();
  const clicks = cssColor('--series-clicks', '#d9731a');
  const labelFont = '12px system-ui, sans-serif';
  const perDay = current.points.step === 'week' ? ' a day' : '';
  return {
    width,
    height: HEIGHT,
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    scales: { x: { time: true }, clicks: { range: atLeast(4) }, y: { range: atLeast(4) } },
    axes: [
      dayAxis(),
      { ...axis, scale: 'y', size: 60, label: `Impressions, viewable${perDay}`, labelSize: 20, labelFont, values: (_u, ticks) => ticks.map(formatCount) },
      { ...axis, stroke: clicks, scale: 'clicks', side: 1, size: 50, label: `Clicks${perDay}`, labelSize: 20, labelFont, grid: { show: false }, values: (_u, ticks) => ticks.map(formatCount) },
    ],
    series: [
      { label: current.points.step === 'day' ? 'Day' : 'Week', value: pointValue(current) },
      { label: 'Impressions', scale: 'y', stroke: cssColor('--series-impressions', '#1a66d9'), width: 2, value: count },
      { label: 'Viewable', scale: 'y', stroke: cssColor('--series-viewable', '#2e9d6a'), width: 2, value: count },
      { label: 'Clicks (right axis)', scale: 'clicks', stroke: clicks, width: 2, value: count },
    ],
    hooks: { draw: [onDrawn], ready: [legendTitles([METRIC_HELP.impressions, METRIC_HELP.viewable, METRIC_HELP.clicks])] },
  };
}

function ctrOptions(current: Current, width: number, onDrawn: () => void): uPlot.Options {
  const axis = axes();
  const percent = (_u: uPlot, v: number | null) => (v === null ? '—' : formatPercent(v));
  return {
    width,
    height: CTR_HEIGHT,
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    scales: { x: { time: true }, y: { range: atLeast(1) } },
    axes: [dayAxis(), { ...axis, size: 60, values: (_u, ticks) => ticks.map(formatPercent) }],
    series: [
      { label: current.points.step === 'day' ? 'Day' : 'Week', value: pointValue(current) },
      { label: 'CTR', stroke: cssColor('--series-clicks', '#d9731a'), width: 2, spanGaps: false, points: { show: true, size: 5 }, value: percent },
    ],
    hooks: { draw: [onDrawn], ready: [legendTitles([METRIC_HELP.ctr])] },
  };
}

/** One uPlot instance in a container, created once, given new data as it arrives, resized with the page. */
function useChart(points: ChartPoints, columns: uPlot.AlignedData, height: number, options: (current: Current, width: number, onDrawn: () => void) => uPlot.Options) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const current = useRef<Current>({ points });
  const data = useRef(columns);
  data.current = columns;

  // Colours are read from the page's CSS when a chart is made: a switch between light and dark makes it anew.
  useEffect(() => {
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const remake = () => {
      const el = container.current;
      if (!el || !plot.current) return;
      plot.current.destroy();
      plot.current = new uPlot(options(current.current, el.clientWidth || 720, () => (el.dataset.ready = 'true')), data.current, el);
    };
    scheme.addEventListener('change', remake);
    return () => scheme.removeEventListener('change', remake);
  }, []);

  useEffect(() => {
    const el = container.current!;
    el.dataset.ready = 'false';
    const stepChanged = current.current.points.step !== points.step;
    current.current.points = points;
    // The legend's "Day" or "Week" is fixed when the chart is made: a new step makes a new chart.
    if (plot.current && stepChanged) {
      plot.current.destroy();
      plot.current = null;
    }
    if (!plot.current) plot.current = new uPlot(options(current.current, el.clientWidth || 720, () => (el.dataset.ready = 'true')), columns, el);
    else plot.current.setData(columns);
  }, [columns]);

  useEffect(() => {
    const el = container.current!;
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: el.clientWidth, height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, []);
  return container;
}

export function DailyChart({ points }: { points: ChartPoints }) {
  const container = useChart(points, points.columns, HEIGHT, countOptions);
  return <div class="chart" ref={container} data-testid="daily-chart" data-step={points.step} data-ready="false" />;
}

export function CtrChart({ points, columns }: { points: ChartPoints; columns: CtrColumns }) {
  const container = useChart(points, columns as uPlot.AlignedData, CTR_HEIGHT, ctrOptions);
  return <div class="chart ctr" ref={container} data-testid="ctr-chart" data-step={points.step} data-ready="false" />;
}
