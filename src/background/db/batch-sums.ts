/**
 * What a batch of event writes or deletions changes in the aggregates, summed in memory: one entry per daily
 * row, all-time row and creative the batch touches, however many of its events fall in it. The stored rows
 * are then read and written once per batch, never per event (an import batch of 5,000 events of the generated
 * year touches about 3,000 daily rows, 2,500 all-time rows and 1,300 creatives; docs/performance.md, "Imports:
 * where the time goes").
 *
 * Pure (no IndexedDB): what each event adds comes from `contributionsOf` and `creativeOf`, the one definition
 * the write path, the deletions and the schema upgrades share, so a schema upgrade's backfill can sum a chunk
 * of events here too and apply it the way db/events.ts does.
 */
import { addInto, isZero, ZERO_COUNTS } from '../../common/counts';
import { contributionsOf, countsOf, creativeOf, mergeCreative } from './aggregates';
import type { Creative, Dimension, Totals } from './aggregates';
import type { StoredEvent } from '../../common/types';
import { EVERYTHING } from './backfill-coverage';
import type { Coverage } from './backfill-coverage';
import { landingEntryOf, landingKeyOf } from './landing-hosts';
import type { LandingEntry, LandingKey } from './landing-hosts';

/** A daily row's change: what to add to the stored `[dimension, key, day]` row (zero when absent). */
export interface DayRowChange {
  dimension: Dimension;
  key: string;
  day: string;
  counts: Totals;
}

/** An all-time row's change: the sum of its daily rows' changes. */
export interface KeyRowChange {
  dimension: Dimension;
  key: string;
  counts: Totals;
}

/** The id the batch keys a daily row by: its dimension, key and day, which no key or day contains a NUL of. */
export const dayRowId = (dimension: Dimension, key: string, day: string): string => `${dimension}\u0000${key}\u0000${day}`;
const keyRowId = (dimension: Dimension, key: string): string => `${dimension}\u0000${key}`;

export class BatchSums {
  private readonly days = new Map<string, DayRowChange>();
  private readonly creativeSums = new Map<string, Creative>();
  /** Creatives that lost events: rebuilt from the events that remain, for exact first and last sightings. */
  private readonly recount = new Set<string>();
  /** Landing-host entries to write (with the event's entry) or delete (null), the last change of each key winning. */
  private readonly landing = new Map<string, { key: LandingKey; entry: LandingEntry | null }>();

  /**
   * `coverage` says what an event adds to while a backfill is pending (db/backfill-coverage.ts): the live write
   * path passes what the walks have passed, a backfill's chunk its own dimensions only.
   */
  constructor(private readonly coverage: Coverage = EVERYTHING) {}

  /** Counts a written event in (+1) or a deleted one out (-1). */
  add(event: StoredEvent, sign: 1 | -1): void {
    this.addDays(event, sign);
    this.addLanding(event, sign);
    if (!this.coverage.creatives) return;
    if (sign === 1) this.addCreative(event, event.dwellMs);
    else if (event.fingerprint) this.recount.add(event.fingerprint);
  }

  /** A stored event replaced by a re-sent one (a larger dwell, a measured ad that got further, a confirmed click). */
  replace(old: StoredEvent, event: StoredEvent): void {
    this.addDays(old, -1);
    this.addDays(event, 1);
    this.addLanding(old, -1);
    this.addLanding(event, 1);
    if (old.fingerprint === event.fingerprint) this.addCreative(event, event.dwellMs - old.dwellMs, countsOf(old, 0));
    else {
      // Never sent by AdTally itself (a page view's ad keeps its creative); recounted so the records stay exact.
      if (old.fingerprint) this.recount.add(old.fingerprint);
      this.addCreative(event, event.dwellMs);
    }
  }

  /** The daily rows that change, each once; rows whose changes cancelled out are left out. */
  dayRows(): DayRowChange[] {
    return [...this.days.values()].filter((r) => !isZero(r.counts));
  }

  /** The all-time rows that change: each by the sum of its daily rows' changes, each once. */
  keyRows(): KeyRowChange[] {
    const sums = new Map<string, KeyRowChange>();
    for (const r of this.days.values()) {
      const id = keyRowId(r.dimension, r.key);
      let sum = sums.get(id);
      if (!sum) sums.set(id, (sum = { dimension: r.dimension, key: r.key, counts: { ...ZERO_COUNTS } }));
      addInto(sum.counts, r.counts);
    }
    return [...sums.values()].filter((r) => !isZero(r.counts));
  }

  /** What the written events add to each creative: merged into the stored record with `mergeCreative`. */
  creatives(): Creative[] {
    return [...this.creativeSums.values()];
  }

  /** Fingerprints whose creative lost events, to rebuild from the events that remain. */
  recounts(): string[] {
    return [...this.recount];
  }

  /** The landing-host index entries to write (`entry`) or delete (`entry` null). */
  landingChanges(): { key: LandingKey; entry: LandingEntry | null }[] {
    return [...this.landing.values()];
  }

  private addLanding(event: StoredEvent, sign: 1 | -1): void {
    const key = this.coverage.indexesLanding(event) ? landingKeyOf(event) : null;
    if (key) this.landing.set(JSON.stringify(key), { key, entry: sign === 1 ? landingEntryOf(event) : null });
  }

  private addDays(event: StoredEvent, sign: 1 | -1): void {
    for (const c of contributionsOf(event, event.dwellMs ?? 0)) {
      if (!this.coverage.counts(event, c.dimension)) continue;
      const id = dayRowId(c.dimension, c.key, event.day);
      let row = this.days.get(id);
      // One counts object per row, summed in place: a batch adds up to 200,000 contributions.
      if (!row) this.days.set(id, (row = { dimension: c.dimension, key: c.key, day: event.day, counts: { ...ZERO_COUNTS } }));
      addInto(row.counts, c.counts, sign);
    }
  }

  /** Adds an event to its creative; `less` is what an event it replaces had added besides dwell. */
  private addCreative(event: StoredEvent, dwellMs: number, less: Totals = ZERO_COUNTS): void {
    const one = creativeOf(event, dwellMs);
    if (!one) return;
    const creative = { ...one };
    addInto(creative, less, -1);
    this.creativeSums.set(creative.fingerprint, mergeCreative(this.creativeSums.get(creative.fingerprint), creative));
  }
}
