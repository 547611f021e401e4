import { describe, expect, it, vi } from 'vitest';
import { parseDay } from '../../common/day';
import type { StoredEvent } from '../../common/types';
import { storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { deleteEvents, writeEvents } from '../db/events';
import { accepted } from '../parse/parsed';
import type { Unchecked } from '../parse/parsed';
import { parseFilteredQuery, parseGetWatchStats } from '../parse/queries';
import { handleGetFrequency as getFrequency, handleGetSlice as getSlice, handleGetWatchStats as getWatchStats } from './dashboard-data';

// Each message as the router delivers it: parsed (parse/queries.ts), then handled.
const handleGetSlice = (message: Unchecked) => getSlice(accepted(parseFilteredQuery(message)));
const handleGetFrequency = (message: Unchecked) => getFrequency(accepted(parseFilteredQuery(message)));
const handleGetWatchStats = (message: Unchecked) => getWatchStats(accepted(parseGetWatchStats(message)));

const db = useFreshDb();
vi.mock('../db/open', () => ({ getDb: () => Promise.resolve(db()) }));

/** An event on a day, at noon local time (the day an event is filed under is the local day of its time). */
function on(day: string, overrides: Partial<StoredEvent>): StoredEvent {
  return storedEvent({ day, time: parseDay(day).getTime() + 12 * 3600_000, ...overrides });
}

const acme = { advertiser: 'acme.com', landingUrl: 'https://acme.com/winter-sale?utm_campaign=winter' };
const acmeOutlet = { advertiser: 'acme-outlet.com', landingUrl: 'https://acme-outlet.com/summer' };
const bank = { advertiser: 'bank.example', landingUrl: 'https://bank.example/loan' };

async function history() {
  await writeEvents(db(), [
    on('2026-11-20', { site: 'news.test', ...acme, fingerprint: 'fp-a' }),
    on('2026-11-20', { site: 'news.test', ...acme, fingerprint: 'fp-a' }),
    on('2026-11-20', { site: 'news.test', ...acme, type: 'click', fingerprint: 'fp-a' }),
    on('2026-11-21', { site: 'blog.test', ...acme, fingerprint: 'fp-a', kind: 'native', network: 'Taboola' }),
    on('2026-11-21', { site: 'blog.test', ...acmeOutlet, fingerprint: 'fp-o' }),
    on('2026-11-21', { site: 'news.test', ...bank, fingerprint: 'fp-b' }),
    on('2026-11-10', { site: 'old.test', ...acme, fingerprint: 'fp-old' }),
    // The day before the week: inside the wider time window the raw-event read scans, outside the range.
    on('2026-11-14', { site: 'edge.test', ...acme, fingerprint: 'fp-edge' }),
    on('2026-11-21', { site: 'news.test', advertiser: null, landingUrl: null, fingerprint: 'fp-x' }),
  ]);
}

const week = { from: '2026-11-15', to: '2026-11-21' };

describe('handleGetSlice', () => {
  it('sums any combination of filters over the range, with its own top tables', async () => {
    await history();
    const slice = await handleGetSlice({ days: week, filter: { advertiser: 'acme.com' }, limit: 10 });
    expect(slice.totals).toMatchObject({ impressions: 3, clicks: 1 });
    expect(slice.series.map((d) => [d.day, d.impressions])).toEqual([
      ['2026-11-20', 2],
      ['2026-11-21', 1],
    ]);
    expect(slice.top.site.rows.map((r) => [r.key, r.impressions, r.clicks])).toEqual([
      ['news.test', 2, 1],
      ['blog.test', 1, 0],
    ]);
    expect(slice.top.kind.rows.map((r) => r.key)).toEqual(['display', 'native']);
    expect((await handleGetSlice({ days: week, filter: { advertiser: 'acme.com', site: 'blog.test' }, limit: 10 })).totals.impressions).toBe(1);
    expect((await handleGetSlice({ days: {}, filter: { advertiser: 'acme.com' }, limit: 10 })).totals.impressions).toBe(5);
    expect((await handleGetSlice({ days: week, filter: { advertiser: '' }, limit: 10 })).top.site.rows.map((r) => r.key)).toEqual(['news.test']);
  });

  it('gives the same slice from the all-time rows as from the daily rows, series included', async () => {
    await history();
    const month = { from: '2026-11-01', to: '2026-11-30' }; // covers every day with data: the all-time rows answer
    for (const filter of [{ advertiser: 'acme.com' }, { advertiser: 'acme.com', site: 'news.test' }, { site: 'blog.test' }, { kind: 'native', network: 'Taboola' }, {}]) {
      const fromAllTime = await handleGetSlice({ days: month, filter, limit: 10 });
      const fromDays = await handleGetSlice({ days: { from: '2026-11-09', to: '2026-11-22' }, filter, limit: 10 });
      expect(fromAllTime).toEqual(fromDays);
      expect(fromAllTime.series.reduce((n, d) => n + d.impressions, 0)).toBe(fromAllTime.totals.impressions);
    }
    const acmeAllTime = await handleGetSlice({ days: {}, filter: { advertiser: 'acme.com' }, limit: 10 });
    expect(acmeAllTime.series.map((d) => [d.day, d.impressions])).toEqual([
      ['2026-11-10', 1],
      ['2026-11-14', 1],
      ['2026-11-20', 2],
      ['2026-11-21', 1],
    ]);
    // A site's cells are read by their key's prefix: a site whose name starts the same is another site.
    await writeEvents(db(), [on('2026-11-21', { site: 'news.testing', ...acme, fingerprint: 'fp-t' }), on('2026-11-12', { site: 'news.test', ...bank, fingerprint: 'fp-b' })]);
    expect((await handleGetSlice({ days: {}, filter: { site: 'news.test' }, limit: 10 })).totals.impressions).toBe(5);
    expect((await handleGetSlice({ days: week, filter: { site: 'news.test' }, limit: 10 })).totals.impressions).toBe(4);
  });

  it('follows deletions exactly', async () => {
    await history();
    await deleteEvents(db(), { site: 'news.test' });
    const slice = await handleGetSlice({ days: {}, filter: { advertiser: 'acme.com' }, limit: 10 });
    expect(slice.top.site.rows.map((r) => [r.key, r.impressions])).toEqual([
      ['blog.test', 1],
      ['edge.test', 1],
      ['old.test', 1],
    ]);
  });
});

describe('handleGetWatchStats', () => {
  it('counts each entry and the whole list once, with every site, from the aggregates', async () => {
    await history();
    const stats = await handleGetWatchStats({ days: week, entries: [{ kind: 'domain', value: 'acme.com' }, { kind: 'name', value: 'acme' }] });
    expect(stats.source).toBe('aggregates');
    expect(stats.entries.map((e) => [e.totals.impressions, e.totals.clicks])).toEqual([
      [3, 1],
      [4, 1],
    ]);
    expect(stats.combined.totals.impressions).toBe(4);
    // Equal impressions: more clicks first.
    expect(stats.combined.bySite.map((r) => [r.key, r.impressions, r.clicks])).toEqual([
      ['news.test', 2, 1],
      ['blog.test', 2, 0],
    ]);
    // Every ad's impressions on those sites in the range, for my ads' share there: news.test also showed the
    // bank's ad and one without an advertiser.
    expect(stats.siteImpressions).toEqual({ 'news.test': 4, 'blog.test': 2 });
    // Every ad of the week, watched or not, whose CTR My ads' Reading is read against: 6 impressions, 1 click.
    expect(stats.allAds).toMatchObject({ impressions: 6, clicks: 1 });
    expect((await handleGetWatchStats({ days: {}, entries: [{ kind: 'domain', value: 'acme.com' }] })).allAds).toMatchObject({ impressions: 8, clicks: 1 });
  });

  it('reads the raw events of the range for a landing-URL pattern, with the same counts the aggregates give', async () => {
    await history();
    const stats = await handleGetWatchStats({ days: week, entries: [{ kind: 'url', value: '*utm_campaign=winter*' }, { kind: 'domain', value: 'acme.com' }] });
    expect(stats.source).toBe('events');
    expect(stats.entries[0]!.totals).toEqual(stats.entries[1]!.totals);
    expect(stats.entries[0]!.bySite.map((r) => [r.key, r.impressions])).toEqual([
      ['news.test', 2],
      ['blog.test', 1],
    ]);
    // The events of 2026-11-10 and 2026-11-14 are outside the week, and the all-time view has them.
    const allTime = await handleGetWatchStats({ days: {}, entries: [{ kind: 'url', value: '*utm_campaign=winter*' }] });
    expect(allTime.combined.totals.impressions).toBe(5);
  });

  it('ignores malformed entries and answers an empty list with zeros', async () => {
    await history();
    const stats = await handleGetWatchStats({ days: week, entries: [{ kind: 'regex', value: '.*' }, 'acme.com'] });
    expect(stats.entries).toEqual([]);
    expect(stats.combined.totals.impressions).toBe(0);
  });
});

describe('handleGetFrequency', () => {
  it('counts the creatives seen in the range by how often each was seen', async () => {
    await history();
    const f = await handleGetFrequency({ days: week, filter: {}, limit: 2 });
    // fp-a: 3 impressions (1 of them on 2026-11-21); fp-old was last seen before the week.
    expect(f.buckets.map((b) => b.creatives)).toEqual([3, 0, 1, 0, 0]);
    expect(f.top.map((c) => [c.fingerprint, c.impressions])).toEqual([
      ['fp-a', 3],
      ['fp-b', 1],
    ]);
    expect((await handleGetFrequency({ days: {}, filter: { advertiser: 'acme.com' }, limit: 10 })).creatives).toBe(3);
  });
});
