import type { StoredEvent } from '../../common/types';
import type { IDBPDatabase } from 'idb';
import type { AdTallyDB, SiteDay } from './schema';

/**
 * Writes a batch of events and their daily totals in one transaction. Events whose id is already stored are
 * skipped, so a retried batch changes nothing; a dwell event, re-sent with the same id as the ad's time in
 * view grows, replaces the stored one only when it is larger, and the totals grow by the difference.
 * Returns the ids that are now stored (new or not).
 */
export async function writeEvents(db: IDBPDatabase<AdTallyDB>, events: StoredEvent[]): Promise<string[]> {
  const tx = db.transaction(['events', 'siteDays'], 'readwrite');
  const eventStore = tx.objectStore('events');
  const deltas = new Map<string, Required<SiteDay>>();
  const seen = new Set<string>();
  for (const event of events) {
    const firstInBatch = !seen.has(event.id);
    seen.add(event.id);
    const stored = await eventStore.get(event.id);
    let dwellGrowth = 0;
    if (event.type === 'dwell') {
      if (stored && stored.dwellMs >= event.dwellMs) continue;
      dwellGrowth = event.dwellMs - (stored?.dwellMs ?? 0);
      await eventStore.put(event);
    } else {
      if (stored || !firstInBatch) continue;
      await eventStore.add(event);
    }
    const key = `${event.site}\u0000${event.day}`;
    const delta = deltas.get(key) ?? { site: event.site, day: event.day, impressions: 0, viewable: 0, clicks: 0, dwellMs: 0 };
    if (event.type === 'impression') delta.impressions++;
    else if (event.type === 'viewable') delta.viewable++;
    else if (event.type === 'click') delta.clicks++;
    delta.dwellMs += dwellGrowth;
    deltas.set(key, delta);
  }
  const dayStore = tx.objectStore('siteDays');
  for (const delta of deltas.values()) {
    const current = await dayStore.get([delta.site, delta.day]);
    await dayStore.put({
      site: delta.site,
      day: delta.day,
      impressions: (current?.impressions ?? 0) + delta.impressions,
      viewable: (current?.viewable ?? 0) + delta.viewable,
      clicks: (current?.clicks ?? 0) + delta.clicks,
      dwellMs: (current?.dwellMs ?? 0) + delta.dwellMs,
    });
  }
  await tx.done;
  return [...seen];
}
