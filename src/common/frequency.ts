/**
 * Frequency: how often the same creative (one ad fingerprint) was seen. Pure: from creative records to
 * the distribution of impressions per creative and the most-seen creatives.
 */
import type { CellFilter } from './cells';
import type { Creative } from './types';

/** Impressions per creative, grouped as media planners read frequency: 1, 2, 3–5, 6–10, 11 or more. */
export const FREQUENCY_BUCKETS: readonly { label: string; min: number; max: number }[] = [
  { label: '1', min: 1, max: 1 },
  { label: '2', min: 2, max: 2 },
  { label: '3–5', min: 3, max: 5 },
  { label: '6–10', min: 6, max: 10 },
  { label: '11+', min: 11, max: Infinity },
];

export interface FrequencyBucket {
  label: string;
  /** Creatives seen this many times. */
  creatives: number;
  /** Their impressions together. */
  impressions: number;
}

export interface Frequency {
  buckets: FrequencyBucket[];
  /** The most-seen creatives, most impressions first. */
  top: Creative[];
  /** Creatives with at least one impression. */
  creatives: number;
  impressions: number;
}

/**
 * A creative record passes a filter on the fields it has: advertiser, network and kind. It has no site (one
 * creative is shown on many), so a site filter does not apply to frequency; the page says so.
 */
export function creativeMatches(creative: Creative, filter: CellFilter): boolean {
  return (
    (filter.advertiser === undefined || (creative.advertiser ?? '') === filter.advertiser) &&
    (filter.network === undefined || (creative.network ?? '') === filter.network) &&
    (filter.kind === undefined || creative.kind === filter.kind)
  );
}

export function frequencyOf(creatives: Iterable<Creative>, filter: CellFilter, limit: number): Frequency {
  const buckets = FREQUENCY_BUCKETS.map((b) => ({ label: b.label, creatives: 0, impressions: 0 }));
  const seen: Creative[] = [];
  let impressions = 0;
  for (const creative of creatives) {
    if (creative.impressions < 1 || !creativeMatches(creative, filter)) continue;
    const bucket = buckets[FREQUENCY_BUCKETS.findIndex((b) => creative.impressions >= b.min && creative.impressions <= b.max)]!;
    bucket.creatives++;
    bucket.impressions += creative.impressions;
    impressions += creative.impressions;
    seen.push(creative);
  }
  seen.sort((a, b) => b.impressions - a.impressions || b.clicks - a.clicks || b.lastSeen - a.lastSeen || (a.fingerprint < b.fingerprint ? -1 : 1));
  return { buckets, top: seen.slice(0, Math.max(0, limit)), creatives: seen.length, impressions };
}
