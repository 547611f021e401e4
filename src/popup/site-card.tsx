import { measuredRates } from '../common/counts';
import { formatCount, formatCtr, formatDuration, formatRate, formatShortDuration } from '../common/format';
import type { SiteStats } from '../common/types';
import { ctrTitle, rateTitle } from '../ui/count-columns';
import { METRIC_HELP } from '../ui/metric-help';

/** The site of the current tab at a glance, with its own pause switch. */
export function SiteCard({
  site,
  stats,
  rangeLabel,
  paused,
  pausedEverywhere,
  onTogglePause,
  audit = null,
  onToggleAudit,
  pageAds = null,
  nothingCounted = false,
}: {
  site: string;
  stats: SiteStats | undefined;
  rangeLabel: string;
  paused: boolean;
  pausedEverywhere: boolean;
  onTogglePause: () => void;
  audit?: boolean | null;
  onToggleAudit?: () => void;
  pageAds?: number | null;
  /** Nothing is stored at all: the metrics would be bare zeros, and the popup explains what will appear instead. */
  nothingCounted?: boolean;
}) {
  const s: SiteStats = stats ?? { site, impressions: 0, viewable: 0, clicks: 0, dwellMs: 0 };
  const rates = measuredRates(s);
  // [label, value, tooltip]: every number says what it counts.
  const metrics: [string, string, string][] = [
    ['Impressions', formatCount(s.impressions), METRIC_HELP.impressions],
    ['Viewable', formatCount(s.viewable), METRIC_HELP.viewable],
    ['Clicks', formatCount(s.clicks), METRIC_HELP.clicks],
    ['CTR', formatCtr(s.clicks, s.impressions), ctrTitle(s)],
    ['Time in view', formatDuration(s.dwellMs), METRIC_HELP.timeInView],
    ['Per impression', s.impressions > 0 ? formatShortDuration(s.dwellMs / s.impressions) : '—', METRIC_HELP.averageDwell],
    ['In view', formatRate(rates?.inView ?? null), rateTitle(METRIC_HELP.inViewRate, s.measuredInView, s.measured)],
    ['Viewability', formatRate(rates?.viewable ?? null), rateTitle(METRIC_HELP.viewabilityRate, s.measuredViewable, s.measured)],
  ];
  return (
    <section class="card" aria-label={`This site: ${site}`} data-testid="site-card">
      <div class="card-head">
        <h2>{site}</h2>
        <span class="muted">{rangeLabel}</span>
        <label class="switch">
          <input type="checkbox" checked={paused} disabled={pausedEverywhere} onChange={onTogglePause} />
          <span>Pause on this site</span>
        </label>
      </div>
      {nothingCounted ? (
        <p class="muted nothing-yet">Nothing counted on this site yet.</p>
      ) : (
        <dl class="metrics">
          {metrics.map(([label, value, help]) => (
            <div key={label} title={help}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {pageAds !== null && (
        <p class="page-ads" title={METRIC_HELP.pageAds}>
          {pageAds === 0 ? 'No ads on this page now' : `${formatCount(pageAds)} ${pageAds === 1 ? 'ad' : 'ads'} on this page now`}
          {paused ? ' (not counted here)' : ''}
        </p>
      )}
      {audit !== null && (
        <label class="switch audit">
          <input type="checkbox" checked={audit} onChange={onToggleAudit} />
          <span>Audit this page: outline every ad AdTally counts, with the rule that found it</span>
        </label>
      )}
    </section>
  );
}
