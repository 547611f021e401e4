/**
 * Writing and deleting raw events. Each call is one transaction over the events, the daily totals and the
 * creatives, so the aggregates always sum exactly the raw events they summarise, even when the service
 * worker is killed mid-write (the transaction then never commits).
 */
import { unwrap } from 'idb';
import type { IDBPDatabase } from 'idb';
import { reachesFurther } from '../../common/types';
import type { KeyTotals, StoredEvent } from '../../common/types';
import { addCounts, isZero, pickCounts, ZERO_COUNTS } from '../../common/counts';
import { creativeOf, mergeCreative } from './aggregates';
import type { Creative, Dimension, Totals } from './aggregates';
import { BatchSums, dayRowId } from './batch-sums';
import type { DayRowChange, KeyRowChange } from './batch-sums';
import type { AdTallyDB, DayTotals } from './schema';
import { settle } from './requests';
import { liveCoverage } from './backfill-coverage';
import type { Backfill, Coverage } from './backfill-coverage';

/**
 * The stores a write touches. The hot path works on the plain IndexedDB transaction (idb's `unwrap`): a
 * write of thousands of events issues tens of thousands of requests, and a promise and two listeners per
 * request cost more than the requests themselves. Writes whose result is not needed get no handler at all:
 * a failed one aborts the transaction, which `tx.done` reports.
 */
type WriteStores = 'events' | 'totals' | 'creatives' | 'allTime' | 'landingHosts' | 'backfills';
export const WRITE_STORES: WriteStores[] = ['events', 'totals', 'creatives', 'allTime', 'landingHosts', 'backfills'];

/** What the write path adds to while backfills are pending (db/backfill-coverage.ts: only what a walk has passed). */
async function writeCoverage(tx: IDBTransaction): Promise<Coverage> {
  const [pending] = await settle<Backfill[]>([tx.objectStore('backfills').getAll()]);
  return liveCoverage(pending!.value ?? []);
}

/**
 * `live`: from a content script. A dwell event, re-sent with the same id as the ad's time in view grows,
 * replaces the stored one when larger, and the totals grow by the difference; a measured event, re-sent as
 * its ad gets further (in view, then viewable), replaces the stored one when it says further. A click re-sent with the same
 * id and `inferred: false` replaces the inferred click it confirms (its frame's report came after the
 * inference, with the landing page): still one click, now filed under the right advertiser.
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
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  const raw = unwrap(tx);
  const eventStore = raw.objectStore('events');
  const sums = new BatchSums(await writeCoverage(raw));
  let added = 0;
  if (mode === 'import') {
    // add() refuses an id already stored, or repeated earlier in the batch: one request per event, and the
    // refusal (a ConstraintError) is expected, so it does not abort the transaction.
    const results = await settle(
      events.map((e) => eventStore.add(e)),
      (error) => error?.name === 'ConstraintError',
    );
    events.forEach((event, i) => {
      if (!results[i]!.ok) return;
      sums.add(event, 1);
      added++;
    });
  } else {
    // All reads are issued at once: IndexedDB queues them, and no round trip per event is waited for.
    const before = await settle<StoredEvent | undefined>(events.map((e) => eventStore.get(e.id)));
    const current = new Map<string, StoredEvent | undefined>();
    events.forEach((event, i) => {
      const stored = current.has(event.id) ? current.get(event.id) : before[i]!.value;
      if (event.type === 'dwell' || event.type === 'measured' || (stored && confirms(event, stored))) {
        if (stored && event.type === 'dwell' && (stored.type !== 'dwell' || stored.dwellMs >= event.dwellMs)) return;
        if (stored && event.type === 'measured' && !goesFurther(event, stored)) return;
        eventStore.put(event);
        // The replaced value comes out and the new one goes in, so the totals stay the sum of the stored
        // events even when the re-sent event falls on the next day.
        if (stored) sums.replace(stored, event);
        else sums.add(event, 1);
      } else {
        if (stored) return;
        eventStore.add(event);
        sums.add(event, 1);
      }
      if (!stored) added++;
      current.set(event.id, event);
    });
  }
  await applySums(raw, sums);
  await tx.done;
  return { stored: [...new Set(events.map((e) => e.id))], added };
}

/** A measured event re-sent for a measured ad that has got further (in view, then viewable) than stored. */
function goesFurther(event: StoredEvent, stored: StoredEvent): boolean {
  return stored.type === 'measured' && reachesFurther(event.reached, stored.reached);
}

/** A click the frame's own report confirmed, re-sent for the inferred click stored under its id. */
function confirms(event: StoredEvent, stored: StoredEvent): boolean {
  return event.type === 'click' && stored.type === 'click' && stored.inferred && !event.inferred;
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
    const tx = db.transaction(WRITE_STORES, 'readwrite');
    const index = tx.objectStore('events').index('site' in selection ? 'site' : 'time');
    const range = 'site' in selection ? IDBKeyRange.only(selection.site) : IDBKeyRange.upperBound(selection.before, true);
    const sums = new BatchSums(await writeCoverage(unwrap(tx)));
    let cursor = await index.openCursor(range);
    let inChunk = 0;
    while (cursor && inChunk < chunk) {
      sums.add(cursor.value, -1);
      void cursor.delete();
      inChunk++;
      cursor = await cursor.continue();
    }
    await applySums(unwrap(tx), sums);
    await tx.done;
    deleted += inChunk;
    if (inChunk < chunk) return deleted;
  }
}

/** Empties every store of measured data; filter lists and settings stay. */
export async function deleteAllEvents(db: IDBPDatabase<AdTallyDB>): Promise<void> {
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  await Promise.all([...WRITE_STORES.map((store) => tx.objectStore(store).clear()), tx.done]);
}

/** A creative after some of its events were deleted, rebuilt from those that remain (exact first and last seen). */
async function recountCreative(tx: IDBTransaction, fingerprint: string): Promise<void> {
  let creative: Creative | undefined;
  const [remaining] = await settle<StoredEvent[]>([tx.objectStore('events').index('fingerprint').getAll(fingerprint)]);
  for (const event of remaining!.value ?? []) {
    const one = creativeOf(event, event.dwellMs ?? 0);
    if (one) creative = mergeCreative(creative, one);
  }
  if (creative) tx.objectStore('creatives').put(creative);
  else tx.objectStore('creatives').delete(fingerprint);
}

/**
 * Applies a batch's sums: every stored row they add to is read (all at once), added to and written once; the
 * landing-host keys are written or deleted. A schema upgrade's backfill (db/backfill.ts) applies its chunks here.
 */
export async function applySums(tx: IDBTransaction, sums: BatchSums): Promise<void> {
  const rows = sums.dayRows();
  const keyRows = sums.keyRows();
  const entries = sums.creatives();
  const totalsStore = tx.objectStore('totals');
  const allTimeStore = tx.objectStore('allTime');
  const creativeStore = tx.objectStore('creatives');
  // Every read at once: the stored day rows, all-time rows and creatives these changes add to.
  const [storedDays, storedKeys, storedCreatives] = await Promise.all([
    readDayRows(totalsStore, rows),
    readKeyRows(allTimeStore, keyRows),
    settle<Creative | undefined>(entries.map((e) => creativeStore.get(e.fingerprint))),
  ]);
  for (const r of rows) {
    const counts = addCounts(countsIn(storedDays.get(dayRowId(r.dimension, r.key, r.day))), r.counts);
    if (isZero(counts)) totalsStore.delete([r.dimension, r.key, r.day]);
    else totalsStore.put({ dimension: r.dimension, key: r.key, day: r.day, ...counts } satisfies DayTotals);
  }
  for (const r of keyRows) {
    const counts = addCounts(countsIn(storedKeys.get(keyRowId(r.dimension, r.key))), r.counts);
    if (isZero(counts)) allTimeStore.delete([r.dimension, r.key]);
    else allTimeStore.put({ dimension: r.dimension, key: r.key, ...counts } satisfies KeyTotals);
  }
  entries.forEach((e, i) => creativeStore.put(mergeCreative(storedCreatives[i]!.value, e)));
  const landingStore = tx.objectStore('landingHosts');
  for (const { key, entry } of sums.landingChanges()) {
    if (entry) landingStore.put(entry, key);
    else landingStore.delete(key);
  }
  for (const fingerprint of sums.recounts()) await recountCreative(tx, fingerprint);
}


/**
 * Below this many rows of one dimension over at most RANGE_READ_DAYS days, each row is read by its key;
 * from it on, the dimension's rows of those days are read in one request (a batch of 5,000 events of a
 * million-event year covers a day or two and nearly every site and advertiser of them: one request instead
 * of thousands). Wider batches read by key: a `count` to decide, and a `getAll` over the index of a range
 * holding many more rows than the batch changes, each cost more than the gets they saved (profiled on
 * 50,000 events: 60 counts took 3.9 s and 56 range reads 5.9 s of backend time, where 45,600 gets had taken
 * 4.6 s; docs/performance.md, "Imports: where the time goes").
 */
export const RANGE_READ_ROWS = 64;
const RANGE_READ_DAYS = 3;

/** The stored day rows the changes add to, by dayRowId. */
async function readDayRows(store: IDBObjectStore, rows: DayRowChange[]): Promise<Map<string, DayTotals>> {
  const reads: Promise<DayTotals[]>[] = [];
  for (const [dimension, list] of byDimension(rows)) {
    const days = [...new Set(list.map((r) => r.day))].sort();
    if (list.length >= RANGE_READ_ROWS && days.length <= RANGE_READ_DAYS) {
      const range = IDBKeyRange.bound([dimension, days[0]!], [dimension, days.at(-1)!]);
      reads.push(settle<DayTotals[]>([store.index('dimensionDay').getAll(range)]).then(([r]) => r!.value ?? []));
    } else {
      reads.push(settle<DayTotals | undefined>(list.map((r) => store.get([r.dimension, r.key, r.day]))).then((found) => found.flatMap((f) => (f.value ? [f.value] : []))));
    }
  }
  const map = new Map<string, DayTotals>();
  for (const found of await Promise.all(reads)) for (const row of found) map.set(dayRowId(row.dimension, row.key, row.day), row);
  return map;
}

/** The stored all-time rows the changes add to, by keyRowId: one get each, all issued at once. */
async function readKeyRows(store: IDBObjectStore, rows: KeyRowChange[]): Promise<Map<string, KeyTotals>> {
  const found = await settle<KeyTotals | undefined>(rows.map((r) => store.get([r.dimension, r.key])));
  const map = new Map<string, KeyTotals>();
  for (const f of found) if (f.value) map.set(keyRowId(f.value.dimension, f.value.key), f.value);
  return map;
}

const keyRowId = (dimension: Dimension, key: string) => `${dimension}\u0000${key}`;

function byDimension<T extends { dimension: Dimension }>(rows: T[]): Map<Dimension, T[]> {
  const map = new Map<Dimension, T[]>();
  for (const r of rows) {
    const list = map.get(r.dimension);
    if (list) list.push(r);
    else map.set(r.dimension, [r]);
  }
  return map;
}

function countsIn(row: Totals | undefined): Totals {
  return row ? pickCounts(row) : ZERO_COUNTS;
}
