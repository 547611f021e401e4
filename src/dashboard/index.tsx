/**
 * The dashboard: a chart of impressions, viewable impressions and clicks per day over a range, and the top
 * sites and advertisers. The chart and each table load on their own, so the chart never waits for a table.
 * Issue 6 adds more views here.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { TopDimension } from '../common/messages';
import { initialRange, loadSeries, loadTop, rememberRange, today } from './client';
import { DashboardView } from './dashboard-view';
import type { DashboardState, Loadable } from './dashboard-view';
import { rangeDays, toColumns } from './series';
import type { RangeId } from './series';

const TOP_ROWS = 10;

const message = (error: unknown) => String((error as Error)?.message ?? error);

function Dashboard() {
  const [state, setState] = useState<DashboardState>({ range: initialRange(), chart: { status: 'loading' }, sites: { status: 'loading' }, advertisers: { status: 'loading' } });

  useEffect(() => {
    let current = true;
    const day = today();
    const days = rangeDays(state.range, day);
    const update = (part: Partial<DashboardState>) => current && setState((s) => ({ ...s, ...part }));
    loadSeries(days).then(
      ({ rows }) => update({ chart: { status: 'ready', value: toColumns(rows, days, day) } }),
      (error: unknown) => update({ chart: { status: 'error', message: message(error) } }),
    );
    const top = (dimension: TopDimension, key: 'sites' | 'advertisers') =>
      loadTop(dimension, days, TOP_ROWS).then(
        (value) => update({ [key]: { status: 'ready', value } as Loadable<never> }),
        (error: unknown) => update({ [key]: { status: 'error', message: message(error) } }),
      );
    void top('site', 'sites');
    void top('advertiser', 'advertisers');
    return () => {
      current = false;
    };
  }, [state.range]);

  const pick = (range: RangeId) => {
    rememberRange(range);
    setState((s) => ({ ...s, range }));
  };
  return <DashboardView state={state} onRange={pick} />;
}

render(<Dashboard />, document.getElementById('app')!);
