/**
 * The dashboard's charts over days, drawn by uPlot on a canvas:
 * - `DailyChart`: impressions and viewable impressions on the left axis, clicks (a few in a hundred
 *   impressions) on their own axis at the right;
 * - `CtrChart`: CTR in percent, with gaps on days without impressions.
 * Each container gets `data-ready="true"` once it has drawn the current data (tests and the storage bench
 * wait for it).
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { formatCount, formatPercent } from '../common/format';
import type { ChartColumns, CtrColumns } from './series';

const HEIGHT = 280;
const CTR_HEIGHT = 180;

/** A colour from the page's CSS variables (theme.css, dashboard.css), so the canvas follows dark mode. */
function cssColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

const dayValue = (_u: uPlot, v: number | null) => (v === null ? '—' : new Date(v * 1000).toLocaleDateString('en-CA'));
const count = (_u: uPlot, v: number | null) => (v === null ? '—' : formatCount(v));
const atLeast = (min: number) => (_u: uPlot, _min: number, max: number): uPlot.Range.MinMax => [0, Math.max(min, max * 1.1)];

function axes() {
  const grid = { stroke: cssColor('--line', '#e3e6ec'), width: 1 };
  return { stroke: cssColor('--muted', '#5b6475'), grid, ticks: grid };
}

/**
 * The x axis ticks on the days themselves (each point is a local midnight), every k-th day so labels keep
 * ~90 px apart. uPlot's own time ticks fall on hours for a short range and on UTC midnights, which are
 * not the person's days in most time zones.
 */
function dayAxis() {
  return {
    ...axes(),
    splits: (u: uPlot) => {
      const days = (u.data[0] ?? []) as number[];
      const every = Math.max(1, Math.ceil(days.length / Math.max(2, Math.floor(u.bbox.width / devicePixelRatio / 90))));
      return days.filter((_, i) => (days.length - 1 - i) % every === 0);
    },
    values: (_u: uPlot, ticks: number[]) => ticks.map((t) => new Date(t * 1000).toLocaleDateString('en-US', { month: 'short', day: 'numeric' })),
  };
}

function countOptions(width: number, onDrawn: () => void): uPlot.Options {
  const axis = axes();
  return {
    width,
    height: HEIGHT,
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    scales: { x: { time: true }, clicks: { range: atLeast(4) }, y: { range: atLeast(4) } },
    axes: [
      dayAxis(),
      { ...axis, scale: 'y', size: 60, values: (_u, ticks) => ticks.map(formatCount) },
      { ...axis, scale: 'clicks', side: 1, size: 50, grid: { show: false }, values: (_u, ticks) => ticks.map(formatCount) },
    ],
    series: [
      { label: 'Day', value: dayValue },
      { label: 'Impressions', scale: 'y', stroke: cssColor('--series-impressions', '#1a66d9'), width: 2, value: count },
      { label: 'Viewable', scale: 'y', stroke: cssColor('--series-viewable', '#2e9d6a'), width: 2, value: count },
      { label: 'Clicks', scale: 'clicks', stroke: cssColor('--series-clicks', '#d9731a'), width: 2, value: count },
    ],
    hooks: { draw: [onDrawn] },
  };
}

function ctrOptions(width: number, onDrawn: () => void): uPlot.Options {
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
      { label: 'Day', value: dayValue },
      { label: 'CTR', stroke: cssColor('--series-clicks', '#d9731a'), width: 2, spanGaps: false, points: { show: true, size: 5 }, value: percent },
    ],
    hooks: { draw: [onDrawn] },
  };
}

/** One uPlot instance in a container, created once, given new data as it arrives, resized with the page. */
function useChart(columns: uPlot.AlignedData, height: number, options: (width: number, onDrawn: () => void) => uPlot.Options) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = container.current!;
    el.dataset.ready = 'false';
    if (!plot.current) plot.current = new uPlot(options(el.clientWidth || 720, () => (el.dataset.ready = 'true')), columns, el);
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

export function DailyChart({ columns }: { columns: ChartColumns }) {
  const container = useChart(columns, HEIGHT, countOptions);
  return <div class="chart" ref={container} data-testid="daily-chart" data-ready="false" />;
}

export function CtrChart({ columns }: { columns: CtrColumns }) {
  const container = useChart(columns as uPlot.AlignedData, CTR_HEIGHT, ctrOptions);
  return <div class="chart ctr" ref={container} data-testid="ctr-chart" data-ready="false" />;
}
