import { wilsonInterval } from '../common/ctr-interval';
import { measuredRates } from '../common/counts';
import { formatCount, formatCtr, formatPercent, formatRate } from '../common/format';
import type { Totals } from '../common/types';
import { METRIC_HELP } from './metric-help';

/** The four count cells every AdTally table row ends with (impressions, viewable, clicks, CTR), each with its definition as a tooltip. */
export function CountColumns({ row, rates = false }: { row: Pick<Totals, 'impressions' | 'viewable' | 'clicks' | 'measured' | 'measuredInView' | 'measuredViewable'>; rates?: boolean }) {
  const measured = measuredRates(row);
  return (
    <>
      <td title={METRIC_HELP.impressions}>{formatCount(row.impressions)}</td>
      <td title={METRIC_HELP.viewable}>{formatCount(row.viewable)}</td>
      <td title={METRIC_HELP.clicks}>{formatCount(row.clicks)}</td>
      <td title={ctrTitle(row)}>{formatCtr(row.clicks, row.impressions)}</td>
      {rates && (
        <>
          <td title={rateTitle(METRIC_HELP.inViewRate, row.measuredInView, row.measured)}>{formatRate(measured?.inView ?? null)}</td>
          <td title={rateTitle(METRIC_HELP.viewabilityRate, row.measuredViewable, row.measured)}>{formatRate(measured?.viewable ?? null)}</td>
        </>
      )}
    </>
  );
}

/** The tooltip of a CTR: the rate, its 95% interval (how rough it is), and what it is. */
export function ctrTitle(counts: { clicks: number; impressions: number }): string {
  const interval = wilsonInterval(counts.clicks, counts.impressions);
  const range = interval ? `; 95% interval ${formatPercent(interval.low * 100)}–${formatPercent(interval.high * 100)}` : '';
  return `${formatCtr(counts.clicks, counts.impressions)} (${formatCount(counts.clicks)} of ${formatCount(counts.impressions)} impressions${range}). ${METRIC_HELP.ctr}`;
}

/** The tooltip of an in-view or viewability rate: how many of how many measured ads, and what it is. */
export function rateTitle(help: string, part: number | undefined, measured: number | undefined): string {
  return measured ? `${formatCount(part ?? 0)} of ${formatCount(measured)} measured ads. ${help}` : `No measured ads here. ${help}`;
}
