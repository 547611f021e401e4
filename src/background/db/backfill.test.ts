/**
 * A backfill walking the events while the write path keeps counting: live writes, re-sent dwell (which can
 * move an event across the cursor), imports and deletions interleaved with chunks must end with aggregates
 * and a landing-host index equal to a sum from scratch, each event counted once (db/backfill-coverage.ts).
 */
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../common/types';
import { useFreshDb } from '../../test-support/fresh-db';
import { random, randomEvents, rebuiltFromEvents } from '../../test-support/aggregates-from-events';
import { backfillChunk, runBackfills } from './backfill';
import type { BackfillProgress } from './backfill';
import type { Backfill } from './backfill-coverage';
import { deleteEvents, writeEvents } from './events';
import { landingKeyOf } from './landing-hosts';

const db = useFreshDb();

/** A landing URL per creative (a creative record keeps one: several per creative would make it depend on write order). */
const LANDING_BY_FINGERPRINT: Record<string, string> = { '': 'https://shop.example/a', 'fp-1': 'https://Brand.example/b?x=1', 'fp-2': 'https://track.example:8080/c', 'fp-3': 'https://shop.example/d' };

/** Random events with several landing hosts (the shared generator has one). */
function events(count: number, rand: () => number): StoredEvent[] {
  return randomEvents(count, rand).map((e) => ({ ...e, landingUrl: rand() < 0.2 ? null : LANDING_BY_FINGERPRINT[e.fingerprint]! }));
}

/** What an upgrade from version 6 leaves: a backfill of placement, time in view and the landing index, not begun. */
async function planBackfill(): Promise<void> {
  const backfill: Backfill = { version: 8, dimensions: ['placement', 'timeInView'], landingHosts: true, after: null, done: 0, total: null };
  await db().put('backfills', backfill);
}

async function expectSumsFromScratch(): Promise<void> {
  const expected = await rebuiltFromEvents(db());
  const byKey = (a: { dimension: string; key: string; day?: string }, b: typeof a) => `${a.dimension}|${a.key}|${a.day ?? ''}`.localeCompare(`${b.dimension}|${b.key}|${b.day ?? ''}`);
  expect((await db().getAll('totals')).sort(byKey)).toEqual(expected.totals);
  expect((await db().getAll('allTime')).sort(byKey)).toEqual(expected.allTime);
  // No backfill touches the creatives (their consistency is aggregates-consistency.test.ts's): not compared.
  expect(expected.creatives.length).toBeGreaterThan(0);
  const keys = (await db().getAll('events')).flatMap((e) => { const key = landingKeyOf(e); return key ? [key] : []; });
  expect((await db().getAllKeys('landingHosts')).map((k) => JSON.stringify(k)).sort()).toEqual(keys.map((k) => JSON.stringify(k)).sort());
}

describe('a backfill interleaved with live writes', () => {
  it('leaves the dimensions it fills to the walk: the write path adds nothing there before the cursor reaches an event', async () => {
    await planBackfill();
    await writeEvents(db(), events(60, random(1)));
    expect(await db().count('totals', IDBKeyRange.bound(['placement', '', ''], ['placement', '\uffff', '']))).toBe(0);
    expect(await db().count('landingHosts')).toBe(0);
    expect(await db().count('totals', IDBKeyRange.bound(['site', '', ''], ['site', '\uffff', '']))).toBeGreaterThan(0);
    await runBackfills(db(), { progress: () => {}, finished: () => {} });
    expect(await db().count('backfills')).toBe(0);
    await expectSumsFromScratch();
  });

  it('ends equal to a sum from scratch through writes, re-sent dwell, imports and deletions between chunks', async () => {
    const rand = random(21);
    await planBackfill();
    // The events stored before the upgrade: counted in every dimension but the backfill's.
    await writeEvents(db(), events(250, rand));
    const progress: BackfillProgress[] = [];
    let chunks = 0;
    let actions = 0;
    for (;;) {
      const after = await backfillChunk(db(), 13);
      if (after === null) break;
      progress.push(after);
      chunks++;
      // Something happens between chunks: new events (dwell ids repeat, so dwell is re-sent, often with
      // another time, so across the cursor), a retried batch, an import, a site's or old events' deletion.
      const choice = rand();
      if (choice < 0.45) await writeEvents(db(), events(1 + Math.floor(rand() * 30), rand));
      else if (choice < 0.6) await writeEvents(db(), events(20, rand), 'import');
      else if (choice < 0.7) await deleteEvents(db(), { site: ['a.test', 'b.test', 'c.test'][Math.floor(rand() * 3)]! }, 7);
      else if (choice < 0.75) await deleteEvents(db(), { before: Date.UTC(2025, 5, 14) + Math.floor(rand() * 86_400_000) }, 9);
      else continue;
      actions++;
    }
    expect(chunks).toBeGreaterThan(15);
    expect(actions).toBeGreaterThan(10);
    // Progress never goes back and reaches the whole.
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
    expect(await db().count('backfills')).toBe(0);
    expect(await db().count('events')).toBeGreaterThan(100);
    await expectSumsFromScratch();
  }, 30_000);

  it('walks every event once when many share the cursor\'s millisecond', async () => {
    await planBackfill();
    const time = Date.UTC(2025, 5, 15, 9);
    await writeEvents(db(), events(90, random(4)).map((e, i) => ({ ...e, id: `same-${i}`, time: i < 60 ? time : time + i })));
    let chunks = 0;
    while ((await backfillChunk(db(), 8)) !== null) chunks++;
    // The first chunk ends inside the 60 events of one millisecond; the rest of them come in the next chunk (read whole).
    expect(chunks).toBeGreaterThanOrEqual(3);
    await expectSumsFromScratch();
  });

  it('runs backfills planned by two upgrades one after the other', async () => {
    await db().put('backfills', { version: 7, dimensions: ['cell'], landingHosts: false, after: null, done: 0, total: null });
    await planBackfill();
    await writeEvents(db(), events(120, random(9)));
    const seen: BackfillProgress[] = [];
    let finished = 0;
    await runBackfills(db(), { progress: (p) => seen.push(p), finished: () => finished++ }, 25);
    expect(finished).toBe(1);
    // The first walk's progress is of its own events; the whole ends at the events there were, twice.
    const stored = await db().count('events');
    expect(seen.at(-1)).toEqual({ done: stored, total: stored });
    await expectSumsFromScratch();
  });
});
