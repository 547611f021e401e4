import { describe, expect, it } from 'vitest';
import { siteDay, storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { writeEvents } from './events';
import { readSiteTotals } from './totals';

const db = useFreshDb();

describe('writeEvents', () => {
  it('stores the events and their daily totals per site', async () => {
    const batch = [
      storedEvent({ id: 'i1' }),
      storedEvent({ id: 'i2' }),
      storedEvent({ id: 'c1', type: 'click', inFrame: true }),
      storedEvent({ id: 'i3', day: '2025-06-16' }),
    ];
    const { stored: ids } = await writeEvents(db(), batch);
    expect(ids.sort()).toEqual(['c1', 'i1', 'i2', 'i3']);
    expect(await db().count('events')).toBe(4);
    expect(await db().get('events', 'c1')).toEqual(batch[2]);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toEqual({
      site: 'news.test',
      day: '2025-06-15',
      impressions: 2,
      viewable: 0,
      clicks: 1,
      dwellMs: 0,
    });
    expect(await siteDay(db(), 'news.test', '2025-06-16')).toEqual({
      site: 'news.test',
      day: '2025-06-16',
      impressions: 1,
      viewable: 0,
      clicks: 0,
      dwellMs: 0,
    });
  });

  it('adds to the totals already stored', async () => {
    await writeEvents(db(), [storedEvent(), storedEvent({ type: 'click' })]);
    await writeEvents(db(), [storedEvent(), storedEvent(), storedEvent({ type: 'click' })]);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toMatchObject({ impressions: 3, clicks: 2 });
    expect(await db().count('events')).toBe(5);
  });

  it('is idempotent: the same batch written twice changes nothing and returns the ids both times', async () => {
    const batch = [storedEvent({ id: 'a' }), storedEvent({ id: 'b', type: 'click' }), storedEvent({ id: 'c', site: 'blog.test' })];
    const { stored: first } = await writeEvents(db(), batch);
    const eventsBefore = await db().getAll('events');
    const daysBefore = await db().getAll('totals');
    const { stored: second } = await writeEvents(db(), batch);
    expect(first.sort()).toEqual(['a', 'b', 'c']);
    expect(second.sort()).toEqual(['a', 'b', 'c']);
    expect(await db().getAll('events')).toEqual(eventsBefore);
    expect(await db().getAll('totals')).toEqual(daysBefore);
  });

  it('stores only the new events of a batch that overlaps a stored one', async () => {
    await writeEvents(db(), [storedEvent({ id: 'a' }), storedEvent({ id: 'b' })]);
    const { stored: ids } = await writeEvents(db(), [storedEvent({ id: 'b' }), storedEvent({ id: 'c' })]);
    expect(ids.sort()).toEqual(['b', 'c']);
    expect(await db().count('events')).toBe(3);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toMatchObject({ impressions: 3 });
  });

  it('counts an id repeated inside one batch once, and returns it once', async () => {
    const { stored: ids } = await writeEvents(db(), [storedEvent({ id: 'dup' }), storedEvent({ id: 'dup' }), storedEvent({ id: 'other' })]);
    expect(ids.sort()).toEqual(['dup', 'other']);
    expect(await db().count('events')).toBe(2);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toMatchObject({ impressions: 2, clicks: 0 });
  });

  it('counts viewable events in viewable, apart from impressions and clicks', async () => {
    await writeEvents(db(), [
      storedEvent({ id: 'i1' }),
      storedEvent({ id: 'v1', type: 'viewable' }),
      storedEvent({ id: 'v2', type: 'viewable', adId: 'ad2' }),
      storedEvent({ id: 'v3', type: 'viewable', site: 'blog.test' }),
    ]);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toEqual({
      site: 'news.test',
      day: '2025-06-15',
      impressions: 1,
      viewable: 2,
      clicks: 0,
      dwellMs: 0,
    });
    expect(await siteDay(db(), 'blog.test', '2025-06-15')).toMatchObject({ impressions: 0, viewable: 1, clicks: 0 });
    // A retried viewable event is counted once.
    await writeEvents(db(), [storedEvent({ id: 'v1', type: 'viewable' })]);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toMatchObject({ viewable: 2 });
    expect((await db().get('events', 'v2'))?.type).toBe('viewable');
  });

  it('stores a dwell event and adds its dwellMs to the day', async () => {
    const dwell = storedEvent({ id: 'pv-1:ad1:dwell', type: 'dwell', dwellMs: 1_500 });
    expect((await writeEvents(db(), [dwell])).stored).toEqual(['pv-1:ad1:dwell']);
    expect(await db().get('events', 'pv-1:ad1:dwell')).toEqual(dwell);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toEqual({
      site: 'news.test',
      day: '2025-06-15',
      impressions: 0,
      viewable: 0,
      clicks: 0,
      dwellMs: 1_500,
    });
  });

  it('replaces a dwell event re-sent with the same id and a larger dwellMs; the total grows by the difference only', async () => {
    await writeEvents(db(), [storedEvent({ id: 'pv-1:ad1:dwell', type: 'dwell', dwellMs: 1_500 })]);
    const grown = storedEvent({ id: 'pv-1:ad1:dwell', type: 'dwell', dwellMs: 4_000, time: Date.UTC(2025, 5, 15, 12, 0, 3) });
    expect((await writeEvents(db(), [grown])).stored).toEqual(['pv-1:ad1:dwell']);
    expect(await db().count('events')).toBe(1);
    expect(await db().get('events', 'pv-1:ad1:dwell')).toEqual(grown);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toMatchObject({ impressions: 0, dwellMs: 4_000 });
    expect(await readSiteTotals(db())).toEqual([{ site: 'news.test', impressions: 0, viewable: 0, clicks: 0, dwellMs: 4_000 }]);

    await writeEvents(db(), [storedEvent({ id: 'pv-1:ad1:dwell', type: 'dwell', dwellMs: 4_250 })]);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toMatchObject({ dwellMs: 4_250 });
    expect((await db().get('events', 'pv-1:ad1:dwell'))?.dwellMs).toBe(4_250);
  });

  it('counts a measured ad once, moving it from measured to in view to viewable as it is re-sent, never back', async () => {
    const measured = (reached: 'measured' | 'impression' | 'viewable') => storedEvent({ id: 'pv-1:ad1:measured', type: 'measured', reached });
    const row = async () => {
      const { measured: m, measuredInView, measuredViewable, impressions } = (await db().get('totals', ['site', 'news.test', '2025-06-15']))!;
      return { m, measuredInView, measuredViewable, impressions };
    };
    await writeEvents(db(), [measured('measured'), storedEvent({ id: 'other-ad', type: 'measured', adId: 'ad2', reached: 'measured' })]);
    expect(await row()).toEqual({ m: 2, measuredInView: 0, measuredViewable: 0, impressions: 0 });
    await writeEvents(db(), [storedEvent({ id: 'i1' }), measured('impression')]);
    expect(await row()).toEqual({ m: 2, measuredInView: 1, measuredViewable: 0, impressions: 1 });
    await writeEvents(db(), [measured('viewable')]);
    await writeEvents(db(), [measured('impression'), measured('measured')]);
    expect(await row()).toEqual({ m: 2, measuredInView: 1, measuredViewable: 1, impressions: 1 });
    expect((await db().get('events', 'pv-1:ad1:measured'))?.reached).toBe('viewable');
    expect(await db().count('events')).toBe(3);
    // A later impression write keeps the measured counts the row holds.
    await writeEvents(db(), [storedEvent({ id: 'i2' })]);
    expect(await row()).toEqual({ m: 2, measuredInView: 1, measuredViewable: 1, impressions: 2 });
    // The creative sums them too.
    expect(await db().get('creatives', 'fp-00000000000001')).toMatchObject({ measured: 2, measuredInView: 1, measuredViewable: 1 });
  });

  it.each([
    ['smaller', 900],
    ['equal', 1_500],
  ])('ignores a dwell event re-sent with the same id and a %s dwellMs', async (_name, dwellMs) => {
    const first = storedEvent({ id: 'pv-1:ad1:dwell', type: 'dwell', dwellMs: 1_500 });
    await writeEvents(db(), [first]);
    const daysBefore = await db().getAll('totals');
    const again = storedEvent({ id: 'pv-1:ad1:dwell', type: 'dwell', dwellMs, time: Date.UTC(2025, 5, 15, 12, 0, 9) });
    expect((await writeEvents(db(), [again])).stored).toEqual(['pv-1:ad1:dwell']);
    expect(await db().get('events', 'pv-1:ad1:dwell')).toEqual(first);
    expect(await db().getAll('totals')).toEqual(daysBefore);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toMatchObject({ dwellMs: 1_500 });
  });

  it('keeps the dwell of different ads apart and sums them in the day', async () => {
    await writeEvents(db(), [
      storedEvent({ id: 'pv-1:ad1:dwell', type: 'dwell', dwellMs: 1_000 }),
      storedEvent({ id: 'pv-1:ad2:dwell', type: 'dwell', adId: 'ad2', dwellMs: 2_000 }),
    ]);
    await writeEvents(db(), [storedEvent({ id: 'pv-1:ad2:dwell', type: 'dwell', adId: 'ad2', dwellMs: 2_500 })]);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toMatchObject({ dwellMs: 3_500 });
    expect(await db().count('events')).toBe(2);
  });

  it('writes a dwell and an impression in one batch', async () => {
    const { stored: ids } = await writeEvents(db(), [
      storedEvent({ id: 'i1', type: 'impression' }),
      storedEvent({ id: 'pv-1:ad1:dwell', type: 'dwell', dwellMs: 2_345 }),
    ]);
    expect(ids.sort()).toEqual(['i1', 'pv-1:ad1:dwell']);
    expect(await db().count('events')).toBe(2);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toEqual({
      site: 'news.test',
      day: '2025-06-15',
      impressions: 1,
      viewable: 0,
      clicks: 0,
      dwellMs: 2_345,
    });
    // The same batch retried changes nothing.
    await writeEvents(db(), [
      storedEvent({ id: 'i1', type: 'impression' }),
      storedEvent({ id: 'pv-1:ad1:dwell', type: 'dwell', dwellMs: 2_345 }),
    ]);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toMatchObject({ impressions: 1, dwellMs: 2_345 });
  });

  it('keeps the largest of two dwell values for one id in one batch', async () => {
    await writeEvents(db(), [
      storedEvent({ id: 'pv-1:ad1:dwell', type: 'dwell', dwellMs: 1_000 }),
      storedEvent({ id: 'pv-1:ad1:dwell', type: 'dwell', dwellMs: 3_000 }),
      storedEvent({ id: 'pv-1:ad1:dwell', type: 'dwell', dwellMs: 2_000 }),
    ]);
    expect((await db().get('events', 'pv-1:ad1:dwell'))?.dwellMs).toBe(3_000);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toMatchObject({ dwellMs: 3_000 });
  });

  it('adds to a day row migrated from before version 3 (no dwellMs field)', async () => {
    await db().put('totals', { dimension: 'site', key: 'news.test', day: '2025-06-15', impressions: 4, viewable: 1, clicks: 2 } as never);
    await writeEvents(db(), [storedEvent({ id: 'pv-1:ad1:dwell', type: 'dwell', dwellMs: 700 }), storedEvent({ id: 'i9' })]);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toEqual({
      site: 'news.test',
      day: '2025-06-15',
      impressions: 5,
      viewable: 1,
      clicks: 2,
      dwellMs: 700,
    });
  });

  it('replaces an inferred click by its confirmation (same id, inferred false): still one click, under the advertiser the frame reported', async () => {
    const click = storedEvent({ id: 'c1', type: 'click', inFrame: true, inferred: true, fingerprint: 'fp-c', landingUrl: null, advertiser: null });
    await writeEvents(db(), [click]);
    const confirmed = { ...click, inferred: false, landingUrl: 'https://shop.example/offer', advertiser: 'shop.example' };
    const result = await writeEvents(db(), [confirmed]);
    expect(result).toEqual({ stored: ['c1'], added: 0 });
    expect(await db().get('events', 'c1')).toEqual(confirmed);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toMatchObject({ clicks: 1 });
    expect(await db().get('totals', ['advertiser', 'shop.example', '2025-06-15'])).toMatchObject({ clicks: 1 });
    expect(await db().get('totals', ['advertiser', '', '2025-06-15'])).toBeUndefined();
    expect(await db().get('creatives', 'fp-c')).toMatchObject({ clicks: 1, landingUrl: 'https://shop.example/offer', advertiser: 'shop.example' });
  });

  it('never lets a click re-sent as inferred, or any other re-sent click, change a stored one', async () => {
    const click = storedEvent({ id: 'c1', type: 'click', inFrame: true, landingUrl: 'https://shop.example/offer', advertiser: 'shop.example' });
    await writeEvents(db(), [click]);
    await writeEvents(db(), [{ ...click, inferred: true, advertiser: null }, { ...click, landingUrl: null, advertiser: null }]);
    expect(await db().get('events', 'c1')).toEqual(click);
    expect(await siteDay(db(), 'news.test', '2025-06-15')).toMatchObject({ clicks: 1 });
  });

  it('writes nothing for an empty batch', async () => {
    expect(await writeEvents(db(), [])).toEqual({ stored: [], added: 0 });
    expect(await db().count('events')).toBe(0);
    expect(await db().count('totals')).toBe(0);
  });
});
