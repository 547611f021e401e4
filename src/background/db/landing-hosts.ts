/**
 * The landing-host index behind "My ads" by landing-URL pattern (schema version 8, store `landingHosts`): one
 * key `[host, day, event id]` per stored event with a landing URL, so a pattern that names a host reads only
 * that host's events of the range instead of every event (docs/dashboard.md, "My ads").
 *
 * The host is read from the text, never through `new URL`: a pattern is matched against the stored text
 * (common/watchlist.ts `globToRegExp`, case-insensitive), so the index must split the stored text exactly
 * as the pattern's literal start splits it. "Host" here is everything between `scheme://` and the first
 * `/`, `?` or `#` (a port or user name stays part of it), lower-cased.
 */
import type { StoredEvent } from '../../common/types';

/** The key of one event in the index. */
export type LandingKey = [host: string, day: string, id: string];

/**
 * The value of one event in the index: what "My ads" counts of it (its cell, its counts, its advertiser and
 * landing URL for the patterns), so a host's month is one range read of small records instead of a random read
 * of each whole event (at a million events 30 days of one host took 3.4 s by event, on a loaded machine).
 */
export type LandingEntry = Pick<StoredEvent, 'day' | 'site' | 'advertiser' | 'network' | 'kind' | 'type' | 'reached' | 'dwellMs' | 'landingUrl'>;

/** The event's entry in the index: the fields of `LandingEntry`, nothing else (the id is in the key). */
export function landingEntryOf(event: StoredEvent): LandingEntry {
  const { day, site, advertiser, network, kind, type, reached, dwellMs, landingUrl } = event;
  return { day, site, advertiser, network, kind, type, reached, dwellMs, landingUrl };
}

const URL_HOST = /^[^:/?#]+:\/\/([^/?#]*)/;

/** The host text of a landing URL, lower-cased; null when it has none (no `scheme://`). */
export function landingHostOf(landingUrl: string | null | undefined): string | null {
  const host = landingUrl ? URL_HOST.exec(landingUrl)?.[1] : undefined;
  return host ? host.toLowerCase() : null;
}

/** The event's key in the index; null for an event without a landing host (it can match no host pattern). */
export function landingKeyOf(event: Pick<StoredEvent, 'landingUrl' | 'day' | 'id'>): LandingKey | null {
  const host = landingHostOf(event.landingUrl);
  return host === null ? null : [host, event.day, event.id];
}

/** A pattern whose literal start is `scheme://host` followed by `/`, `?` or `#`, host without `*`. */
const PATTERN_HOST = /^[^:/?#*]+:\/\/([^/?#*]+)[/?#]/;

/**
 * The one host every URL a landing-URL pattern matches must have, or null when the pattern does not pin it
 * (`*utm_campaign=winter*`, `https://*.acme.com/*`, `https://acme.com*`: the `*` could run past the host).
 * Exact because the pattern matches from the URL's first character: its literal start, up to the character
 * that ends the host, is the URL's start too. Only ASCII hosts: case-insensitive matching of other
 * characters is not what `toLowerCase` does, so those patterns read every event of the range.
 */
export function patternHost(pattern: string): string | null {
  const host = PATTERN_HOST.exec(pattern)?.[1];
  return host && /^[\x21-\x7e]+$/.test(host) ? host.toLowerCase() : null;
}
