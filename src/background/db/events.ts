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
import { contributionsOf, countsOf, creativeOf, mergeCreative } from './aggregates';
import type { Creative, Dimension, Totals } from './aggregates';
import type { AdTallyDB, DayTotals } from './schema';
import { settle } from './requests';
import { EVERYTHING, liveCoverage } from './backfill-coverage';
import type { Backfill, Coverage } from './backfill-coverage';
import { landingKeyOf } from './landing-hosts';
import type { LandingKey } from './landing-hosts';

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
  const changes = new Changes(await writeCoverage(raw));
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
      changes.add(event, 1);
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
        if (stored) changes.replace(stored, event);
        else changes.add(event, 1);
      } else {
        if (stored) return;
        eventStore.add(event);
        changes.add(event, 1);
      }
      if (!stored) added++;
      current.set(event.id, event);
    });
  }
  await changes.apply(raw);
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
    const changes = new Changes(await writeCoverage(unwrap(tx)));
    let cursor = await index.openCursor(range);
    let inChunk = 0;
    while (cursor && inChunk < chunk) {
      changes.add(cursor.value, -1);
      void cursor.delete();
      inChunk++;
      cursor = await cursor.continue();
    }
    await changes.apply(unwrap(tx));
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
 * What a set of event writes or deletions changes in the totals, the creatives and the landing-host index,
 * applied in one go. `coverage` says what an event adds to while a backfill is pending (db/backfill-coverage.ts);
 * a backfill's chunk uses it too, with its own coverage.
 */
export class Changes {
  private readonly totals = new Map<string, { dimension: Dimension; key: string; day: string; counts: Totals }>();
  private readonly creatives = new Map<string, Creative>();
  /** Creatives that lost events: rebuilt from the events that remain, for exact first and last sightings. */
  private readonly recount = new Set<string>();
  /** Landing-host keys to write (true) or delete (false), the last change of each key winning. */
  private readonly landing = new Map<string, { key: LandingKey; present: boolean }>();

  constructor(private readonly coverage: Coverage = EVERYTHING) {}

  /** Counts a written event in (+1) or a deleted one out (-1). */
  add(event: StoredEvent, sign: 1 | -1): void {
    this.addTotals(event, sign);
    this.addLanding(event, sign);
    if (!this.coverage.creatives) return;
    if (sign === 1) this.addCreative(event, event.dwellMs);
    else if (event.fingerprint) this.recount.add(event.fingerprint);
  }

  /** A dwell event replaced by a larger value of itself, or an inferred click by its confirmation. */
  replace(old: StoredEvent, event: StoredEvent): void {
    this.addTotals(old, -1);
    this.addTotals(event, 1);
    this.addLanding(old, -1);
    this.addLanding(event, 1);
    if (old.fingerprint === event.fingerprint) this.addCreative(event, event.dwellMs - old.dwellMs, countsOf(old, 0));
    else {
      // Never sent by AdTally itself (a page view's ad keeps its creative); recounted so the records stay exact.
      if (old.fingerprint) this.recount.add(old.fingerprint);
      this.addCreative(event, event.dwellMs);
    }
  }

  private addLanding(event: StoredEvent, sign: 1 | -1): void {
    const key = this.coverage.indexesLanding(event) ? landingKeyOf(event) : null;
    if (key) this.landing.set(JSON.stringify(key), { key, present: sign === 1 });
  }

  private addTotals(event: StoredEvent, sign: 1 | -1): void {
    for (const c of contributionsOf(event, event.dwellMs ?? 0)) {
      if (!this.coverage.counts(event, c.dimension)) continue;
      const id = `${c.dimension}\u0000${c.key}\u0000${event.day}`;
      const row = this.totals.get(id) ?? { dimension: c.dimension, key: c.key, day: event.day, counts: ZERO_COUNTS };
      row.counts = addCounts(row.counts, c.counts, sign);
      this.totals.set(id, row);
    }
  }

  /** Adds an event to its creative; `less` is what an event it replaces had added besides dwell. */
  private addCreative(event: StoredEvent, dwellMs: number, less: Totals = ZERO_COUNTS): void {
    const one = creativeOf(event, dwellMs);
    if (!one) return;
    const creative = { ...one, ...addCounts(one, less, -1) };
    this.creatives.set(creative.fingerprint, mergeCreative(this.creatives.get(creative.fingerprint), creative));
  }

  async apply(tx: IDBTransaction): Promise<void> {
    const rows = [...this.totals.values()].filter((r) => !isZero(r.counts));
    // The all-time rows change by the sum of the day rows' changes of the same key.
    const allTime = new Map<string, { dimension: Dimension; key: string; counts: Totals }>();
    for (const r of rows) {
      const id = `${r.dimension}\u0000${r.key}`;
      const sum = allTime.get(id) ?? { dimension: r.dimension, key: r.key, counts: ZERO_COUNTS };
      sum.counts = addCounts(sum.counts, r.counts);
      allTime.set(id, sum);
    }
    const keyRows = [...allTime.values()].filter((r) => !isZero(r.counts));
    const entries = [...this.creatives.values()];
    const totalsStore = tx.objectStore('totals');
    const allTimeStore = tx.objectStore('allTime');
    const creativeStore = tx.objectStore('creatives');
    // Every read at once: the stored day rows, all-time rows and creatives these changes add to.
    const [storedDays, storedKeys, storedCreatives] = await Promise.all([
      readDayRows(totalsStore, rows),
      settle<KeyTotals | undefined>(keyRows.map((r) => allTimeStore.get([r.dimension, r.key]))),
      settle<Creative | undefined>(entries.map((e) => creativeStore.get(e.fingerprint))),
    ]);
    for (const r of rows) {
      const counts = addCounts(countsIn(storedDays.get(dayRowId(r.dimension, r.key, r.day))), r.counts);
      if (isZero(counts)) totalsStore.delete([r.dimension, r.key, r.day]);
      else totalsStore.put({ dimension: r.dimension, key: r.key, day: r.day, ...counts } satisfies DayTotals);
    }
    keyRows.forEach((r, i) => {
      const counts = addCounts(countsIn(storedKeys[i]!.value), r.counts);
      if (isZero(counts)) allTimeStore.delete([r.dimension, r.key]);
      else allTimeStore.put({ dimension: r.dimension, key: r.key, ...counts } satisfies KeyTotals);
    });
    entries.forEach((e, i) => creativeStore.put(mergeCreative(storedCreatives[i]!.value, e)));
    const landingStore = tx.objectStore('landingHosts');
    for (const { key, present } of this.landing.values()) {
      if (present) landingStore.put(1, key);
      else landingStore.delete(key);
    }
    for (const fingerprint of this.recount) await recountCreative(tx, fingerprint);
  }
}

const dayRowId = (dimension: Dimension, key: string, day: string) => `${dimension}\u0000${key}\u0000${day}`;

/**
 * Below this many rows of one dimension over at most RANGE_READ_DAYS days, each row is read by its key;
 * from it on, the dimension's rows of those days are read in one request (an import batch covers a day or
 * two and nearly every site and advertiser of them: one request instead of thousands).
 */
export const RANGE_READ_ROWS = 64;
const RANGE_READ_DAYS = 3;

/** The stored day rows the changes add to, by dayRowId. */
async function readDayRows(store: IDBObjectStore, rows: { dimension: Dimension; key: string; day: string }[]): Promise<Map<string, DayTotals>> {
  const byDimension = new Map<Dimension, typeof rows>();
  for (const r of rows) byDimension.set(r.dimension, [...(byDimension.get(r.dimension) ?? []), r]);
  const reads: Promise<DayTotals[]>[] = [];
  for (const [dimension, list] of byDimension) {
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

function countsIn(row: Totals | undefined): Totals {
  return row ? pickCounts(row) : ZERO_COUNTS;
}
