import { formatCount, formatCtr, formatDuration } from '../common/format';
import type { SiteStats } from '../common/types';

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
}: {
  site: string;
  stats: SiteStats | undefined;
  rangeLabel: string;
  paused: boolean;
  pausedEverywhere: boolean;
  onTogglePause: () => void;
  audit?: boolean | null;
  onToggleAudit?: () => void;
}) {
  const s = stats ?? { site, impressions: 0, viewable: 0, clicks: 0, dwellMs: 0 };
  const metrics: [string, string][] = [
    ['Impressions', formatCount(s.impressions)],
    ['Viewable', formatCount(s.viewable)],
    ['Clicks', formatCount(s.clicks)],
    ['CTR', formatCtr(s.clicks, s.impressions)],
    ['Time in view', formatDuration(s.dwellMs)],
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
      <dl class="metrics">
        {metrics.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {audit !== null && (
        <label class="switch audit">
          <input type="checkbox" checked={audit} onChange={onToggleAudit} />
          <span>Audit this page: outline every ad AdTally counts, with the rule that found it</span>
        </label>
      )}
    </section>
  );
}
