/**
 * Test support for the aggregates' consistency tests: the aggregates rebuilt from the stored events alone,
 * and seeded random events that exercise every dimension. Imported by tests only.
 */
import type { IDBPDatabase } from 'idb';
import type { StoredEvent } from '../common/types';
import { addCounts, ZERO_COUNTS } from '../common/counts';
import { contributionsOf, creativeOf, mergeCreative } from '../background/db/aggregates';
import type { Creative } from '../background/db/aggregates';
import type { AdTallyDB, DayTotals, KeyTotals } from '../background/db/schema';
import { storedEvent } from './sample-events';

/** Totals and creatives as they should be, from the stored raw events alone. */
export async function rebuiltFromEvents(database: IDBPDatabase<AdTallyDB>) {
  const totals = new Map<string, DayTotals>();
  const creatives = new Map<string, Creative>();
  for (const event of await database.getAll('events')) {
    for (const c of contributionsOf(event, event.dwellMs)) {
      const id = `${c.dimension}|${c.key}|${event.day}`;
      const row = totals.get(id) ?? { dimension: c.dimension, key: c.key, day: event.day, ...ZERO_COUNTS };
      totals.set(id, { ...row, ...addCounts(row, c.counts) });
    }
    const creative = creativeOf(event, event.dwellMs);
    if (creative) creatives.set(creative.fingerprint, mergeCreative(creatives.get(creative.fingerprint), creative));
  }
  const sortTotals = (rows: DayTotals[]) => rows.sort((a, b) => `${a.dimension}|${a.key}|${a.day}`.localeCompare(`${b.dimension}|${b.key}|${b.day}`));
  const allTime = new Map<string, KeyTotals>();
  for (const row of totals.values()) {
    const id = `${row.dimension}|${row.key}`;
    const sum = allTime.get(id) ?? { dimension: row.dimension, key: row.key, ...ZERO_COUNTS };
    allTime.set(id, { ...sum, ...addCounts(sum, row) });
  }
  return {
    allTime: [...allTime.values()].filter((r) => r.impressions || r.viewable || r.clicks || r.dwellMs).sort((a, b) => `${a.dimension}|${a.key}`.localeCompare(`${b.dimension}|${b.key}`)),
    totals: sortTotals([...totals.values()].filter((r) => r.impressions || r.viewable || r.clicks || r.dwellMs)),
    creatives: [...creatives.values()].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)),
  };
}

/** A small deterministic random generator, so a failure can be replayed. */
export function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** One size per creative: a creative record keeps its newest event's size, and events of one time have no order. */
const SIZES_BY_FINGERPRINT: Record<string, { width: number; height: number }> = {
  '': { width: 300, height: 250 },
  'fp-1': { width: 728, height: 90 },
  'fp-2': { width: 640, height: 160 },
  'fp-3': { width: 301, height: 251 },
};

export function randomEvents(count: number, rand: () => number): StoredEvent[] {
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
  return Array.from({ length: count }, (_, i) => {
    const type = pick(['impression', 'impression', 'viewable', 'click', 'dwell'] as const);
    const day = pick(['2025-06-14', '2025-06-15', '2025-06-16']);
    return storedEvent({
      id: type === 'dwell' ? `pv-${i % 7}:ad${i % 3}:dwell` : `r-${i}-${Math.floor(rand() * 1e9)}`,
      type,
      time: Date.UTC(2025, 5, 14) + Math.floor(rand() * 3 * 86_400_000),
      day,
      // Up to 40 s: re-sent dwell moves ads across every time-in-view bucket.
      dwellMs: type === 'dwell' ? Math.floor(rand() * 40_000) : 0,
      site: pick(['a.test', 'b.test', 'c.test']),
      advertiser: pick([null, 'shop.example', 'brand.example']),
      network: pick([null, 'Google Ad Manager', 'Taboola']),
      kind: pick(['display', 'native', 'search'] as const),
      fingerprint: pick(['', 'fp-1', 'fp-2', 'fp-3']),
      landingUrl: pick([null, 'https://shop.example/a']),
      // From the index, not the generator, so the seeds draw the events they always drew.
      fold: ([undefined, null, 'above', 'below'] as const)[i % 4],
    });
  }).map((event) => ({ ...event, ...SIZES_BY_FINGERPRINT[event.fingerprint] }));
}
