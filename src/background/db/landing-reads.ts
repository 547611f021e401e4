/**
 * The events of a range whose landing host is one of some hosts, through the landing-host index
 * (db/landing-hosts.ts): what "My ads" reads for landing-URL patterns that name their host, instead of every
 * event of the range (docs/dashboard.md, "My ads").
 */
import { unwrap } from 'idb';
import type { IDBPDatabase } from 'idb';
import type { DayRange, StoredEvent } from '../../common/types';
import type { Backfill } from './backfill-coverage';
import type { LandingKey } from './landing-hosts';
import { settle } from './requests';
import type { AdTallyDB } from './schema';

/** Events read per request batch: a host's month can hold tens of thousands. */
const READ_BATCH = 5000;

/**
 * Calls `visit` with every event of the range whose landing host is one of `hosts` (each host once), a
 * host's events in key order (day, then id). Returns false, having visited nothing, while the index is
 * still being filled by an upgrade's backfill: it would miss the events the walk has not reached.
 */
export async function forEachEventOfHosts(db: IDBPDatabase<AdTallyDB>, hosts: readonly string[], days: DayRange, visit: (event: StoredEvent) => void): Promise<boolean> {
  const pending: Backfill[] = await db.getAll('backfills');
  if (pending.some((b) => b.landingHosts)) return false;
  for (const host of new Set(hosts)) {
    const range = IDBKeyRange.bound([host, days.from ?? '', ''], [host, days.to ?? '\uffff', '\uffff']);
    const keys = (await db.getAllKeys('landingHosts', range)) as LandingKey[];
    for (let i = 0; i < keys.length; i += READ_BATCH) {
      const store = unwrap(db.transaction('events').store);
      const found = await settle<StoredEvent | undefined>(keys.slice(i, i + READ_BATCH).map(([, , id]) => store.get(id)));
      for (const { value } of found) if (value) visit(value);
    }
  }
  return true;
}
