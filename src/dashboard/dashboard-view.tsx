import type { KeyStats } from '../common/types';
import { DailyChart } from './chart';
import { columnTotals, RANGES } from './series';
import type { ChartColumns, RangeId } from './series';
import { TopTable } from './top-table';
import { formatCtr } from '../common/format';

/** Data that arrives on its own: loading, failed, or there. */
export type Loadable<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

export interface Top {
  rows: KeyStats[];
  total: number;
}

export interface DashboardState {
  range: RangeId;
  chart: Loadable<ChartColumns>;
  sites: Loadable<Top>;
  advertisers: Loadable<Top>;
}

/** The dashboard's first screen as a pure render of its state; `onRange` picks another range. */
export function DashboardView({ state, onRange }: { state: DashboardState; onRange: (range: RangeId) => void }) {
  const totals = state.chart.status === 'ready' ? columnTotals(state.chart.value) : null;
  return (
    <main>
      <header class="bar">
        <h1>AdTally</h1>
        <span class="tagline">dashboard: the ads you saw and clicked, counted on this device</span>
        <nav class="ranges" aria-label="Range">
          {RANGES.map((r) => (
            <button type="button" key={r.id} aria-pressed={r.id === state.range} onClick={() => onRange(r.id)}>
              {r.label}
            </button>
          ))}
        </nav>
      </header>
      <section class="card" aria-labelledby="chart-title">
        <h2 id="chart-title">
          Per day
          {totals && (
            <span class="of" data-testid="range-totals">
              {' '}
              · {totals.impressions.toLocaleString('en-US')} impressions, {totals.viewable.toLocaleString('en-US')} viewable, {totals.clicks.toLocaleString('en-US')} clicks, CTR{' '}
              {formatCtr(totals.clicks, totals.impressions)}
            </span>
          )}
        </h2>
        {state.chart.status === 'loading' && <p class="note">Loading…</p>}
        {state.chart.status === 'error' && <Failed message={state.chart.message} />}
        {state.chart.status === 'ready' && <DailyChart columns={state.chart.value} />}
      </section>
      <div class="tops">
        <TopPanel title="Top sites" keyLabel="Site" unknownLabel="(unknown site)" top={state.sites} />
        <TopPanel title="Top advertisers" keyLabel="Advertiser" unknownLabel="(not shown by the ad)" top={state.advertisers} />
      </div>
    </main>
  );
}

function TopPanel({ title, keyLabel, unknownLabel, top }: { title: string; keyLabel: string; unknownLabel: string; top: Loadable<Top> }) {
  if (top.status === 'ready') return <TopTable title={title} keyLabel={keyLabel} unknownLabel={unknownLabel} rows={top.value.rows} total={top.value.total} />;
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
