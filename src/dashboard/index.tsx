/**
 * The dashboard: "My ads" (the watchlist's counts and sites), then every ad, filtered or not: impressions,
 * viewable impressions and clicks per day, CTR per day, the top sites, advertisers, networks and kinds,
 * and frequency. Each part loads on its own, so the chart never waits for a table.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CELL_DIMENSIONS, isEmptyFilter } from '../common/cells';
import type { CellDimension, CellFilter } from '../common/cells';
import { errorText } from '../common/format';
import type { WatchEntry } from '../common/watchlist';
import { initialFilter, initialRange, loadFrequency, loadGallery, loadPlacement, loadSeries, loadSlice, loadTop, loadWatchStats, rememberView, today } from './client';
import { DashboardView } from './dashboard-view';
import type { DashboardState, Loadable, Top } from './dashboard-view';
import { measuredByDay, rangeDays, toColumns } from './series';
import type { RangeId } from './series';
import { loadWatchlist, saveWatchlist } from '../ui/watchlist-store';
import { ALL_ROWS, TOP_ROWS } from './top-rows';
import { readDbUpgrade, watchDbUpgrade } from '../ui/db-upgrade-store';
import { nextUpgradeState } from './upgrade-banner';

/** The rows to ask for: the top 10, or all of them for a table showing all. */
const limitOf = (all: boolean) => (all ? ALL_ROWS : TOP_ROWS);
const noneShowAll = () => Object.fromEntries(CELL_DIMENSIONS.map((d) => [d, false])) as Record<CellDimension, boolean>;

const TOP_CREATIVES = 10;

const failed = (error: unknown) => ({ status: 'error', message: errorText(error) }) as const;
const loadingTops = () => Object.fromEntries(CELL_DIMENSIONS.map((d) => [d, { status: 'loading' }])) as Record<CellDimension, Loadable<Top>>;

function Dashboard() {
  const [state, setState] = useState<DashboardState>({
    range: initialRange(),
    filter: initialFilter(),
    chart: { status: 'loading' },
    measuredDays: {},
    tops: loadingTops(),
    frequency: { status: 'loading' },
    placement: { status: 'loading' },
    firstScreenDone: false,
    watchlist: [],
    watch: { status: 'loading' },
    showAll: noneShowAll(),
    upgrade: null,
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
    update(() => ({ firstScreenDone: false }));
    if (isEmptyFilter(state.filter)) {
      firstScreen.push(
        loadSeries(days).then(
          ({ rows }) => update(() => ({ chart: { status: 'ready', value: toColumns(rows, days, day) }, measuredDays: measuredByDay(rows) })),
          (error: unknown) => update(() => ({ chart: failed(error) })),
        ),
      );
      for (const d of CELL_DIMENSIONS) {
        firstScreen.push(
          loadTop(d, days, limitOf(state.showAll[d])).then(
            (value) => setTop(d, { status: 'ready', value }),
            (error: unknown) => setTop(d, failed(error)),
          ),
        );
      }
    } else {
      firstScreen.push(
        // One request answers all four tables of a slice: all rows as soon as one of them shows all.
        loadSlice(days, state.filter, limitOf(CELL_DIMENSIONS.some((d) => state.showAll[d]))).then(
          (slice) =>
            update(() => ({
              chart: { status: 'ready', value: toColumns(slice.series, days, day) },
              measuredDays: measuredByDay(slice.series),
              tops: Object.fromEntries(CELL_DIMENSIONS.map((d) => [d, { status: 'ready', value: slice.top[d] }])) as Record<CellDimension, Loadable<Top>>,
            })),
          (error: unknown) => update(() => ({ chart: failed(error), tops: Object.fromEntries(CELL_DIMENSIONS.map((d) => [d, failed(error)])) as Record<CellDimension, Loadable<Top>> })),
        ),
      );
    }
    void Promise.all(firstScreen).then(() => {
      if (!current) return;
      update(() => ({ firstScreenDone: true }));
      loadFrequency(days, state.filter, TOP_CREATIVES).then(
        (value) => update(() => ({ frequency: { status: 'ready', value } })),
        (error: unknown) => update(() => ({ frequency: failed(error) })),
      );
    });
    return () => {
      current = false;
    };
  }, [state.range, JSON.stringify(state.filter)]);

  // Placement and time in view: every ad of the range, so only a new range loads them again, once its
  // first screen is drawn (a new filter redraws the first screen but keeps these).
  const placementRange = useRef<RangeId | null>(null);
  useEffect(() => {
    if (!state.firstScreenDone || placementRange.current === state.range) return;
    let current = true;
    let answered = false;
    placementRange.current = state.range;
    setState((s) => ({ ...s, placement: { status: 'loading' } }));
    loadPlacement(rangeDays(state.range, today())).then(
      (value) => {
        answered = true;
        if (current) setState((s) => ({ ...s, placement: { status: 'ready', value } }));
      },
      (error: unknown) => {
        placementRange.current = null;
        if (current) setState((s) => ({ ...s, placement: failed(error) }));
      },
    );
    return () => {
      current = false;
      // Left before it answered: whichever range comes next loads its own.
      if (!answered) placementRange.current = null;
    };
  }, [state.firstScreenDone]);

  // A database upgrade's walk (db/backfill.ts): said while it runs, and when it ends while the page is open.
  useEffect(() => {
    const apply = (upgrade: Parameters<typeof nextUpgradeState>[1]) => setState((s) => ({ ...s, upgrade: nextUpgradeState(s.upgrade, upgrade) }));
    const stop = watchDbUpgrade(apply);
    void readDbUpgrade().then((upgrade) => upgrade && apply(upgrade));
    return stop;
  }, []);

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
      setState((s) => ({ ...s, range, chart: { status: 'loading' }, tops: loadingTops(), frequency: { status: 'loading' }, firstScreenDone: false }));
    },
    onFilter: (filter: CellFilter) => {
      rememberView(state.range, filter);
      setState((s) => ({ ...s, filter, chart: { status: 'loading' }, tops: loadingTops(), frequency: { status: 'loading' }, firstScreenDone: false }));
    },
    onShowAll: (d: CellDimension, all: boolean) => {
      setState((s) => ({ ...s, showAll: { ...s.showAll, [d]: all } }));
      const top = state.tops[d];
      // Back to the top 10, or all rows already here: the table only shows more or fewer of what it holds.
      if (!all || top.status !== 'ready' || top.value.rows.length >= Math.min(top.value.total, ALL_ROWS)) return;
      const days = rangeDays(state.range, today());
      // An answer for a range or filter left meanwhile is dropped: the new view loads its own rows.
      const view = JSON.stringify([state.range, state.filter]);
      const setTop = (value: Loadable<Top>) => setState((s) => (JSON.stringify([s.range, s.filter]) === view ? { ...s, tops: { ...s.tops, [d]: value } } : s));
      setTop({ status: 'loading' });
      const allRows = isEmptyFilter(state.filter) ? loadTop(d, days, ALL_ROWS) : loadSlice(days, state.filter, ALL_ROWS).then((slice) => slice.top[d]);
      allRows.then(
        (value) => setTop({ status: 'ready', value }),
        (error: unknown) => setTop(failed(error)),
      );
    },
    // My ads' creatives follow the range and the list, not the filter bar (which is below them).
    loadGallery: (of: 'all' | 'watched') => (offset: number, limit: number) =>
      of === 'all' ? loadGallery(rangeDays(state.range, today()), state.filter, null, offset, limit) : loadGallery(rangeDays(state.range, today()), {}, state.watchlist, offset, limit),
    onWatchlist: (watchlist: WatchEntry[]) => {
      setState((s) => ({ ...s, watchlist, watch: { status: 'loading' } }));
      saveWatchlist(watchlist).catch((error: unknown) => setState((s) => ({ ...s, watch: failed(error) })));
    },
    onReload: () => location.reload(),
  };
  return <DashboardView state={state} actions={actions} />;
}

render(<Dashboard />, document.getElementById('app')!);
