/**
 * The aggregates must always equal what the raw events sum to, through every write, re-sent dwell, import
 * and deletion. Each test ends by rebuilding the totals and creatives from the events alone and comparing.
 */
import { describe, expect, it } from 'vitest';
import { storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { random, randomEvents, rebuiltFromEvents } from '../../test-support/aggregates-from-events';
import { deleteAllEvents, deleteEvents, RANGE_READ_ROWS, writeEvents } from './events';

const db = useFreshDb();

async function expectConsistent() {
  const expected = await rebuiltFromEvents(db());
  // The version-7 dimensions are there to be compared whenever any event is.
  if (expected.totals.length > 0) expect(new Set(expected.totals.map((r) => r.dimension))).toContain('placement');
  if (expected.totals.some((r) => r.dimension === 'all' && r.dwellMs > 0)) expect(new Set(expected.totals.map((r) => r.dimension))).toContain('timeInView');
  const totals = (await db().getAll('totals')).sort((a, b) => `${a.dimension}|${a.key}|${a.day}`.localeCompare(`${b.dimension}|${b.key}|${b.day}`));
  expect(totals).toEqual(expected.totals);
  expect(await db().getAll('creatives')).toEqual(expected.creatives);
  // The store's key order is [dimension, key]: the same order as the expected rows.
  expect(await db().getAll('allTime')).toEqual(expected.allTime);
}

describe('aggregates stay equal to the raw events', () => {
  it('through writes in several batches, retries and re-sent dwell', async () => {
    const rand = random(7);
    const events = randomEvents(400, rand);
    for (let i = 0; i < events.length; i += 37) {
      const batch = events.slice(i, i + 37);
      await writeEvents(db(), batch);
      if (rand() < 0.5) await writeEvents(db(), batch); // a retry after a lost acknowledgement
    }
    expect(await db().count('events')).toBeGreaterThan(300);
    await expectConsistent();
  });

  it('moves an ad from one time-in-view bucket to the next as its dwell grows, and out when it is deleted', async () => {
    const bucketRows = async () => Object.fromEntries((await db().getAll('allTime', IDBKeyRange.bound(['timeInView', ''], ['timeInView', '\uffff']))).map((r) => [r.key, [r.impressions, r.dwellMs]]));
    const dwell = (dwellMs: number, site = 'a.test') => storedEvent({ id: `pv-${site}:ad1:dwell`, type: 'dwell', dwellMs, site, fold: 'above' });
    await writeEvents(db(), [dwell(800), dwell(700, 'b.test')]);
    expect(await bucketRows()).toEqual({ '0': [2, 1500] });
    await writeEvents(db(), [dwell(4000)]);
    expect(await bucketRows()).toEqual({ '0': [1, 700], '2000': [1, 4000] });
    await writeEvents(db(), [dwell(31_000), dwell(3000)]);
    expect(await bucketRows()).toEqual({ '0': [1, 700], '30000': [1, 31_000] });
    await expectConsistent();
    await deleteEvents(db(), { site: 'a.test' });
    expect(await bucketRows()).toEqual({ '0': [1, 700] });
    await expectConsistent();
  });

  it('through inferred clicks confirmed later by their frames, moving them to another advertiser', async () => {
    const rand = random(13);
    const inferred = randomEvents(200, rand)
      .filter((e) => e.type === 'click')
      .map((e) => ({ ...e, inFrame: true, inferred: true, landingUrl: null, advertiser: null }));
    expect(inferred.length).toBeGreaterThan(20);
    await writeEvents(db(), [...inferred, ...randomEvents(100, rand)]);
    await expectConsistent();
    const confirmed = inferred.filter(() => rand() < 0.6).map((e) => ({ ...e, inferred: false, landingUrl: 'https://brand.example/x', advertiser: 'brand.example' }));
    await writeEvents(db(), confirmed);
    await writeEvents(db(), confirmed); // a retry: already confirmed, nothing changes
    await expectConsistent();
    const clicks = (await db().getAll('events')).filter((e) => e.type === 'click');
    expect(clicks.filter((e) => e.advertiser === 'brand.example' && !e.inferred && e.inFrame)).toHaveLength(confirmed.length);
    // An inferred click never replaces a confirmed one, and an import never confirms.
    await writeEvents(db(), confirmed.map((e) => ({ ...e, inferred: true, advertiser: null })));
    const stillInferred = inferred.filter((e) => !confirmed.some((c) => c.id === e.id));
    await writeEvents(db(), stillInferred.map((e) => ({ ...e, inferred: false, advertiser: 'brand.example' })), 'import');
    await expectConsistent();
    expect((await db().getAll('events')).filter((e) => e.type === 'click' && e.inferred)).toHaveLength(stillInferred.length);
  });

  it('through imports that overlap what is stored', async () => {
    const rand = random(11);
    const events = randomEvents(300, rand);
    await writeEvents(db(), events.slice(0, 200));
    const { added } = await writeEvents(db(), events.slice(100), 'import');
    await expectConsistent();
    const again = await writeEvents(db(), events, 'import');
    expect(again.added).toBe(0);
    expect(added).toBeGreaterThan(0);
    await expectConsistent();
  });

  it('through big batches whose day rows are read by range, around rows of other days and dimensions', async () => {
    const rand = random(5);
    // More sites over two days than RANGE_READ_ROWS: the batch reads each dimension's rows of those days at once.
    // Unique dwell ids and known attribution: a creative's attribution when its newest event lacks one
    // depends on the order events were merged in, which is not what this test is about.
    let calls = 0;
    const batch = (n: number, days: string[]) => {
      calls++;
      return randomEvents(n, rand).map((e, i) => ({ ...e, id: e.type === 'dwell' ? `pv-${calls}-${i}:ad1:dwell` : e.id, network: e.network ?? 'Criteo', advertiser: e.advertiser ?? 'brand.example', landingUrl: e.landingUrl ?? 'https://brand.example/', site: `s${i % (RANGE_READ_ROWS + 40)}.test`, day: days[i % days.length]! }));
    };
    await writeEvents(db(), batch(150, ['2025-06-13', '2025-06-17']));
    await writeEvents(db(), batch(400, ['2025-06-14', '2025-06-15']), 'import');
    await expectConsistent();
    await writeEvents(db(), batch(400, ['2025-06-14', '2025-06-15', '2025-06-16']), 'import');
    await writeEvents(db(), batch(300, ['2025-06-15']));
    expect(await db().count('totals', IDBKeyRange.bound(['site', '', ''], ['site', '\uffff', '']))).toBeGreaterThan(RANGE_READ_ROWS * 3);
    await expectConsistent();
  });

  it('through deleting one site, and everything older than a time, in small chunks', async () => {
    const rand = random(3);
    await writeEvents(db(), randomEvents(400, rand));
    const bSite = (await db().getAllFromIndex('events', 'site', 'b.test')).length;
    expect(await deleteEvents(db(), { site: 'b.test' }, 50)).toBe(bSite);
    expect(await db().countFromIndex('events', 'site', 'b.test')).toBe(0);
    expect(await db().count('totals', IDBKeyRange.bound(['site', 'b.test', ''], ['site', 'b.test', '\uffff']))).toBe(0);
    await expectConsistent();

    const cutoff = Date.UTC(2025, 5, 15, 12);
    const older = (await db().getAll('events')).filter((e) => e.time < cutoff).length;
    expect(older).toBeGreaterThan(0);
    expect(await deleteEvents(db(), { before: cutoff }, 64)).toBe(older);
    expect((await db().getAll('events')).every((e) => e.time >= cutoff)).toBe(true);
    await expectConsistent();
    // Creatives keep the exact first sighting among what remains.
    for (const creative of await db().getAll('creatives')) expect(creative.firstSeen).toBeGreaterThanOrEqual(cutoff);
  });

  it('deletes a creative whose every event is gone, and empties everything on delete-all', async () => {
    await writeEvents(db(), [storedEvent({ site: 'x.test', fingerprint: 'fp-only-x' }), storedEvent({ site: 'y.test', fingerprint: 'fp-both' }), storedEvent({ site: 'x.test', fingerprint: 'fp-both' })]);
    await deleteEvents(db(), { site: 'x.test' });
    expect(await db().get('creatives', 'fp-only-x')).toBeUndefined();
    expect(await db().get('creatives', 'fp-both')).toMatchObject({ impressions: 1 });
    await expectConsistent();
    await deleteAllEvents(db());
    expect([await db().count('events'), await db().count('totals'), await db().count('creatives'), await db().count('allTime')]).toEqual([0, 0, 0, 0]);
  });
});

describe('creatives', () => {
  it('keeps one record per fingerprint with first and last seen, counts and the newest attribution', async () => {
    await writeEvents(db(), [
      storedEvent({ fingerprint: 'fp-9', time: 2_000_000_000_000, landingUrl: 'https://old.example/', advertiser: 'old.example' }),
      storedEvent({ fingerprint: 'fp-9', time: 2_000_000_500_000, type: 'click', site: 'blog.test', landingUrl: null, advertiser: null }),
    ]);
    await writeEvents(db(), [storedEvent({ fingerprint: 'fp-9', time: 1_999_000_000_000, type: 'viewable', landingUrl: 'https://older.example/' })]);
    expect(await db().get('creatives', 'fp-9')).toMatchObject({
      firstSeen: 1_999_000_000_000,
      lastSeen: 2_000_000_500_000,
      impressions: 1,
      viewable: 1,
      clicks: 1,
      // The latest event had no landing URL; the newest known one is kept.
      landingUrl: 'https://old.example/',
      advertiser: 'old.example',
    });
    // Opaque ads (no fingerprint) have no creative record.
    await writeEvents(db(), [storedEvent({ fingerprint: '' })]);
    expect(await db().count('creatives')).toBe(1);
  });
});

describe('import mode', () => {
  it('never changes a stored event, not even a larger dwell', async () => {
    const dwell = storedEvent({ id: 'pv:ad:dwell', type: 'dwell', dwellMs: 1000 });
    await writeEvents(db(), [dwell]);
    const result = await writeEvents(db(), [{ ...dwell, dwellMs: 5000 }, storedEvent({ id: 'new-one' })], 'import');
    expect(result).toEqual({ stored: ['pv:ad:dwell', 'new-one'], added: 1 });
    expect((await db().get('events', 'pv:ad:dwell'))?.dwellMs).toBe(1000);
    await expectConsistent();
  });
});
