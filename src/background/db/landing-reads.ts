/**
 * The events of a range whose landing host is one of some hosts, through the landing-host index
 * (db/landing-hosts.ts): what "My ads" reads for landing-URL patterns that name their host, instead of every
 * event of the range (docs/dashboard.md, "My ads").
 */
import type { IDBPDatabase } from 'idb';
import type { DayRange } from '../../common/types';
import type { Backfill } from './backfill-coverage';
import type { LandingEntry } from './landing-hosts';
import type { AdTallyDB } from './schema';

/**
 * Calls `visit` with the index entry of every event of the range whose landing host is one of `hosts` (each
 * host once): one range read per host, in key order (day, then id). Returns false, having visited nothing,
 * while the index is still being filled by an upgrade's backfill: it would miss the events the walk has not
 * reached.
 */
export async function forEachEventOfHosts(db: IDBPDatabase<AdTallyDB>, hosts: readonly string[], days: DayRange, visit: (event: LandingEntry) => void): Promise<boolean> {
  const pending: Backfill[] = await db.getAll('backfills');
  if (pending.some((b) => b.landingHosts)) return false;
  for (const host of new Set(hosts)) {
    const range = IDBKeyRange.bound([host, days.from ?? '', ''], [host, days.to ?? '\uffff', '\uffff']);
    for (const entry of await db.getAll('landingHosts', range)) visit(entry);
  }
  return true;
}
