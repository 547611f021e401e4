/**
 * The dashboard: "My ads" (the watchlist's counts and sites), then every ad, filtered or not: impressions,
 * viewable impressions and clicks per day, CTR per day, the top sites, advertisers, networks and kinds,
 * and frequency. Each part loads on its own, so the chart never waits for a table.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CELL_DIMENSIONS, isEmptyFilter } from '../common/cells';
import type { CellDimension, CellFilter } from '../common/cells';
import { errorText } from '../common/format';
import type { WatchEntry } from '../common/watchlist';
import { initialFilter, initialRange, loadFrequency, loadSeries, loadSlice, loadTop, loadWatchStats, rememberView, today } from './client';
import { DashboardView } from './dashboard-view';
import type { DashboardState, Loadable, Top } from './dashboard-view';
import { rangeDays, toColumns } from './series';
import type { RangeId } from './series';
import { loadWatchlist, saveWatchlist } from '../ui/watchlist-store';

const TOP_ROWS = 10;
const TOP_CREATIVES = 10;

const failed = (error: unknown) => ({ status: 'error', message: errorText(error) }) as const;
const loadingTops = () => Object.fromEntries(CELL_DIMENSIONS.map((d) => [d, { status: 'loading' }])) as Record<CellDimension, Loadable<Top>>;

function Dashboard() {
  const [state, setState] = useState<DashboardState>({
    range: initialRange(),
    filter: initialFilter(),
    chart: { status: 'loading' },
    tops: loadingTops(),
    frequency: { status: 'loading' },
    watchlist: [],
    watch: { status: 'loading' },
  });
  const [watchlistLoaded, setWatchlistLoaded] = useState(false);

  // Every ad, or the filtered slice: chart, top tables and frequency.
  useEffect(() => {
    let current = true;
    const day = today();
    const days = rangeDays(state.range, day);
    const update = (change: (s: DashboardState) => Partial<DashboardState>) => current && setState((s) => ({ ...s, ...change(s) }));
    const setTop = (d: CellDimension, top: Loadable<Top>) => update((s) => ({ tops: { ...s.tops, [d]: top } }));
    // Frequency reads every creative of the range: it waits for the chart and the top tables, so the
    // first screen never queues behind it in IndexedDB.
    const firstScreen: Promise<unknown>[] = [];
    if (isEmptyFilter(state.filter)) {
      firstScreen.push(
        loadSeries(days).then(
          ({ rows }) => update(() => ({ chart: { status: 'ready', value: toColumns(rows, days, day) } })),
          (error: unknown) => update(() => ({ chart: failed(error) })),
        ),
      );
      for (const d of CELL_DIMENSIONS) {
        firstScreen.push(
          loadTop(d, days, TOP_ROWS).then(
            (value) => setTop(d, { status: 'ready', value }),
            (error: unknown) => setTop(d, failed(error)),
          ),
        );
      }
    } else {
      firstScreen.push(
        loadSlice(days, state.filter, TOP_ROWS).then(
          (slice) =>
            update(() => ({
              chart: { status: 'ready', value: toColumns(slice.series, days, day) },
              tops: Object.fromEntries(CELL_DIMENSIONS.map((d) => [d, { status: 'ready', value: slice.top[d] }])) as Record<CellDimension, Loadable<Top>>,
            })),
          (error: unknown) => update(() => ({ chart: failed(error), tops: Object.fromEntries(CELL_DIMENSIONS.map((d) => [d, failed(error)])) as Record<CellDimension, Loadable<Top>> })),
        ),
      );
    }
    void Promise.all(firstScreen).then(() => {
      if (!current) return;
      loadFrequency(days, state.filter, TOP_CREATIVES).then(
        (value) => update(() => ({ frequency: { status: 'ready', value } })),
        (error: unknown) => update(() => ({ frequency: failed(error) })),
      );
    });
    return () => {
      current = false;
    };
  }, [state.range, JSON.stringify(state.filter)]);

  useEffect(() => {
    loadWatchlist().then(
      (watchlist) => {
        setState((s) => ({ ...s, watchlist }));
        setWatchlistLoaded(true);
      },
      (error: unknown) => setState((s) => ({ ...s, watch: failed(error) })),
    );
  }, []);

  // "My ads": counted again when the range or the list changes.
  useEffect(() => {
    if (!watchlistLoaded) return;
    let current = true;
    setState((s) => ({ ...s, watch: { status: 'loading' } }));
    loadWatchStats(rangeDays(state.range, today()), state.watchlist).then(
      (value) => current && setState((s) => ({ ...s, watch: { status: 'ready', value } })),
      (error: unknown) => current && setState((s) => ({ ...s, watch: failed(error) })),
    );
    return () => {
      current = false;
    };
  }, [state.range, watchlistLoaded, JSON.stringify(state.watchlist)]);

  const actions = {
    onRange: (range: RangeId) => {
      rememberView(range, state.filter);
      setState((s) => ({ ...s, range, chart: { status: 'loading' }, tops: loadingTops(), frequency: { status: 'loading' } }));
    },
    onFilter: (filter: CellFilter) => {
      rememberView(state.range, filter);
      setState((s) => ({ ...s, filter, chart: { status: 'loading' }, tops: loadingTops(), frequency: { status: 'loading' } }));
    },
    onWatchlist: (watchlist: WatchEntry[]) => {
      setState((s) => ({ ...s, watchlist, watch: { status: 'loading' } }));
      saveWatchlist(watchlist).catch((error: unknown) => setState((s) => ({ ...s, watch: failed(error) })));
    },
  };
  return <DashboardView state={state} actions={actions} />;
}

render(<Dashboard />, document.getElementById('app')!);
