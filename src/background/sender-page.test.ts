import { beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { forgetTopDocuments, keepTopDocumentsIn, noteSender, resolveSenderPage, senderPage } from './sender-page';

type Sender = Runtime.MessageSender & { documentId?: string; documentLifecycle?: string };

/** As Chromium describes the tab's top document. */
const top = (url: string, documentId = 'doc-1', tabId = 7): Sender => ({
  id: 'adtally',
  url,
  frameId: 0,
  documentId,
  documentLifecycle: 'active',
  tab: { id: tabId, url } as never,
});

/** As Chromium describes that document in `pagehide` once the tab committed `nextUrl` (measured, Chromium 156). */
const leavingInChromium = (url: string, nextUrl: string, documentId = 'doc-1', tabId = 7): Sender => ({
  id: 'adtally',
  url,
  frameId: 3,
  documentId,
  documentLifecycle: 'pending_deletion',
  tab: { id: tabId, url: nextUrl } as never,
});

beforeEach(() => forgetTopDocuments());

describe('senderPage', () => {
  it('is the page of the tab for its top frame', () => {
    expect(senderPage(top('https://www.news.test/story'))).toEqual({ site: 'news.test', url: 'https://www.news.test/story' });
  });

  it('takes the tab URL when the browser gives no sender URL (frame 0)', () => {
    expect(senderPage({ frameId: 0, tab: { id: 1, url: 'https://blog.test/a' } as never })).toEqual({ site: 'blog.test', url: 'https://blog.test/a' });
  });

  it('files a Chromium document being left under its own page, not the next one, once seen as the top frame', () => {
    noteSender(top('https://www.news.test/story'));
    expect(senderPage(leavingInChromium('https://www.news.test/story', 'https://shop.test/landing'))).toEqual({
      site: 'news.test',
      url: 'https://www.news.test/story',
    });
  });

  it('refuses a Chromium document being left that was never seen as a top frame (a child frame, another tab)', () => {
    noteSender(top('https://www.news.test/story', 'doc-1', 7));
    expect(senderPage(leavingInChromium('https://ads.test/creative', 'https://shop.test/', 'doc-child', 7))).toBeNull();
    expect(senderPage(leavingInChromium('https://www.news.test/story', 'https://shop.test/', 'doc-1', 8))).toBeNull();
  });

  it('files a Firefox document being left (frame 0, its tab loading the next page and showing no URL) under its own page', () => {
    const sender: Sender = { id: 'adtally', url: 'https://www.news.test/story', frameId: 0, documentId: 'ff-doc', tab: { id: 2, status: 'loading' } as never };
    expect(senderPage(sender)).toEqual({ site: 'news.test', url: 'https://www.news.test/story' });
  });

  it('refuses child frames, senders without a tab, and pages that are not http(s)', () => {
    expect(senderPage({ ...top('https://www.news.test/story'), frameId: 2 })).toBeNull();
    expect(senderPage({ id: 'adtally', url: 'https://www.news.test/story', frameId: 0 })).toBeNull();
    expect(senderPage(top('file:///home/me/page.html'))).toBeNull();
  });

  it('remembers the latest documents of a tab only', () => {
    for (const doc of ['d1', 'd2', 'd3', 'd4']) noteSender(top('https://www.news.test/', doc));
    expect(senderPage(leavingInChromium('https://www.news.test/', 'https://shop.test/', 'd1'))).toBeNull();
    expect(senderPage(leavingInChromium('https://www.news.test/', 'https://shop.test/', 'd2'))).not.toBeNull();
  });
});

describe('resolveSenderPage: a worker stopped while the page stayed open', () => {
  /** A session store like storage.session: it outlives the worker (forgetTopDocuments). */
  const session = () => {
    let saved: Record<string, string[]> | undefined;
    const store = {
      load: async () => (saved ? structuredClone(saved) : undefined),
      save: async (documents: Record<string, string[]>) => {
        saved = structuredClone(documents);
      },
    };
    keepTopDocumentsIn(store);
    return store;
  };

  it('files the last events of a page left after the worker restarted under that page', async () => {
    session();
    noteSender(top('https://www.news.test/story'));
    await Promise.resolve();
    forgetTopDocuments();
    const leaving = leavingInChromium('https://www.news.test/story', 'https://shop.test/landing');
    expect(senderPage(leaving)).toBeNull();
    expect(await resolveSenderPage(leaving)).toEqual({ site: 'news.test', url: 'https://www.news.test/story' });
  });

  it('still refuses a document no worker saw as a top frame', async () => {
    session();
    noteSender(top('https://www.news.test/story', 'doc-1', 7));
    await Promise.resolve();
    forgetTopDocuments();
    expect(await resolveSenderPage(leavingInChromium('https://ads.test/creative', 'https://shop.test/', 'doc-child', 7))).toBeNull();
  });

  it('keeps the documents of at most 200 tabs, forgetting the least recently seen', async () => {
    const store = session();
    for (let tab = 1; tab <= 201; tab++) noteSender(top(`https://site${tab}.test/`, `doc-${tab}`, tab));
    await Promise.resolve();
    const saved = (await store.load())!;
    expect(Object.keys(saved)).toHaveLength(200);
    expect(saved['1']).toBeUndefined();
    expect(saved['201']).toEqual(['doc-201']);
  });

  it('loses nothing when the store fails: the page is refused as before, no error thrown', async () => {
    keepTopDocumentsIn({ load: () => Promise.reject(new Error('no storage.session')), save: () => Promise.reject(new Error('no storage.session')) });
    noteSender(top('https://www.news.test/story'));
    forgetTopDocuments();
    expect(await resolveSenderPage(leavingInChromium('https://www.news.test/story', 'https://shop.test/'))).toBeNull();
  });
});
