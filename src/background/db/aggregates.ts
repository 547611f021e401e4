/**
 * What one stored event adds to the aggregates: the daily totals of each dimension and the record of its
 * creative. Pure, so the write path, the deletions and the version-4 upgrade all sum the same way.
 */
import { sizeClassOf } from '../../common/ad-size';
import { cellKey } from '../../common/cells';
import { addCounts } from '../../common/counts';
import { placementKey } from '../../common/placement';
import { timeInViewBucketOf } from '../../common/time-in-view';
import type { Creative, Dimension, StoredEvent, Totals } from '../../common/types';

export type { Creative, Dimension, Totals };

export interface Contribution {
  dimension: Dimension;
  key: string;
  counts: Totals;
}

/**
 * The counts one event adds. `dwellMs` is the time in view it adds: for a dwell event re-sent as the ad's
 * time in view grows, only the growth over the stored value. A measured event adds one measured ad, and
 * one to the in-view and viewable counts of measured ads as far as it says the ad got.
 */
export function countsOf({ type, reached }: Pick<StoredEvent, 'type' | 'reached'>, dwellMs: number): Totals {
  const counts: Totals = {
    impressions: type === 'impression' ? 1 : 0,
    viewable: type === 'viewable' ? 1 : 0,
    clicks: type === 'click' ? 1 : 0,
    dwellMs: type === 'dwell' ? dwellMs : 0,
  };
  // Only measured events carry measured counts, so rows without any keep the shape they always had.
  if (type !== 'measured') return counts;
  return { ...counts, measured: 1, measuredInView: reached === 'impression' || reached === 'viewable' ? 1 : 0, measuredViewable: reached === 'viewable' ? 1 : 0 };
}

/**
 * The daily-total rows one event adds to, with what it adds to each. A dwell event also adds one impression
 * with a time in view, and that time, to its bucket of the distribution (`timeInView`): a dwell re-sent as it
 * grows is replaced whole (old out, new in; db/events.ts), so the ad moves from bucket to bucket.
 */
export function contributionsOf(event: StoredEvent, dwellMs: number): Contribution[] {
  const counts = countsOf(event, dwellMs);
  const contributions: Contribution[] = [
    { dimension: 'all', key: '', counts },
    { dimension: 'site', key: event.site, counts },
    { dimension: 'advertiser', key: event.advertiser ?? '', counts },
    { dimension: 'network', key: event.network ?? '', counts },
    { dimension: 'kind', key: event.kind, counts },
    { dimension: 'cell', key: cellKeyOf(event), counts },
    { dimension: 'placement', key: placementKeyOf(event), counts },
  ];
  if (event.type === 'dwell') contributions.push({ dimension: 'timeInView', key: timeInViewBucketOf(event.dwellMs ?? 0), counts: { impressions: 1, viewable: 0, clicks: 0, dwellMs } });
  return contributions;
}

/** The placement an event is counted in: its fold ('' unknown), the size class of its box, its kind. */
export function placementKeyOf(event: Pick<StoredEvent, 'fold' | 'width' | 'height' | 'kind'>): string {
  return placementKey({ fold: event.fold ?? '', size: sizeClassOf(event.width, event.height), kind: event.kind });
}

/** The cell an event is counted in (unknown advertiser and network as ''). */
export function cellKeyOf(event: Pick<StoredEvent, 'site' | 'advertiser' | 'network' | 'kind'>): string {
  return cellKey({ site: event.site, advertiser: event.advertiser ?? '', network: event.network ?? '', kind: event.kind });
}

/** The creative record one event alone would make; null for ads with no fingerprint (opaque creatives). */
export function creativeOf(event: StoredEvent, dwellMs: number): Creative | null {
  if (!event.fingerprint) return null;
  return {
    fingerprint: event.fingerprint,
    firstSeen: event.time,
    lastSeen: event.time,
    ...countsOf(event, dwellMs),
    kind: event.kind,
    network: event.network,
    advertiser: event.advertiser,
    landingUrl: event.landingUrl,
    rule: event.rule,
    width: event.width,
    height: event.height,
  };
}

/** Two records of one creative as one: counts summed, seen-times widened, the newer attribution kept. */
export function mergeCreative(existing: Creative | undefined, added: Creative): Creative {
  if (!existing) return added;
  const newer = added.lastSeen >= existing.lastSeen ? added : existing;
  const older = newer === added ? existing : added;
  return {
    ...newer,
    ...addCounts(existing, added),
    firstSeen: Math.min(existing.firstSeen, added.firstSeen),
    lastSeen: Math.max(existing.lastSeen, added.lastSeen),
    network: newer.network ?? older.network,
    advertiser: newer.advertiser ?? older.advertiser,
    landingUrl: newer.landingUrl ?? older.landingUrl,
  };
}
