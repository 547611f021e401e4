import { wilsonInterval } from '../common/ctr-interval';
import { formatCount, formatCtr, formatPercent } from '../common/format';
import { METRIC_HELP } from './metric-help';

/** The four count columns every AdTally table row ends with: impressions, viewable, clicks and CTR. */
export function CountColumns({ row }: { row: { impressions: number; viewable: number; clicks: number } }) {
  return (
    <>
      <td title={METRIC_HELP.impressions}>{formatCount(row.impressions)}</td>
      <td title={METRIC_HELP.viewable}>{formatCount(row.viewable)}</td>
      <td title={METRIC_HELP.clicks}>{formatCount(row.clicks)}</td>
      <td title={ctrTitle(row.clicks, row.impressions)}>{formatCtr(row.clicks, row.impressions)}</td>
    </>
  );
}

/** The CTR's tooltip: what it is, and the range its true value lies in (95%), which says how rough it is. */
export function ctrTitle(clicks: number, impressions: number): string {
  const interval = wilsonInterval(clicks, impressions);
  if (!interval) return `${METRIC_HELP.ctr} No impressions: no CTR.`;
  return `${METRIC_HELP.ctr} Here: ${formatCount(clicks)} of ${formatCount(impressions)}, likely between ${formatPercent(interval.low * 100)} and ${formatPercent(interval.high * 100)}.`;
}
