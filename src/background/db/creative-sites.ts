/**
 * Where creatives were seen, read from the raw events (a creative record has no site: one creative runs on
 * many): the sites of one creative, through the events' fingerprint index, and the creatives of one site in
 * a range, through the site index. Only the gallery's visible page and its site filter ask, so the counting
 * write path and the creative records stay as they are (docs/architecture.md, "Pictures").
 */
import type { IDBPDatabase } from 'idb';
import type { DayRange } from '../../common/types';
import type { AdTallyDB } from './schema';

/**
 * How many of a creative's events a card's sites are read from. Reading every event cost 2 s for a page of 24
 * cards at a million events (`npm run bench:storage`, getGallery), and that read held the worker while the
 * dashboard's next first screen waited. The events come in the index's order (the same fingerprint, then the
 * random event id), so the sample is not biased towards old or new events; a site with very few of a busy
 * creative's events can be missing from its card, never a site it was not seen on.
 */
export const SITE_SAMPLE_EVENTS = 500;

/** The sites of a creative's stored events (at most SITE_SAMPLE_EVENTS of them), most events first (ties by name), at most `limit`. */
export async function sitesOfCreative(db: IDBPDatabase<AdTallyDB>, fingerprint: string, limit: number): Promise<string[]> {
  const events = new Map<string, number>();
  for (const event of await db.getAllFromIndex('events', 'fingerprint', fingerprint, SITE_SAMPLE_EVENTS)) events.set(event.site, (events.get(event.site) ?? 0) + 1);
  return [...events]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([site]) => site);
}

/** The fingerprints of a site's stored events whose day is in the range. */
export async function creativesOfSite(db: IDBPDatabase<AdTallyDB>, site: string, days: DayRange): Promise<Set<string>> {
  const fingerprints = new Set<string>();
  for (const event of await db.getAllFromIndex('events', 'site', site)) {
    if (event.fingerprint && (!days.from || event.day >= days.from) && (!days.to || event.day <= days.to)) fingerprints.add(event.fingerprint);
  }
  return fingerprints;
}
