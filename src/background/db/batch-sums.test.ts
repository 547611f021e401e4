/**
 * A batch's sums are what its events add one by one: in memory (BatchSums against each event's own
 * contributions), and through the database (an import or a live write in batches leaves exactly the rows
 * that the same events written one at a time leave), duplicates and re-sent dwell included.
 */
import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../common/types';
import { storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { contributionsOf, creativeOf, mergeCreative } from './aggregates';
import { BatchSums } from './batch-sums';
import { deleteAllEvents, writeEvents } from './events';
import type { AdTallyDB } from './schema';

const db = useFreshDb();

function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/**
 * Events over three days, a few sites, advertisers and creatives, with each creative's attribution and size
 * fixed and every time distinct, so a creative's record does not depend on the order events are merged in.
 * A dwell id repeats (the same ad's dwell re-sent as it grows); every other id is new.
 */
function events(count: number, seed: number): StoredEvent[] {
  const rand = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const type = pick(['impression', 'viewable', 'click', 'dwell', 'measured'] as const);
    const fingerprint = pick(['', 'fp-1', 'fp-2']);
    return storedEvent({
      id: type === 'dwell' ? `pv-${i % 5}:ad1:dwell` : `e-${seed}-${i}`,
      type,
      time: Date.UTC(2025, 5, 14) + i * 60_000,
      day: pick(['2025-06-14', '2025-06-15', '2025-06-16']),
      dwellMs: type === 'dwell' ? Math.floor(rand() * 40_000) : 0,
      reached: type === 'measured' ? pick([null, 'impression', 'viewable'] as const) : null,
      site: pick(['a.test', 'b.test', 'c.test', 'd.test']),
      advertiser: fingerprint ? 'brand.example' : pick([null, 'shop.example']),
      network: fingerprint ? 'Criteo' : pick([null, 'Taboola']),
      kind: pick(['display', 'native'] as const),
      fingerprint,
      landingUrl: fingerprint ? 'https://brand.example/' : null,
      fold: pick([null, 'above', 'below'] as const),
      width: fingerprint === 'fp-2' ? 728 : 300,
      height: fingerprint === 'fp-2' ? 90 : 250,
    });
  });
}

const rowId = (r: { dimension: string; key: string; day?: string }) => `${r.dimension}|${r.key}|${r.day ?? ''}`;

describe('BatchSums', () => {
  it('sums a batch as its events add one by one, into each daily row, all-time row and creative once', () => {
    const batch = events(300, 1);
    const gone = events(40, 2);
    const sums = new BatchSums();
    for (const e of batch) sums.add(e, 1);
    for (const e of gone) sums.add(e, -1);

    const expected = new Map<string, number[]>();
    const expectedAllTime = new Map<string, number[]>();
    const note = (map: Map<string, number[]>, id: string, counts: number[], sign: number) => {
      const row = map.get(id) ?? counts.map(() => 0);
      map.set(id, row.map((v, i) => v + sign * counts[i]!));
    };
    for (const [list, sign] of [[batch, 1], [gone, -1]] as const) {
      for (const e of list) {
        for (const c of contributionsOf(e, e.dwellMs)) {
          const counts = [c.counts.impressions, c.counts.viewable, c.counts.clicks, c.counts.dwellMs, c.counts.measured ?? 0, c.counts.measuredViewable ?? 0];
          note(expected, rowId({ dimension: c.dimension, key: c.key, day: e.day }), counts, sign);
          note(expectedAllTime, rowId({ dimension: c.dimension, key: c.key }), counts, sign);
        }
      }
    }
    const nonZero = (map: Map<string, number[]>) => new Map([...map].filter(([, counts]) => counts.some((v) => v !== 0)));
    const asMap = (rows: { dimension: string; key: string; day?: string; counts: { impressions: number; viewable: number; clicks: number; dwellMs: number; measured?: number; measuredViewable?: number } }[]) =>
      new Map(rows.map((r) => [rowId(r), [r.counts.impressions, r.counts.viewable, r.counts.clicks, r.counts.dwellMs, r.counts.measured ?? 0, r.counts.measuredViewable ?? 0]]));

    const dayRows = sums.dayRows();
    expect(new Set(dayRows.map(rowId)).size).toBe(dayRows.length);
    expect(asMap(dayRows)).toEqual(nonZero(expected));
    expect(asMap(sums.keyRows())).toEqual(nonZero(expectedAllTime));
    // Far fewer rows than contributions: what the batch reads and writes.
    expect(dayRows.length).toBeLessThan(batch.length);

    const creatives = new Map<string, ReturnType<typeof creativeOf>>();
    for (const e of batch) {
      const one = creativeOf(e, e.dwellMs);
      if (one) creatives.set(one.fingerprint, mergeCreative(creatives.get(one.fingerprint) ?? undefined, one));
    }
    expect(sums.creatives().sort((a, b) => a.fingerprint.localeCompare(b.fingerprint))).toEqual([...creatives.values()].sort((a, b) => a!.fingerprint.localeCompare(b!.fingerprint)));
    expect(sums.recounts().sort()).toEqual([...new Set(gone.map((e) => e.fingerprint).filter(Boolean))].sort());
  });

  it('replaces a re-sent dwell: the old value out of its rows, the new one in', () => {
    const old = storedEvent({ id: 'pv:ad:dwell', type: 'dwell', dwellMs: 1500, fingerprint: 'fp-1' });
    const grown = { ...old, dwellMs: 12_000 };
    const sums = new BatchSums();
    sums.add(old, 1);
    sums.replace(old, grown);
    const only = new BatchSums();
    only.add(grown, 1);
    expect(sums.dayRows()).toEqual(only.dayRows());
    expect(sums.keyRows()).toEqual(only.keyRows());
    expect(sums.creatives()).toEqual(only.creatives());
  });
});

/** Every aggregate row, sorted: what two ways of writing the same events must both leave. */
async function aggregates(database: IDBPDatabase<AdTallyDB>) {
  const sort = <T extends { dimension: string; key: string; day?: string }>(rows: T[]) => rows.sort((a, b) => rowId(a).localeCompare(rowId(b)));
  return { totals: sort(await database.getAll('totals')), allTime: sort(await database.getAll('allTime')), creatives: await database.getAll('creatives'), events: await database.count('events') };
}

describe('writing in batches', () => {
  it('imports in batches exactly what importing event by event stores, duplicates inside a batch and across batches skipped', async () => {
    const file = events(120, 3);
    // The same lines twice in one batch, and lines of an earlier batch again in a later one.
    const withRepeats = [...file.slice(0, 50), ...file.slice(30, 60), ...file.slice(50), ...file.slice(0, 20)];
    let added = 0;
    for (let i = 0; i < withRepeats.length; i += 45) added += (await writeEvents(db(), withRepeats.slice(i, i + 45), 'import')).added;
    const batched = await aggregates(db());
    await deleteAllEvents(db());

    let addedOneByOne = 0;
    for (const e of withRepeats) addedOneByOne += (await writeEvents(db(), [e], 'import')).added;
    expect(added).toBe(addedOneByOne);
    // Only the first line of each id is stored: the file's distinct ids.
    expect(added).toBe(new Set(file.map((e) => e.id)).size);
    expect(batched).toEqual(await aggregates(db()));
  }, 60_000);

  it('writes live batches with re-sent dwell exactly as one event at a time', async () => {
    const live = events(100, 4);
    for (let i = 0; i < live.length; i += 30) await writeEvents(db(), live.slice(i, i + 70));
    const batched = await aggregates(db());
    await deleteAllEvents(db());
    for (const e of live) await writeEvents(db(), [e]);
    expect(batched).toEqual(await aggregates(db()));
    // The dwell ids were re-sent with other values: each is stored once, with its largest.
    expect(batched.events).toBe(new Set(live.map((e) => e.id)).size);
  }, 60_000);

  it('counts an import and live writes running at the same time exactly', async () => {
    const file = events(90, 5);
    const live = events(60, 6).map((e) => ({ ...e, id: `live-${e.id}` }));
    const both = async () => {
      // Each batch is one transaction: IndexedDB runs the import's and the live writes' in turn, each reading the rows the other wrote.
      await Promise.all([
        (async () => {
          for (let i = 0; i < file.length; i += 30) await writeEvents(db(), file.slice(i, i + 30), 'import');
        })(),
        (async () => {
          for (let i = 0; i < live.length; i += 10) await writeEvents(db(), live.slice(i, i + 10));
        })(),
      ]);
    };
    await both();
    const together = await aggregates(db());
    await deleteAllEvents(db());
    for (const e of file) await writeEvents(db(), [e], 'import');
    for (const e of live) await writeEvents(db(), [e]);
    expect(together).toEqual(await aggregates(db()));
    expect(together.events).toBe(new Set([...file, ...live].map((e) => e.id)).size);
  }, 60_000);
});
