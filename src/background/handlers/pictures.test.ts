import { describe, expect, it, vi } from 'vitest';
import { storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { writeEvents } from '../db/events';
import { accepted } from '../parse/parsed';
import type { Unchecked } from '../parse/parsed';
import { parseGetGallery } from '../parse/pictures';
import { handleGetGallery } from './pictures';

const db = useFreshDb();
vi.mock('../db/open', () => ({ getDb: () => Promise.resolve(db()) }));
// No picture stored: the cards' placeholders; the pictures database has its own tests (pictures/db.test.ts).
vi.mock('../pictures/db', () => ({ getPicturesDb: () => Promise.resolve({ get: () => Promise.resolve(undefined) }) }));

const gallery = (message: Unchecked) => handleGetGallery(accepted(parseGetGallery(message)));
const at = (day: number) => Date.UTC(2025, 5, day, 12);

describe('handleGetGallery', () => {
  const seed = () =>
    writeEvents(db(), [
      // Kettles: 3 impressions on a.test, 1 on b.test, a click on b.test.
      ...[1, 2, 3].map(() => storedEvent({ fingerprint: 'fp-kettle', site: 'a.test', advertiser: 'kettles.test', time: at(10), day: '2025-06-10' })),
      storedEvent({ fingerprint: 'fp-kettle', site: 'b.test', advertiser: 'kettles.test', time: at(12), day: '2025-06-12' }),
      storedEvent({ fingerprint: 'fp-kettle', site: 'b.test', advertiser: 'kettles.test', type: 'click', time: at(12), day: '2025-06-12' }),
      // The bank: 1 impression on b.test, seen last.
      storedEvent({ fingerprint: 'fp-bank', site: 'b.test', advertiser: 'bank.test', time: at(14), day: '2025-06-14' }),
      // Never in view: no card.
      storedEvent({ fingerprint: 'fp-unseen', site: 'a.test', type: 'measured', reached: 'measured', time: at(14), day: '2025-06-14' }),
    ]);

  it('shows the creatives with an impression, newest first, with their sites by number of events', async () => {
    await seed();
    const { cards, total } = await gallery({});
    expect(total).toBe(2);
    expect(cards.map((c) => [c.creative.fingerprint, c.creative.impressions, c.creative.clicks, c.sites, c.picture])).toEqual([
      ['fp-bank', 1, 0, ['b.test'], null],
      ['fp-kettle', 4, 1, ['a.test', 'b.test'], null],
    ]);
  });

  it('filters by site through the events of the range, by advertiser through the records, and by watchlist', async () => {
    await seed();
    const fingerprints = async (message: Unchecked) => (await gallery(message)).cards.map((c) => c.creative.fingerprint);
    expect(await fingerprints({ filter: { site: 'a.test' } })).toEqual(['fp-kettle']);
    expect(await fingerprints({ filter: { site: 'b.test' } })).toEqual(['fp-bank', 'fp-kettle']);
    // In the range 2025-06-11 …, the kettle's events on a.test are before it.
    expect(await fingerprints({ filter: { site: 'a.test' }, days: { from: '2025-06-11' } })).toEqual([]);
    expect(await fingerprints({ filter: { advertiser: 'bank.test' } })).toEqual(['fp-bank']);
    expect(await fingerprints({ watch: [{ kind: 'domain', value: 'kettles.test' }] })).toEqual(['fp-kettle']);
  });

  it('pages: `limit` cards from `offset`, with the total', async () => {
    await seed();
    const second = await gallery({ offset: 1, limit: 1 });
    expect(second.total).toBe(2);
    expect(second.cards.map((c) => c.creative.fingerprint)).toEqual(['fp-kettle']);
  });
});
