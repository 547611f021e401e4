/**
 * Raw events in time order, a page at a time: exports read a year of events without holding them all in
 * memory or one long transaction. A page ends at an event; the next starts right after it, even when many
 * events share one millisecond.
 */
import type { IDBPDatabase } from 'idb';
import type { EventPosition } from '../../common/messages';
import type { StoredEvent } from '../../common/types';
import type { AdTallyDB } from './schema';

export async function readEventPage(
  db: IDBPDatabase<AdTallyDB>,
  after: EventPosition | null,
  limit: number,
): Promise<{ events: StoredEvent[]; next: EventPosition | null }> {
  const tx = db.transaction('events');
  const index = tx.store.index('time');
  let cursor = await index.openCursor(after ? IDBKeyRange.lowerBound(after.time) : null);
  // Skip what the previous page already gave: same time and an id not after the last one.
  if (cursor && after && cursor.key === after.time && cursor.primaryKey < after.id) cursor = await cursor.continuePrimaryKey(after.time, after.id);
  if (cursor && after && cursor.key === after.time && cursor.primaryKey === after.id) cursor = await cursor.continue();
  const events: StoredEvent[] = [];
  while (cursor && events.length < limit) {
    events.push(cursor.value);
    cursor = await cursor.continue();
  }
  await tx.done;
  const last = events.at(-1);
  return { events, next: cursor && last ? { time: last.time, id: last.id } : null };
}
