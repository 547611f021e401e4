/**
 * The gallery: a card per creative with its picture, what it said and where it led, and its counts. Page text
 * (headline, text) and addresses are shown as text, never as markup or live links: they come from the pages
 * AdTally measures, and a click on a landing address from here would reach the advertiser as a click.
 */
import { formatCount, formatCtr, formatRate } from '../common/format';
import type { GalleryCard } from '../common/pictures';
import { METRIC_HELP } from '../ui/metric-help';

const date = (time: number) => new Date(time).toLocaleDateString('en-CA');
const counted = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function GalleryCards({ cards, total, loadingMore, onShowMore, empty }: { cards: GalleryCard[]; total: number; loadingMore: boolean; onShowMore: () => void; empty: string }) {
  if (total === 0) return <p class="note">{empty}</p>;
  return (
    <>
      <ul class="gallery" data-testid="gallery">
        {cards.map((card) => (
          <CreativeCard key={card.creative.fingerprint} card={card} />
        ))}
      </ul>
      <p class="note gallery-more">
        Showing {formatCount(cards.length)} of {counted(total, 'creative', 'creatives')}.{' '}
        {cards.length < total && (
          <button type="button" disabled={loadingMore} onClick={onShowMore}>
            {loadingMore ? 'Loading…' : 'Show more'}
          </button>
        )}
      </p>
    </>
  );
}

/** Sites written out on a card, most events first; the rest are counted, and named in the tooltip (cards stay short). */
const SITES_SHOWN = 3;

function CreativeCard({ card: { creative: c, sites, picture } }: { card: GalleryCard }) {
  const headline = picture?.headline || null;
  const advertiser = c.advertiser ?? '(not shown by the ad)';
  const viewability = c.measured ? (c.measuredViewable ?? 0) / c.measured : null;
  const landingUrl = picture?.landingUrl ?? c.landingUrl;
  return (
    <li class="creative-card" data-fingerprint={c.fingerprint}>
      <div class="picture">
        {picture ? (
          <img src={picture.dataUrl} width={picture.width} height={picture.height} alt={headline ? `Ad: ${headline}` : `Ad by ${advertiser}`} data-testid="creative-picture" />
        ) : (
          <span class="no-picture" data-testid="no-picture">
            No picture
            <small>taken only when a new ad first becomes viewable in the active tab with pictures on</small>
          </span>
        )}
      </div>
      <div class="about">
        {/* A cross-origin creative shows the page no headline: its advertiser names it, else a plain "no headline". */}
        <h3 class={headline || c.advertiser ? 'headline' : 'headline unknown'}>{headline ?? c.advertiser ?? 'No headline seen'}</h3>
        {picture?.text && <p class="text">{picture.text}</p>}
        <dl>
          <dt>Advertiser</dt>
          <dd class={c.advertiser ? undefined : 'unknown'}>{advertiser}</dd>
          <dt>Landing page</dt>
          <dd class="url" data-testid="landing-url">
            {landingUrl ?? '—'}
          </dd>
          <dt>Creative</dt>
          <dd class="url" data-testid="creative-url">
            {picture?.creativeUrl ?? '—'}
          </dd>
          <dt>Sites</dt>
          <dd data-testid="creative-sites" title={sites.length > SITES_SHOWN ? sites.join(', ') : undefined}>
            {sites.length > SITES_SHOWN ? `${sites.slice(0, SITES_SHOWN).join(', ')} and ${sites.length - SITES_SHOWN} more` : sites.join(', ') || '—'}
          </dd>
          <dt>Seen</dt>
          <dd>
            {date(c.firstSeen)} – {date(c.lastSeen)}
          </dd>
        </dl>
        <p class="counts">
          <span title={METRIC_HELP.seen} data-testid="card-impressions">
            {counted(c.impressions, 'impression', 'impressions')}
          </span>
          {' · '}
          <span title={METRIC_HELP.clicks} data-testid="card-clicks">
            {counted(c.clicks, 'click', 'clicks')}
          </span>
          {' · '}
          <span title={METRIC_HELP.ctr}>CTR {formatCtr(c.clicks, c.impressions)}</span>
          {' · '}
          <span title={METRIC_HELP.viewabilityRate}>viewability {formatRate(viewability)}</span>
        </p>
      </div>
    </li>
  );
}
