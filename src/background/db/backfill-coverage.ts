/**
 * Which parts of the aggregates already count an event while a resumable backfill runs (db/backfill.ts,
 * docs/architecture.md, "Schema upgrades walk the events after the upgrade, in chunks").
 *
 * A backfill walks the stored events in the order of the `time` index (time, then id) and stores, with each
 * chunk's sums, the position of the last event it summed. The rule that keeps every count exact: **for a
 * dimension (or the landing index) being backfilled, an event counts there if and only if its position is
 * at or before the backfill's cursor.** Every write path follows it: a live write or an import adds the new
 * dimension's contributions only for an event at or before the cursor, a deletion or a replaced dwell takes
 * them out only then; events after the cursor are summed by the chunk that reaches them, from what is then
 * stored. Chunks and writes are transactions over the same stores, so IndexedDB runs them one after the
 * other and each sees the cursor the other left.
 */
import type { Dimension, StoredEvent } from '../../common/types';

/** An event's place in the walk: the `time` index's key, then the primary key (IndexedDB's own order). */
export type WalkPosition = [time: number, id: string];

/** One pending backfill, stored in `backfills` (keyed by the schema version whose upgrade planned it). */
export interface Backfill {
  version: number;
  /** Dimensions whose daily and all-time rows the walk sums. */
  dimensions: Dimension[];
  /** Whether the walk fills the landing-host index (version 8). */
  landingHosts: boolean;
  /** The last event summed; null before the first chunk. */
  after: WalkPosition | null;
  /** Events summed so far, and how many there were when the walk began (progress only). */
  done: number;
  total: number | null;
}

/** What a set of changes adds to: the write path's (everything already walked) or one chunk's (its job only). */
export interface Coverage {
  counts(event: Pick<StoredEvent, 'time' | 'id'>, dimension: Dimension): boolean;
  indexesLanding(event: Pick<StoredEvent, 'time' | 'id'>): boolean;
  /** Creatives are kept by the write path only: no backfill adds to them. */
  creatives: boolean;
}

export const EVERYTHING: Coverage = { counts: () => true, indexesLanding: () => true, creatives: true };

/** Whether the walk has passed the event: its position is at or before the cursor. */
export function walked(event: Pick<StoredEvent, 'time' | 'id'>, after: WalkPosition | null): boolean {
  if (after === null) return false;
  return event.time < after[0] || (event.time === after[0] && event.id <= after[1]);
}

/** The write path's coverage while these backfills are pending: everything, except what a walk has not reached. */
export function liveCoverage(pending: readonly Backfill[]): Coverage {
  if (pending.length === 0) return EVERYTHING;
  return {
    counts: (event, dimension) => pending.every((b) => !b.dimensions.includes(dimension) || walked(event, b.after)),
    indexesLanding: (event) => pending.every((b) => !b.landingHosts || walked(event, b.after)),
    creatives: true,
  };
}

/** One chunk's coverage: only what its backfill adds. */
export function chunkCoverage(backfill: Backfill): Coverage {
  return {
    counts: (_event, dimension) => backfill.dimensions.includes(dimension),
    indexesLanding: () => backfill.landingHosts,
    creatives: false,
  };
}
