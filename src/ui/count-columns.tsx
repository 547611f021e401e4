import { wilsonInterval } from '../common/ctr-interval';
import { formatCount, formatCtr, formatPercent } from '../common/format';
import { METRIC_HELP } from './metric-help';

/** The four count cells every AdTally table row ends with (impressions, viewable, clicks, CTR), each with its definition as a tooltip. */
export function CountColumns({ row }: { row: { impressions: number; viewable: number; clicks: number } }) {
  return (
    <>
      <td title={METRIC_HELP.impressions}>{formatCount(row.impressions)}</td>
      <td title={METRIC_HELP.viewable}>{formatCount(row.viewable)}</td>
      <td title={METRIC_HELP.clicks}>{formatCount(row.clicks)}</td>
      <td title={ctrTitle(row)}>{formatCtr(row.clicks, row.impressions)}</td>
    </>
  );
}

/** The tooltip of a CTR: the rate, its 95% interval (how rough it is), and what it is. */
export function ctrTitle(counts: { clicks: number; impressions: number }): string {
  const interval = wilsonInterval(counts.clicks, counts.impressions);
  const range = interval ? `; 95% interval ${formatPercent(interval.low * 100)}–${formatPercent(interval.high * 100)}` : '';
  return `${formatCtr(counts.clicks, counts.impressions)} (${formatCount(counts.clicks)} of ${formatCount(counts.impressions)} impressions${range}). ${METRIC_HELP.ctr}`;
}
