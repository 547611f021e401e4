import { describe, expect, it } from 'vitest';
import { cellKey } from './cells';
import { globToRegExp, parseWatchEntry, watchlistFrom, watchMatcher, watchSlices } from './watchlist';
import type { WatchEntry, WatchedRow } from './watchlist';
import { sliceTotals } from './cells';

const entry = (kind: WatchEntry['kind'], text: string): WatchEntry => {
  const parsed = parseWatchEntry(kind, text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.entry;
};

describe('parseWatchEntry', () => {
  it('files a typed domain or address under the advertiser key AdTally uses', () => {
    expect(entry('domain', 'https://Shop.Acme.co.uk/winter?x=1')).toEqual({ kind: 'domain', value: 'acme.co.uk' });
    expect(entry('domain', ' www.acme.com ')).toEqual({ kind: 'domain', value: 'acme.com' });
    expect(parseWatchEntry('domain', 'not a domain')).toMatchObject({ ok: false });
  });

  it('keeps names as one lower-case word and patterns as typed', () => {
    expect(entry('name', 'ACME')).toEqual({ kind: 'name', value: 'acme' });
    expect(parseWatchEntry('name', 'acme shoes')).toMatchObject({ ok: false });
    expect(entry('url', 'https://acme.com/sale*')).toEqual({ kind: 'url', value: 'https://acme.com/sale*' });
    expect(parseWatchEntry('url', '***')).toMatchObject({ ok: false });
    expect(parseWatchEntry('url', '')).toMatchObject({ ok: false, error: expect.stringContaining('Type') });
  });
});

describe('watchlistFrom', () => {
  it('keeps only well-formed, normalised entries, once each', () => {
    expect(watchlistFrom([{ kind: 'domain', value: 'acme.com' }, { kind: 'domain', value: 'acme.com' }, { kind: 'domain', value: 'WWW.ACME.COM' }, { kind: 'hover', value: 'x' }, 'x', null, { kind: 'name', value: 'acme' }])).toEqual([
      { kind: 'domain', value: 'acme.com' },
      { kind: 'name', value: 'acme' },
    ]);
    expect(watchlistFrom('nope')).toEqual([]);
  });
});

describe('watchMatcher', () => {
  it('matches a domain exactly, a name inside the domain, a pattern over the whole URL', () => {
    const ad = { advertiser: 'acme-store.de', landingUrl: 'https://acme-store.de/winter-sale?utm_campaign=Winter' };
    expect(watchMatcher(entry('domain', 'acme-store.de'))(ad)).toBe(true);
    expect(watchMatcher(entry('domain', 'acme.de'))(ad)).toBe(false);
    expect(watchMatcher(entry('name', 'acme'))(ad)).toBe(true);
    expect(watchMatcher(entry('name', 'acme'))({ advertiser: '', landingUrl: null })).toBe(false);
    expect(watchMatcher(entry('url', '*utm_campaign=winter*'))(ad)).toBe(true);
    expect(watchMatcher(entry('url', 'https://acme-store.de/winter'))(ad)).toBe(false);
    expect(watchMatcher(entry('url', 'https://acme-store.de/*'))({ advertiser: 'acme-store.de', landingUrl: null })).toBe(false);
  });

  it('treats every pattern character but * literally', () => {
    expect(globToRegExp('https://a.com/?q=(1)').test('https://a.com/?q=(1)')).toBe(true);
    expect(globToRegExp('https://a.com/?q=(1)').test('https://aXcom/q=1')).toBe(false);
  });
});

describe('watchSlices', () => {
  const item = (site: string, advertiser: string, impressions: number, landingUrl: string | null = null): WatchedRow => ({
    row: { key: cellKey({ site, advertiser, network: '', kind: 'display' }), day: '2026-11-20', impressions, viewable: 0, clicks: 0, dwellMs: 0 },
    ad: { advertiser, landingUrl },
  });

  it('counts each entry, and an ad two entries match once in the whole list', () => {
    const items = [item('news.test', 'acme.com', 3), item('blog.test', 'acme.com', 2), item('news.test', 'acme-outlet.com', 4), item('news.test', 'bank.example', 9)];
    const { perEntry, combined } = watchSlices(items, [entry('domain', 'acme.com'), entry('name', 'acme')]);
    expect(perEntry.map((s) => sliceTotals(s).impressions)).toEqual([5, 9]);
    expect(sliceTotals(combined).impressions).toBe(9);
    expect(Object.fromEntries([...combined.by.site].map(([k, t]) => [k, t.impressions]))).toEqual({ 'news.test': 7, 'blog.test': 2 });
  });
});
