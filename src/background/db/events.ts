/**
 * Writing and deleting raw events. Each call is one transaction over the events, the daily totals and the
 * creatives, so the aggregates always sum exactly the raw events they summarise, even when the service
 * worker is killed mid-write (the transaction then never commits).
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { StoredEvent } from '../../common/types';
import { addCounts, contributionsOf, creativeOf, isZero, mergeCreative, ZERO_COUNTS } from './aggregates';
import type { Creative, Dimension, Totals } from './aggregates';
import type { AdTallyDB, DayTotals } from './schema';

type WriteTx = IDBPTransaction<AdTallyDB, ('events' | 'totals' | 'creatives')[], 'readwrite'>;

/**
 * `live`: from a content script. A dwell event, re-sent with the same id as the ad's time in view grows,
 * replaces the stored one when larger, and the totals grow by the difference.
 * `import`: from an export file. Nothing already stored changes, dwell included.
 */
export type WriteMode = 'live' | 'import';

export interface WriteResult {
  /** Ids now stored, new or stored before: a retried batch is acknowledged without being written twice. */
  stored: string[];
  /** Events that were not stored before this call. */
  added: number;
}

export async function writeEvents(db: IDBPDatabase<AdTallyDB>, events: StoredEvent[], mode: WriteMode = 'live'): Promise<WriteResult> {
  const tx = db.transaction(['events', 'totals', 'creatives'], 'readwrite');
  const eventStore = tx.objectStore('events');
  // All reads are issued at once: IndexedDB queues them, and no round trip per event is waited for.
  const before = await Promise.all(events.map((e) => eventStore.get(e.id)));
  const current = new Map<string, StoredEvent | undefined>();
  const changes = new Changes();
  const writes: Promise<unknown>[] = [];
  let added = 0;
  events.forEach((event, i) => {
    const stored = current.has(event.id) ? current.get(event.id) : before[i];
    if (event.type === 'dwell' && mode === 'live') {
      if (stored && (stored.type !== 'dwell' || stored.dwellMs >= event.dwellMs)) return;
      writes.push(eventStore.put(event));
      // The replaced value comes out and the new one goes in, so the totals stay the sum of the stored
      // events even when the re-sent event falls on the next day.
      if (stored) changes.replace(stored, event);
      else changes.add(event, 1);
    } else {
      if (stored) return;
      writes.push(eventStore.add(event));
      changes.add(event, 1);
    }
    if (!stored) added++;
    current.set(event.id, event);
  });
  await Promise.all(writes);
  await changes.apply(tx);
  await tx.done;
  return { stored: [...new Set(events.map((e) => e.id))], added };
}

/** Which events to delete: one site's, or everything older than a time. */
export type EventSelection = { site: string } | { before: number };

/**
 * Deletes the selected events and takes exactly what they added out of the totals and the creatives.
 * Works in transactions of `chunk` events, so deleting a year of data never holds one huge transaction.
 * Returns how many events were deleted.
 */
export async function deleteEvents(db: IDBPDatabase<AdTallyDB>, selection: EventSelection, chunk = 5000): Promise<number> {
  let deleted = 0;
  for (;;) {
    const tx = db.transaction(['events', 'totals', 'creatives'], 'readwrite');
    const index = tx.objectStore('events').index('site' in selection ? 'site' : 'time');
    const range = 'site' in selection ? IDBKeyRange.only(selection.site) : IDBKeyRange.upperBound(selection.before, true);
    const changes = new Changes();
    let cursor = await index.openCursor(range);
    let inChunk = 0;
    while (cursor && inChunk < chunk) {
      changes.add(cursor.value, -1);
      void cursor.delete();
      inChunk++;
      cursor = await cursor.continue();
    }
    await changes.apply(tx);
    await tx.done;
    deleted += inChunk;
    if (inChunk < chunk) return deleted;
  }
}

/** Empties every store of measured data; filter lists and settings stay. */
export async function deleteAllEvents(db: IDBPDatabase<AdTallyDB>): Promise<void> {
  const tx = db.transaction(['events', 'totals', 'creatives'], 'readwrite');
  await Promise.all([tx.objectStore('events').clear(), tx.objectStore('totals').clear(), tx.objectStore('creatives').clear(), tx.done]);
}

/** A creative after some of its events were deleted, rebuilt from those that remain (exact first and last seen). */
async function recountCreative(tx: WriteTx, fingerprint: string): Promise<void> {
  let creative: Creative | undefined;
  for (const event of await tx.objectStore('events').index('fingerprint').getAll(fingerprint)) {
    const one = creativeOf(event, event.dwellMs ?? 0);
    if (one) creative = mergeCreative(creative, one);
  }
  if (creative) await tx.objectStore('creatives').put(creative);
  else await tx.objectStore('creatives').delete(fingerprint);
}

/** What a set of event writes or deletions changes in the totals and the creatives, applied in one go. */
class Changes {
  private readonly totals = new Map<string, { dimension: Dimension; key: string; day: string; counts: Totals }>();
  private readonly creatives = new Map<string, Creative>();
  /** Creatives that lost events: rebuilt from the events that remain, for exact first and last sightings. */
  private readonly recount = new Set<string>();

  /** Counts a written event in (+1) or a deleted one out (-1). */
  add(event: StoredEvent, sign: 1 | -1): void {
    this.addTotals(event, sign);
    if (sign === 1) this.addCreative(event, event.dwellMs);
    else if (event.fingerprint) this.recount.add(event.fingerprint);
  }

  /** A dwell event replaced by a larger value of itself. */
  replace(old: StoredEvent, event: StoredEvent): void {
    this.addTotals(old, -1);
    this.addTotals(event, 1);
    if (old.fingerprint === event.fingerprint) this.addCreative(event, event.dwellMs - old.dwellMs);
    else {
      // Never sent by AdTally itself (a page view's ad keeps its creative); recounted so the records stay exact.
      if (old.fingerprint) this.recount.add(old.fingerprint);
      this.addCreative(event, event.dwellMs);
    }
  }

  private addTotals(event: StoredEvent, sign: 1 | -1): void {
    for (const c of contributionsOf(event, event.dwellMs ?? 0)) {
      const id = `${c.dimension}\u0000${c.key}\u0000${event.day}`;
      const row = this.totals.get(id) ?? { dimension: c.dimension, key: c.key, day: event.day, counts: ZERO_COUNTS };
      row.counts = addCounts(row.counts, c.counts, sign);
      this.totals.set(id, row);
    }
  }

  private addCreative(event: StoredEvent, dwellMs: number): void {
    const creative = creativeOf(event, dwellMs);
    if (creative) this.creatives.set(creative.fingerprint, mergeCreative(this.creatives.get(creative.fingerprint), creative));
  }

  async apply(tx: WriteTx): Promise<void> {
    const totals = tx.objectStore('totals');
    const rows = [...this.totals.values()].filter((r) => !isZero(r.counts));
    const stored = await Promise.all(rows.map((r) => totals.get([r.dimension, r.key, r.day])));
    const writes: Promise<unknown>[] = rows.map((r, i) => {
      const counts = addCounts({ ...ZERO_COUNTS, ...pickCounts(stored[i]) }, r.counts);
      const row: DayTotals = { dimension: r.dimension, key: r.key, day: r.day, ...counts };
      return isZero(counts) ? totals.delete([r.dimension, r.key, r.day]) : totals.put(row);
    });
    const creatives = tx.objectStore('creatives');
    const entries = [...this.creatives.values()];
    const before = await Promise.all(entries.map((e) => creatives.get(e.fingerprint)));
    entries.forEach((e, i) => writes.push(creatives.put(mergeCreative(before[i], e))));
    await Promise.all(writes);
    for (const fingerprint of this.recount) await recountCreative(tx, fingerprint);
  }
}

function pickCounts(row: Totals | undefined): Totals {
  return row ? { impressions: row.impressions, viewable: row.viewable, clicks: row.clicks, dwellMs: row.dwellMs ?? 0 } : ZERO_COUNTS;
}
