import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { FiltersEngine } from '@ghostery/adblocker';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({
  default: { runtime: { getURL: (p: string) => 'chrome-extension://test/' + p } },
}));

// The database connection is cached per module life (src/background/db/open.ts), so each test loads the
// modules afresh against its own empty IndexedDB.
let refreshEasyList: typeof import('./refresh').refreshEasyList;
let readStoredList: typeof import('./stored-list').readStoredList;

beforeEach(async () => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.resetModules();
  ({ refreshEasyList } = await import('./refresh'));
  ({ readStoredList } = await import('./stored-list'));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/**
 * An EasyList-shaped text long enough to pass looksLikeEasyList (over 200,000 characters): 100 filler rules
 * and comment lines for the rest.
 */
function easyListText(version: string, extraRules: string[] = []): string {
  const filler = Array.from({ length: 100 }, (_, i) => `##.ad-filler-${i}`);
  const comments = Array.from({ length: 2_100 }, (_, i) => `! ${String(i).padStart(5, '0')} ${'-'.repeat(90)}`);
  return [
    '[Adblock Plus 2.0]',
    `! Version: ${version}`,
    '! Title: EasyList',
    '! Last modified: 15 Jun 2025 12:00 UTC',
    '##.ad-banner',
    '###ad_main',
    'example.com##.promo-slot',
    'example.com##div:has-text(Sponsored)',
    '||ads.example.com^$third-party',
    ...extraRules,
    ...filler,
    ...comments,
  ].join('\n');
}

type Stored = Awaited<ReturnType<typeof readStoredList>>;

/** The stored list is the same one: same description, byte for byte the same engine. */
function expectSameList(after: Stored, before: Stored): void {
  expect(after).toBeDefined();
  expect(after?.info).toEqual(before?.info);
  expect(after && before && Buffer.from(after.engine).equals(Buffer.from(before.engine))).toBe(true);
}

function respond(body: string, status = 200) {
  return vi.fn<typeof fetch>(async () => new Response(body, { status }));
}

describe('refreshEasyList', { timeout: 30_000 }, () => {
  it('downloads, compiles and stores the list', async () => {
    const text = easyListText('202506151200');
    expect(text.length).toBeGreaterThan(200_000);
    const fetchList = respond(text);
    const result = await refreshEasyList(fetchList);

    expect(fetchList).toHaveBeenCalledTimes(1);
    expect(fetchList.mock.calls[0]?.[0]).toBe('https://easylist.to/easylist/easylist.txt');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.info).toMatchObject({ id: 'easylist', name: 'EasyList', version: '202506151200' });
    expect(result.info.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Number.isNaN(Date.parse(result.info.obtained))).toBe(false);

    const stored = await readStoredList('easylist');
    expect(stored).toBeDefined();
    if (!stored) return;
    expect(stored.id).toBe('easylist');
    expect(stored.info).toEqual(result.info);
    expect(stored.info.version).toBe('202506151200');
    // Element rules only: 4 named rules and the filler, not the network rule.
    expect(stored.info.cosmeticFilters).toBe(104);

    const engine = FiltersEngine.deserialize(stored.engine);
    expect(engine.cosmetics.getFilters()).toHaveLength(stored.info.cosmeticFilters);
    const { matches } = engine.matchCosmeticFilters({
      url: 'https://other.org/',
      hostname: 'other.org',
      domain: 'other.org',
      classes: ['ad-banner'],
      ids: [],
      hrefs: [],
      getRulesFromHostname: false,
    });
    expect(matches.map((m) => m.filter?.rawLine)).toEqual(['##.ad-banner']);
  });

  it('hashes the text and uses the hash as version when the list has none', async () => {
    const text = easyListText('x').replace('! Version: x\n', '').replace('! Last modified: 15 Jun 2025 12:00 UTC', '! Last modified: %timestamp%');
    const result = await refreshEasyList(respond(text));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    expect(result.info.sha256).toBe(hex);
    expect(result.info.version).toBe(`sha256-${hex.slice(0, 12)}`);
  });

  it('replaces an older stored list with a newer one', async () => {
    expect((await refreshEasyList(respond(easyListText('1')))).ok).toBe(true);
    expect((await refreshEasyList(respond(easyListText('2', ['##.only-in-two'])))).ok).toBe(true);
    const stored = await readStoredList('easylist');
    expect(stored?.info.version).toBe('2');
    expect(stored?.info.cosmeticFilters).toBe(105);
  });

  describe('on failure, reports it and keeps the last good list', () => {
    async function storeGoodList() {
      const good = await refreshEasyList(respond(easyListText('good')));
      expect(good.ok).toBe(true);
      const before = await readStoredList('easylist');
      expect(before?.info.version).toBe('good');
      return before;
    }

    it('when the download fails', async () => {
      const before = await storeGoodList();
      const result = await refreshEasyList(vi.fn<typeof fetch>(async () => Promise.reject(new TypeError('Failed to fetch'))));
      expect(result).toEqual({ ok: false, error: 'Failed to fetch' });
      expectSameList(await readStoredList('easylist'), before);
    });

    it('on an HTTP error', async () => {
      const before = await storeGoodList();
      // Even a server error page whose body looks like a list is refused.
      const result = await refreshEasyList(respond(easyListText('from-500'), 500));
      expect(result).toEqual({ ok: false, error: 'HTTP 500' });
      expectSameList(await readStoredList('easylist'), before);
    });

    it('when the body is not EasyList (an HTML page)', async () => {
      const before = await storeGoodList();
      const html = `<!DOCTYPE html><html><body>${'<p>Captive portal: please log in</p>'.repeat(10_000)}</body></html>`;
      expect(html.length).toBeGreaterThan(200_000);
      const result = await refreshEasyList(respond(html));
      expect(result).toEqual({ ok: false, error: 'the download is not EasyList' });
      expectSameList(await readStoredList('easylist'), before);
    });

    it('when a list is truncated', async () => {
      const before = await storeGoodList();
      const result = await refreshEasyList(respond(easyListText('cut').slice(0, 50_000)));
      expect(result.ok).toBe(false);
      expectSameList(await readStoredList('easylist'), before);
    });

    it('and stores nothing when there was no list yet', async () => {
      const result = await refreshEasyList(respond('Service Unavailable', 503));
      expect(result).toEqual({ ok: false, error: 'HTTP 503' });
      expect(await readStoredList('easylist')).toBeUndefined();
    });
  });
});
