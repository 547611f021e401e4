/**
 * Resumable backfills: what a schema upgrade needs summed from every stored event (new dimensions' daily and
 * all-time rows, the landing-host index) is walked after the upgrade, in chunks, each its own transaction
 * (docs/architecture.md, "Schema upgrades walk the events after the upgrade, in chunks").
 *
 * Inside IndexedDB's upgrade transaction a walk could not be resumed: at a million events version 7's took
 * 23.6 s, and past about four million a step would outlive Chromium's 5-minute limit on a service-worker
 * event and start over at every open. Here each chunk reads up to `chunk` events in the order of the `time`
 * index after the stored cursor, sums them in memory (the write path's `BatchSums`, so the same
 * `contributionsOf` and the same read-add-write of the rows they add to), and writes the sums with the new
 * cursor in one transaction: a stopped worker loses at most the chunk in flight, which never committed, and
 * the next start goes on from the cursor. Events written meanwhile follow db/backfill-coverage.ts's rule.
 *
 * The time order rather than the ids': ids are random (common/id.ts), so a chunk by id would touch rows of
 * every day of the year, while a chunk by time touches a day or two, whose rows the write path reads in one
 * request per dimension (events.ts, `RANGE_READ_DAYS`).
 */
import { unwrap } from 'idb';
import type { IDBPDatabase } from 'idb';
import type { StoredEvent } from '../../common/types';
import { chunkCoverage } from './backfill-coverage';
import type { Backfill } from './backfill-coverage';
import { BatchSums } from './batch-sums';
import { applySums, WRITE_STORES } from './events';
import { settle } from './requests';
import type { AdTallyDB } from './schema';

/** Events per chunk: about two days of a heavy year (2,700 events a day), a fraction of a second to sum. */
export const BACKFILL_CHUNK = 5000;

/** How far the pending backfills are, over all of them: events summed of the events there were. */
export interface BackfillProgress {
  done: number;
  total: number;
}

/**
 * Sums the next chunk of the first pending backfill and stores its cursor; deletes the backfill once its
 * walk has reached the last event. Returns the progress after it, or null when nothing was pending.
 */
export async function backfillChunk(db: IDBPDatabase<AdTallyDB>, chunk = BACKFILL_CHUNK): Promise<BackfillProgress | null> {
  const tx = unwrap(db.transaction(WRITE_STORES, 'readwrite'));
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('backfill chunk aborted'));
  });
  const backfills = tx.objectStore('backfills');
  const events = tx.objectStore('events');
  const [pending] = await settle<Backfill[]>([backfills.getAll()]);
  const [backfill, ...later] = pending!.value ?? [];
  if (!backfill) {
    await done;
    return null;
  }
  if (backfill.total === null) {
    const [count] = await settle<number>([events.count()]);
    backfill.total = count!.value ?? 0;
  }
  const walk = await nextEvents(events.index('time'), backfill.after, chunk);
  const sums = new BatchSums(chunkCoverage(backfill));
  for (const event of walk.events) sums.add(event, 1);
  await applySums(tx, sums);
  const last = walk.events.at(-1);
  if (walk.more && last) backfills.put({ ...backfill, after: [last.time, last.id], done: backfill.done + walk.events.length });
  else backfills.delete(backfill.version);
  await done;
  // The walk just finished counts as whole, so the progress a listener sees never goes back.
  const walked = backfill.done + walk.events.length;
  const all = [{ ...backfill, done: walk.more ? walked : Math.max(walked, backfill.total) }, ...later];
  return { done: all.reduce((n, b) => n + b.done, 0), total: all.reduce((n, b) => n + Math.max(b.total ?? 0, b.done), 0) };
}

/**
 * Up to `limit` events after the cursor in the time index's order (time, then id), and whether more may
 * follow. Events of the cursor's own millisecond with a greater id come first (read whole: a few at most),
 * then the next `limit` of later times.
 */
async function nextEvents(index: IDBIndex, after: Backfill['after'], limit: number): Promise<{ events: StoredEvent[]; more: boolean }> {
  if (after === null) {
    const [first] = await settle<StoredEvent[]>([index.getAll(null, limit)]);
    const events = first!.value ?? [];
    return { events, more: events.length === limit };
  }
  const [same, later] = await settle<StoredEvent[]>([index.getAll(IDBKeyRange.only(after[0])), index.getAll(IDBKeyRange.lowerBound(after[0], true), limit)]);
  const events = [...(same!.value ?? []).filter((e) => e.id > after[1]), ...(later!.value ?? [])];
  return { events, more: later!.value?.length === limit };
}

/** Told after each chunk (progress) and once when every backfill is done. */
export interface BackfillListener {
  progress(progress: BackfillProgress): void;
  finished(): void;
}

/**
 * Runs the pending backfills chunk after chunk until none is left. A chunk that fails (the database closed
 * for a newer AdTally, a full disk) ends this run; its transaction did not commit, so the next run (the next
 * time the database is opened) goes on from the stored cursor.
 */
export async function runBackfills(db: IDBPDatabase<AdTallyDB>, listener: BackfillListener, chunk = BACKFILL_CHUNK): Promise<void> {
  for (;;) {
    const progress = await backfillChunk(db, chunk);
    if (progress === null) return listener.finished();
    listener.progress(progress);
  }
}
