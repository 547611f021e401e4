/**
 * Time in view per impression: the average (time in view ÷ impressions) and how the impressions with a
 * time-in-view report spread over the buckets (common/time-in-view.ts, docs/dashboard.md). Every site and
 * advertiser of the range: the filter bar does not apply (docs/architecture.md, Decisions).
 */
import { formatCount, formatDuration, formatRate, formatShortDuration } from '../common/format';
import type { PlacementStats } from '../common/messages';
import { TIME_IN_VIEW_BUCKETS } from '../common/time-in-view';
import { METRIC_HELP } from '../ui/metric-help';
import { SortHead } from './counts-table';

const BAR_PX = 80;
const BUCKET_HEADS: readonly [string, string][] = [
  ['Time in view', METRIC_HELP.timeInViewBucket],
  ['Impressions', METRIC_HELP.impressions],
  ['Share', METRIC_HELP.bucketShare],
  ['Total', METRIC_HELP.bucketTime],
];

export function TimeInViewPanel({ stats }: { stats: PlacementStats }) {
  const impressions = stats.totals.impressions;
  const byKey = new Map(stats.timeInView.map((row) => [row.key, row]));
  const buckets = TIME_IN_VIEW_BUCKETS.map((b) => ({ ...b, impressions: byKey.get(b.key)?.impressions ?? 0, dwellMs: byKey.get(b.key)?.dwellMs ?? 0 }));
  const reported = buckets.reduce((n, b) => n + b.impressions, 0);
  // The longest bar is the fullest bucket, so small differences still show.
  const fullest = Math.max(1, ...buckets.map((b) => b.impressions));
  const average = impressions > 0 ? formatShortDuration(stats.totals.dwellMs / impressions) : '—';
  return (
    <div class="time-in-view">
      <p class="note">Every site and advertiser of the range: the filters above do not apply here.</p>
      <p data-testid="time-in-view-average">
        <span title={METRIC_HELP.averageDwell}>
          Average <strong>{average}</strong> per impression
        </span>{' '}
        <span class="of">
          (<span title={METRIC_HELP.timeInView}>{formatDuration(stats.totals.dwellMs)} in view</span> ÷ <span title={METRIC_HELP.impressions}>{formatCount(impressions)} impressions</span>)
        </span>
      </p>
      {reported === 0 ? (
        <p class="note">No impression in this range has a time in view yet.</p>
      ) : (
        <>
          <p class="note" data-testid="time-in-view-coverage">
            The buckets hold <strong>{formatCount(reported)} of {formatCount(impressions)} impressions</strong>: those whose page view reported a time in view. Impressions without one (a click counted before the ad was seen in view, data
            from before AdTally reported it) are in no bucket; an ad in view across midnight can have its impression on one day and its time in view on the next.
          </p>
          <table class="top buckets" data-testid="time-in-view-buckets">
            <caption>Impressions by time in view</caption>
            <thead>
              <tr>
                {BUCKET_HEADS.map(([name, help]) => (
                  <SortHead key={name} name={name} column={name} help={help} />
                ))}
              </tr>
            </thead>
            <tbody>
              {buckets.map((b) => (
                <tr key={b.key}>
                  <th scope="row" title={METRIC_HELP.timeInViewBucket}>
                    {b.label}
                  </th>
                  <td title={`${formatCount(b.impressions)} impressions in view ${b.label}. ${METRIC_HELP.impressions}`}>{formatCount(b.impressions)}</td>
                  <td class="share" title={`${formatCount(b.impressions)} of ${formatCount(reported)}. ${METRIC_HELP.bucketShare}`}>
                    <span class="share-bar" style={{ width: `${Math.round((b.impressions / fullest) * BAR_PX)}px` }} aria-hidden="true" />
                    {formatRate(b.impressions / reported)}
                  </td>
                  <td title={`${formatDuration(b.dwellMs)}. ${METRIC_HELP.bucketTime}`}>{formatDuration(b.dwellMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
