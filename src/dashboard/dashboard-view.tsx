import { useMemo } from 'preact/hooks';
import { CELL_DIMENSIONS, isEmptyFilter } from '../common/cells';
import type { CellDimension, CellFilter } from '../common/cells';
import type { Frequency } from '../common/frequency';
import type { PlacementStats, TopRows } from '../common/messages';
import type { WatchEntry } from '../common/watchlist';
import { formatCount, formatCtr } from '../common/format';
import { METRIC_HELP } from '../ui/metric-help';
import { CtrChart, DailyChart } from './chart';
import { DayTable } from './day-table';
import { FilterBar } from './filter-bar';
import { DIMENSION_LABELS, UNKNOWN_LABELS } from './filters';
import { FrequencyPanel } from './frequency-panel';
import { PlacementPanel } from './placement-panel';
import { TimeInViewPanel } from './time-in-view-panel';
import { GallerySection } from './gallery-section';
import type { LoadGallery } from './gallery-section';
import { InsightChart } from './insight-chart';
import { MyAds } from './my-ads';
import type { WatchStats } from './my-ads';
import { chartPoints, columnTotals, ctrColumns, RANGES } from './series';
import type { ChartColumns, MeasuredCounts, RangeId } from './series';
import { TopTable } from './top-table';
import { useCountsSort } from './counts-table';
import { UpgradeBanner } from './upgrade-banner';
import type { UpgradeState } from './upgrade-banner';

/** Data that arrives on its own: loading, failed, or there. */
export type Loadable<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

export type Top = TopRows;

export interface DashboardState {
  range: RangeId;
  filter: CellFilter;
  chart: Loadable<ChartColumns>;
  /** The measured counts of each day of the chart that has them, for the days table's rates. */
  measuredDays: Record<string, MeasuredCounts>;
  tops: Record<CellDimension, Loadable<Top>>;
  frequency: Loadable<Frequency>;
  /** Placement and time in view: every ad of the range, whatever the filter. */
  placement: Loadable<PlacementStats>;
  /**
   * The current view's chart and top tables have arrived. The slower reads (placement, the galleries) start
   * only then, so the first screen never queues behind them in the worker and IndexedDB (docs/performance.md).
   */
  firstScreenDone: boolean;
  watchlist: WatchEntry[];
  watch: Loadable<WatchStats>;
  /** The top tables showing every row rather than the top 10. */
  showAll: Record<CellDimension, boolean>;
  /** A database upgrade's walk over the stored events, running or finished while the page was open. */
  upgrade: UpgradeState;
}

export interface DashboardActions {
  onRange: (range: RangeId) => void;
  onFilter: (filter: CellFilter) => void;
  onWatchlist: (entries: WatchEntry[]) => void;
  onShowAll: (dimension: CellDimension, all: boolean) => void;
  /** A page of the gallery of this view (range and filter), or of My ads' creatives (range and watchlist). */
  loadGallery: (of: 'all' | 'watched') => LoadGallery;
  onReload: () => void;
}

const TOP_TITLES: Record<CellDimension, string> = { site: 'Top sites', advertiser: 'Top advertisers', network: 'Top networks', kind: 'Top kinds' };

/** The dashboard as a pure render of its state. */
export function DashboardView({ state, actions }: { state: DashboardState; actions: DashboardActions }) {
  const totals = state.chart.status === 'ready' ? columnTotals(state.chart.value) : null;
  const days = state.chart.status === 'ready' ? state.chart.value : null;
  const points = useMemo(() => (days ? chartPoints(days) : null), [days]);
  const ctr = useMemo(() => (points ? ctrColumns(points.columns) : null), [points]);
  const weekly = points?.step === 'week';
  const rangeLabel = RANGES.find((r) => r.id === state.range)!.label;
  const overallCtr = totals && totals.impressions > 0 ? totals.clicks / totals.impressions : null;
  const watched = state.watch.status === 'ready' ? state.watch.value : null;
  const watchedSites = useMemo(() => new Set(watched?.combined.bySite.map((row) => row.key)), [watched]);
  const filtered = !isEmptyFilter(state.filter);
  const choices = Object.fromEntries(CELL_DIMENSIONS.map((d) => [d, readyKeys(state.tops[d])])) as Record<CellDimension, string[]>;
  const pick = (d: CellDimension) => (key: string) => actions.onFilter({ ...state.filter, [d]: key });
  // Busy while any part loads: people with screen readers hear when the view is complete, and tests wait for it.
  const busy = [state.chart, state.frequency, state.placement, state.watch, ...CELL_DIMENSIONS.map((d) => state.tops[d])].some((part) => part.status === 'loading');
  return (
    <main aria-busy={busy}>
      <header class="bar">
        <h1>AdTally</h1>
        <span class="tagline">
          dashboard: the ads you saw and clicked, counted on this device · <a href="options.html">options, export and privacy</a>
        </span>
        <nav class="ranges" aria-label="Range">
          {RANGES.map((r) => (
            <button type="button" key={r.id} aria-pressed={r.id === state.range} onClick={() => actions.onRange(r.id)}>
              {r.label}
            </button>
          ))}
        </nav>
      </header>
      <UpgradeBanner state={state.upgrade} onReload={actions.onReload} />
      <MyAds entries={state.watchlist} stats={state.watch} rangeLabel={rangeLabel} onChange={actions.onWatchlist} />
      {state.watchlist.length > 0 && (
        <GallerySection
          view={state.firstScreenDone ? JSON.stringify([state.range, state.watchlist]) : null}
          load={actions.loadGallery('watched')}
          title="My ads: their creatives"
          empty="None of your ads was seen in this range."
          testId="my-ads-gallery"
        />
      )}
      <h2 class="section-title">{filtered ? 'Filtered ads' : 'All ads'}</h2>
      <FilterBar filter={state.filter} choices={choices} onFilter={actions.onFilter} />
      <section class="card" aria-labelledby="chart-title">
        <h2 id="chart-title">
          {weekly ? 'Per week' : 'Per day'}
          {totals && (
            <span class="of" data-testid="range-totals">
              {' '}
              · <span title={METRIC_HELP.impressions}>{formatCount(totals.impressions)} impressions</span>, <span title={METRIC_HELP.viewable}>{formatCount(totals.viewable)} viewable</span>,{' '}
              <span title={METRIC_HELP.clicks}>{formatCount(totals.clicks)} clicks</span>, <span title={METRIC_HELP.ctr}>CTR {formatCtr(totals.clicks, totals.impressions)}</span>
            </span>
          )}
        </h2>
        {state.chart.status === 'loading' && <p class="note">Loading…</p>}
        {state.chart.status === 'error' && <Failed message={state.chart.message} />}
        {totals && totals.impressions === 0 && totals.clicks === 0 && (
          <p class="note empty" data-testid="empty-range">
            {filtered ? 'No ad matches these filters in this range. ' : 'No ads counted in this range. AdTally counts the ads you see as you browse. '}
            {!filtered && (
              <>
                To bring in what another browser counted, import its export on the <a href="options.html#data-title">options page</a>.
              </>
            )}
          </p>
        )}
        {points && <DailyChart points={points} />}
        {weekly && (
          <p class="note">
            Over 90 days each point is a week (Monday to Sunday) at its Monday, drawn as its average day: the weeks the range cuts at its ends are not drawn as falls.
          </p>
        )}
      </section>
      <section class="card" aria-labelledby="ctr-title">
        <h2 id="ctr-title">{weekly ? 'CTR per week' : 'CTR per day'}</h2>
        {points && ctr && <CtrChart points={points} columns={ctr} />}
        {state.chart.status === 'loading' && <p class="note">Loading…</p>}
        {state.chart.status === 'ready' && <DayTable columns={state.chart.value} measured={state.measuredDays} />}
      </section>
      <InsightChart
        tops={{ site: state.tops.site, advertiser: state.tops.advertiser }}
        frequency={state.frequency}
        watchlist={state.watchlist}
        watchedSites={watchedSites}
        overallCtr={totals ? overallCtr : undefined}
        onShowAll={(d) => actions.onShowAll(d, true)}
      />
      <div class="tops">
        {CELL_DIMENSIONS.map((d) => (
          <TopPanel
            key={d}
            title={TOP_TITLES[d]}
            keyLabel={DIMENSION_LABELS[d]}
            unknownLabel={UNKNOWN_LABELS[d]}
            top={state.tops[d]}
            showAll={state.showAll[d]}
            onShowAll={(all) => actions.onShowAll(d, all)}
            onPick={pick(d)}
            overallCtr={overallCtr}
            shareOf={d === 'advertiser' && totals ? totals.impressions : null}
          />
        ))}
      </div>
      <section class="card" aria-labelledby="frequency-title">
        <h2 id="frequency-title">Frequency: how often the same creative was seen</h2>
        {state.frequency.status === 'loading' && <p class="note">Loading…</p>}
        {state.frequency.status === 'error' && <Failed message={state.frequency.message} />}
        {state.frequency.status === 'ready' && <FrequencyPanel frequency={state.frequency.value} filter={state.filter} />}
      </section>
      <section class="card" aria-labelledby="time-in-view-title">
        <h2 id="time-in-view-title">Time in view per impression</h2>
        {state.placement.status === 'loading' && <p class="note">Loading…</p>}
        {state.placement.status === 'error' && <Failed message={state.placement.message} />}
        {state.placement.status === 'ready' && <TimeInViewPanel stats={state.placement.value} />}
      </section>
      <section class="card" aria-labelledby="placement-title">
        <h2 id="placement-title">Placement: above or below the fold, size and kind</h2>
        {state.placement.status === 'loading' && <p class="note">Loading…</p>}
        {state.placement.status === 'error' && <Failed message={state.placement.message} />}
        {state.placement.status === 'ready' && <PlacementPanel stats={state.placement.value} />}
      </section>
      <GallerySection
        view={state.firstScreenDone ? JSON.stringify([state.range, state.filter]) : null}
        load={actions.loadGallery('all')}
        title="Creatives"
        note="Creatives seen in this range, newest first, each counted over all time, with the picture taken when it first became viewable."
        empty="No creative in this range."
        testId="creatives-gallery"
      />
    </main>
  );
}

function readyKeys(top: Loadable<Top>): string[] {
  return top.status === 'ready' ? top.value.rows.map((r) => r.key) : [];
}

/** A top table, or its loading and failure; its sort outlives reloads (a new range keeps the CTR order). */
function TopPanel({
  title,
  keyLabel,
  unknownLabel,
  top,
  showAll,
  onShowAll,
  onPick,
  overallCtr,
  shareOf,
}: {
  title: string;
  keyLabel: string;
  unknownLabel: string;
  top: Loadable<Top>;
  overallCtr: number | null;
  shareOf: number | null;
  showAll: boolean;
  onShowAll: (all: boolean) => void;
  onPick: (key: string) => void;
}) {
  const [sort, onSort] = useCountsSort();
  if (top.status === 'ready')
    return (
      <TopTable
        title={title}
        keyLabel={keyLabel}
        unknownLabel={unknownLabel}
        rows={top.value.rows}
        total={top.value.total}
        showAll={showAll}
        onShowAll={onShowAll}
        sort={sort}
        onSort={onSort}
        onPick={onPick}
        overallCtr={overallCtr}
        shareOf={shareOf}
      />
    );
  return (
    <section class="card">
      <h2>{title}</h2>
      {top.status === 'loading' ? <p class="note">Loading…</p> : <Failed message={top.message} />}
    </section>
  );
}

function Failed({ message }: { message: string }) {
  return (
    <p class="note error" role="alert">
      Could not read AdTally's data: {message}
    </p>
  );
}
