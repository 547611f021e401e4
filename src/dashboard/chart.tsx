/**
 * The daily chart: impressions and viewable impressions on the left axis, clicks (a few in a hundred
 * impressions) on their own axis at the right. uPlot draws on a canvas; the container gets
 * `data-ready="true"` once it has drawn the current data (tests and the storage bench wait for it).
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import type { ChartColumns } from './series';

const HEIGHT = 280;

/** A colour from the page's CSS variables (theme.css, dashboard.css), so the canvas follows dark mode. */
function cssColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function options(width: number, onDrawn: () => void): uPlot.Options {
  const grid = { stroke: cssColor('--line', '#e3e6ec'), width: 1 };
  const axis = { stroke: cssColor('--muted', '#5b6475'), grid, ticks: grid };
  const count = (_u: uPlot, v: number | null) => (v === null ? '—' : v.toLocaleString('en-US'));
  return {
    width,
    height: HEIGHT,
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    scales: { x: { time: true }, clicks: { range: (_u, _min, max) => [0, Math.max(4, max * 1.1)] }, y: { range: (_u, _min, max) => [0, Math.max(4, max * 1.1)] } },
    axes: [
      axis,
      { ...axis, scale: 'y', size: 60, values: (_u, ticks) => ticks.map((t) => t.toLocaleString('en-US')) },
      { ...axis, scale: 'clicks', side: 1, size: 50, grid: { show: false }, values: (_u, ticks) => ticks.map((t) => t.toLocaleString('en-US')) },
    ],
    series: [
      { label: 'Day', value: (_u, v) => (v === null ? '—' : new Date(v * 1000).toLocaleDateString('en-CA')) },
      { label: 'Impressions', scale: 'y', stroke: cssColor('--series-impressions', '#1a66d9'), width: 2, value: count },
      { label: 'Viewable', scale: 'y', stroke: cssColor('--series-viewable', '#2e9d6a'), width: 2, value: count },
      { label: 'Clicks', scale: 'clicks', stroke: cssColor('--series-clicks', '#d9731a'), width: 2, value: count },
    ],
    hooks: { draw: [onDrawn] },
  };
}

export function DailyChart({ columns }: { columns: ChartColumns }) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = container.current!;
    el.dataset.ready = 'false';
    if (!plot.current) {
      plot.current = new uPlot(options(el.clientWidth || 720, () => (el.dataset.ready = 'true')), columns, el);
    } else {
      plot.current.setData(columns);
    }
  }, [columns]);

  useEffect(() => {
    const el = container.current!;
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, []);

  return <div class="chart" ref={container} data-testid="daily-chart" data-ready="false" />;
}
