import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import type { AdEvent } from '../../common/types';
import { useFreshDb } from '../../test-support/fresh-db';
import { adEvent } from '../../test-support/sample-events';
import { local } from '../../test-support/storage-local';

vi.mock('webextension-polyfill', async () => (await import('../../test-support/storage-local')).polyfill);

const db = useFreshDb();
const failing = { error: null as Error | null };
vi.mock('../db/open', () => ({ getDb: () => (failing.error ? Promise.reject(failing.error) : Promise.resolve(db())) }));

const { deliver } = await import('../router');
/** A batch as the router delivers it: parsed (parse/events.ts), its sender checked, then handled. */
const handleEvents = (payload: { events: AdEvent[] }, sender: Runtime.MessageSender) => deliver('events', payload, sender);

const tab = (url: string): Runtime.MessageSender => ({ tab: { url } as never, frameId: 0, id: 'adtally' });

const event = (overrides: Partial<AdEvent> = {}): AdEvent =>
  adEvent({
    time: Date.now() - 1000,
    network: null,
    fingerprint: 'fp-1',
    landingUrl: 'https://shop.example/offer',
    pageUrl: 'https://www.news.test/story?id=7&u=42#c',
    ...overrides,
  });

beforeEach(() => {
  for (const key of Object.keys(local)) delete local[key];
  failing.error = null;
});

describe('handleEvents', () => {
  it('stores the page address as the setting allows: without query by default', async () => {
    const e = event();
    await handleEvents({ events: [e] }, tab('https://www.news.test/story?id=7&u=42'));
    expect(await db().get('events', e.id)).toMatchObject({ site: 'news.test', pageUrl: 'https://www.news.test/story', advertiser: 'shop.example' });
  });

  it.each([
    ['site', null],
    ['full', 'https://www.news.test/story?id=7&u=42#c'],
  ])('stores the page address for the %s setting', async (pageAddress, expected) => {
    local.settings = { pageAddress };
    const e = event();
    await handleEvents({ events: [e] }, tab('https://www.news.test/story'));
    expect((await db().get('events', e.id))?.pageUrl).toBe(expected);
  });

  it('files a page address of another site under the tab address instead', async () => {
    const e = event({ pageUrl: 'https://elsewhere.test/x' });
    await handleEvents({ events: [e] }, tab('https://www.news.test/real?q=1'));
    expect((await db().get('events', e.id))?.pageUrl).toBe('https://www.news.test/real');
  });

  it('stores nothing while tracking is paused everywhere or on the site, and tells the outbox to forget it', async () => {
    local.settings = { pausedSites: ['news.test'] };
    const e = event();
    expect(await handleEvents({ events: [e] }, tab('https://www.news.test/'))).toEqual({ stored: [], rejected: [e.id] });
    const other = event({ pageUrl: 'https://blog.test/' });
    expect((await handleEvents({ events: [other] }, tab('https://blog.test/'))).stored).toEqual([other.id]);
    local.settings = { paused: true };
    const third = event({ pageUrl: 'https://blog.test/' });
    expect((await handleEvents({ events: [third] }, tab('https://blog.test/'))).stored).toEqual([]);
    expect((await db().getAllKeys('events')).sort()).toEqual([other.id]);
  });

  it('records a failed write for the popup, throws so the outbox keeps the batch, and clears it after a good write', async () => {
    failing.error = new DOMException('Quota exceeded', 'QuotaExceededError');
    const e = event();
    await expect(handleEvents({ events: [e] }, tab('https://news.test/'))).rejects.toThrow('Quota exceeded');
    expect(local.writeProblem).toMatchObject({ message: expect.stringContaining('disk is full'), detail: 'QuotaExceededError: Quota exceeded' });
    const since = (local.writeProblem as { since: number }).since;
    // A second failure keeps the time of the first.
    await expect(handleEvents({ events: [e] }, tab('https://news.test/'))).rejects.toThrow();
    expect((local.writeProblem as { since: number }).since).toBe(since);

    failing.error = null;
    expect(await handleEvents({ events: [e] }, tab('https://news.test/'))).toEqual({ stored: [e.id], rejected: [] });
    expect(local.writeProblem).toBeUndefined();
  });

  it('describes other database errors plainly too', async () => {
    failing.error = new DOMException('The database connection is closing.', 'InvalidStateError');
    await expect(handleEvents({ events: [event()] }, tab('https://news.test/'))).rejects.toThrow();
    expect(local.writeProblem).toMatchObject({ message: expect.stringContaining('database reported an error'), detail: expect.stringContaining('InvalidStateError') });
  });

  it('keeps events whose rule, landing URL or page address is over-long, with the value cut (validate.ts)', async () => {
    const rule = `filter:EasyList 1 ##${'.x'.repeat(800)}`;
    const landingUrl = `https://shop.example/offer?${'q'.repeat(5000)}`;
    const pageUrl = `https://www.news.test/story?${'p'.repeat(70_000)}`;
    local.settings = { pageAddress: 'full' };
    const events = [event({ rule }), event({ landingUrl }), event({ pageUrl })];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(await handleEvents({ events }, tab('https://www.news.test/story'))).toEqual({ stored: events.map((e) => e.id), rejected: [] });
    } finally {
      warn.mockRestore();
    }
    const [first, second, third] = await Promise.all(events.map((e) => db().get('events', e.id)));
    expect(first?.rule).toHaveLength(1000);
    expect(first?.rule.startsWith('filter:EasyList 1 ##.x.x')).toBe(true);
    expect(second?.landingUrl).toHaveLength(4096);
    expect(second?.advertiser).toBe('shop.example');
    expect(third?.pageUrl?.startsWith('https://www.news.test/story?ppp')).toBe(true);
  });

  it('files the last events of a page being left under that page, not the one the tab went to', async () => {
    const top = { ...tab('https://www.news.test/story'), url: 'https://www.news.test/story', documentId: 'doc-9', documentLifecycle: 'active' };
    (top.tab as { id?: number }).id = 42;
    await handleEvents({ events: [event()] }, top as Runtime.MessageSender);
    // Chromium, in pagehide after the next page (another site) committed: another frame id, the next page's tab URL.
    const leaving = { ...top, frameId: 5, documentLifecycle: 'pending_deletion', tab: { id: 42, url: 'https://shop.test/landing' } as never };
    const last = event({ type: 'dwell', dwellMs: 8000 });
    expect(await handleEvents({ events: [last] }, leaving as Runtime.MessageSender)).toEqual({ stored: [last.id], rejected: [] });
    expect(await db().get('events', last.id)).toMatchObject({ site: 'news.test', pageUrl: 'https://www.news.test/story' });
    // A document never seen as a tab's top frame is refused whole.
    const stranger = event();
    expect(await handleEvents({ events: [stranger] }, { ...leaving, documentId: 'doc-other' } as Runtime.MessageSender)).toEqual({ stored: [], rejected: [stranger.id] });
  });
});
