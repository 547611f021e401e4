/**
 * The popup's first screen, read in its own page from the all-time rows (common/all-time-sites.ts), shows
 * exactly what the background's getStats answers: after a real visit counted by the content script and an
 * import of 44 more sites (more than the first screen's 30 rows, so the rest arrive after it), with the
 * service worker stopped as well as running. While an upgrade is marked running, or when the database is not
 * at the version the background wants, the popup asks the background instead, with the same rows. Firefox
 * (ESR, through puppeteer as in firefox.spec.ts) shares the database with its event page the same way.
 */
import { visitNews } from '../scripts/visit.mjs';
import type { Page } from '@playwright/test';
import { historyFile, times } from './history';
import { OptionsPage } from './pages/options-page';
import type { PopupPage } from './pages/popup-page';
import { startFixtureServer } from '../scripts/fixture-server.mjs';
import { expect, tabIdOf, test } from './fixtures';
import { dwellOn, launchFirefoxWithExtension, openExtensionPage } from './firefox';
import { WorkerKiller } from './worker-kills';

/** The extension API the popup's page has (only what this test calls); a type only, so usable in evaluate. */
interface PageApi {
  chrome: {
    runtime: { sendMessage(message: object): Promise<unknown> };
    storage: {
      local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; remove(key: string): Promise<void> };
      session: { get(key: string | null): Promise<Record<string, unknown>>; set(items: object): Promise<void>; remove(key: string): Promise<void> };
    };
  };
}

/** getStats as the background answers it, asked from the popup's page, in the table's terms. */
async function backgroundStats(page: Page, tabId: number) {
  const answer = await page.evaluate(
    (tab) => (globalThis as unknown as PageApi).chrome.runtime.sendMessage({ type: 'getStats', tabId: tab, days: {} }) as Promise<{ rows: { site: string; impressions: number; viewable: number; clicks: number }[]; currentSite: string | null }>,
    tabId,
  );
  return { rows: tableOf(answer.rows), currentSite: answer.currentSite };
}

function tableOf(rows: { site: string; impressions: number; viewable: number; clicks: number }[]) {
  return rows.map(({ site, impressions, viewable, clicks }) => ({ site, impressions, viewable, clicks })).sort((a, b) => a.site.localeCompare(b.site));
}

/**
 * What the popup shows, read between two equal background answers: a late event stored meanwhile (the
 * background's answer moved) makes it read again, so the comparison is between the same stored data.
 */
async function readBetweenEqualAnswers(popup: PopupPage, asker: Page, tabId: number) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await backgroundStats(asker, tabId);
    await popup.open(tabId);
    const shown = await popupShows(popup);
    const expected = await backgroundStats(asker, tabId);
    if (JSON.stringify(before) === JSON.stringify(expected)) return { shown, expected };
  }
  throw new Error('the stored counts kept changing');
}

async function popupShows(popup: PopupPage) {
  return { rows: tableOf(await popup.rows()), currentSite: (await popup.card())?.site ?? null, source: await popup.page.evaluate(() => document.documentElement.dataset.firstRead) };
}

test('the first screen read in the popup equals the background answer', async ({ context, extensionId, page, port, popup, serviceWorker }) => {
  await visitNews(page, port);
  const newsTab = await tabIdOf(serviceWorker, '*://news.test/*');
  // 44 more sites, each with its own count (1 … 44 impressions, a click on every third).
  const history = Array.from({ length: 44 }, (_, i) => [
    ...times(i + 1, { site: `site-${String(i).padStart(2, '0')}.test`, type: 'impression', daysAgo: i % 40 }),
    ...(i % 3 === 0 ? [{ site: `site-${String(i).padStart(2, '0')}.test`, type: 'click', daysAgo: i % 40 } as const] : []),
  ]).flat();
  const options = new OptionsPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await options.open();
  expect((await options.import(historyFile('first-read', history))).result).toContain(`${history.length} new events`);
  // The visit is over (leaving hands over every event it owes), so nothing new arrives once it is stored.
  await page.goto(`http://news.test:${port}/no-such-page.html`);
  await expect.poll(async () => (await backgroundStats(options.page, newsTab)).rows.some((r) => r.site === 'news.test' && r.impressions > 0)).toBe(true);

  const { shown, expected } = await readBetweenEqualAnswers(popup, options.page, newsTab);
  expect(shown.source).toBe('direct');
  expect(shown.rows).toHaveLength(45);
  expect(shown.rows).toEqual(expected.rows);
  expect(shown.currentSite).toBe('news.test');
  expect(expected.currentSite).toBe('news.test');

  // With the worker stopped, as Chromium stops an idle one: the same rows, read without it.
  const killer = await WorkerKiller.attach(context, options.page, extensionId);
  await killer.kill();
  await popup.open(newsTab);
  expect(await popupShows(popup)).toEqual({ ...shown, source: 'direct' });
  await killer.detach();
});

test('an upgrade marked running, or a database at another version, is left to the background', async ({ page, port, popup, serviceWorker }) => {
  await visitNews(page, port);
  const newsTab = await tabIdOf(serviceWorker, '*://news.test/*');
  await page.goto(`http://news.test:${port}/no-such-page.html`);
  await popup.open(newsTab);
  await expect.poll(async () => (await backgroundStats(popup.page, newsTab)).rows.length).toBeGreaterThan(0);
  const { shown, expected } = await readBetweenEqualAnswers(popup, popup.page, newsTab);
  expect(shown.source).toBe('direct');
  expect(expected.currentSite).toBe('news.test');

  const setStored = (items: Record<string, unknown>) => popup.page.evaluate((i) => (globalThis as unknown as PageApi).chrome.storage.local.set(i), items);
  const { dbSchema } = (await popup.page.evaluate(() => (globalThis as unknown as PageApi).chrome.storage.local.get('dbSchema'))) as { dbSchema: { name: string; version: number } };
  expect(dbSchema).toEqual({ name: 'adtally', version: expect.any(Number) });

  await setStored({ dbUpgrade: { from: dbSchema.version - 1, to: dbSchema.version, since: Date.now() } });
  await popup.open(newsTab);
  expect(await popupShows(popup)).toEqual({ ...expected, source: 'background' });
  await popup.page.evaluate(() => (globalThis as unknown as PageApi).chrome.storage.local.remove('dbUpgrade'));

  await setStored({ dbSchema: { ...dbSchema, version: dbSchema.version + 1 } });
  await popup.open(newsTab);
  expect(await popupShows(popup)).toEqual({ ...expected, source: 'background' });
});

test("the site card names the tab's site from the background's note, and asks the background when the note is stale or missing", async ({ context, extensionId, page, port, popup, serviceWorker }) => {
  // A subdomain page: its site is the registrable domain, which only tldts' list (kept out of popup.js) can tell.
  await page.goto(`http://www.dailynews.test:${port}/article.html`);
  const tab = await tabIdOf(serviceWorker, '*://www.dailynews.test/*');
  const key = `tabSite.${tab}`;
  const note = { host: 'www.dailynews.test', site: 'dailynews.test' };
  // Noted by the background as it saw the navigation, before any popup asked.
  const notedByWorker = () =>
    serviceWorker.evaluate(async (k) => (await (globalThis as unknown as PageApi).chrome.storage.session.get(k))[k], key);
  await expect.poll(notedByWorker).toEqual(note);
  await popup.open(tab);
  const session = {
    get: () => popup.page.evaluate(async (k) => (await (globalThis as unknown as PageApi).chrome.storage.session.get(k))[k], key),
    set: (value: unknown) => popup.page.evaluate(([k, v]) => (globalThis as unknown as PageApi).chrome.storage.session.set({ [k as string]: v }), [key, value] as const),
    remove: () => popup.page.evaluate((k) => (globalThis as unknown as PageApi).chrome.storage.session.remove(k), key),
  };
  const cardSite = async () => (await popup.card())?.site ?? null;
  const siteFrom = () => popup.page.evaluate(() => document.documentElement.dataset.siteFrom);

  // With the worker stopped: the note names the site, nothing is asked.
  const killer = await WorkerKiller.attach(context, popup.page, extensionId);
  await killer.kill();
  await popup.open(tab);
  expect(await cardSite()).toBe('dailynews.test');
  expect(await siteFrom()).toBe('note');
  await killer.detach();

  // A note of another host is never used: the background names the site, and notes it again.
  await session.set({ host: 'other.test', site: 'other.test' });
  await popup.open(tab);
  await expect.poll(cardSite).toBe('dailynews.test');
  expect(await siteFrom()).toBe('background');
  expect(await session.get()).toEqual(note);

  // No note at all: the same.
  await session.remove();
  await popup.open(tab);
  await expect.poll(cardSite).toBe('dailynews.test');
  expect(await siteFrom()).toBe('background');
  expect(await session.get()).toEqual(note);
});

test('Firefox: the popup reads its first screen itself, equal to the background answer', async () => {
  const server = await startFixtureServer();
  const browser = await launchFirefoxWithExtension();
  try {
    const page = await browser.newPage();
    await page.goto(`http://news.test:${server.port}/`);
    await page.waitForFunction(() => document.querySelectorAll('iframe[id^="google_ads_iframe_"]').length === 2);
    // Seen while its tab is in front: Firefox hides a background tab, and a hidden page counts nothing.
    await dwellOn(page, '#div-gpt-ad-1700000000001-1');
    const popup = await browser.newPage();
    const ask = () =>
      popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser: PageApi['chrome'] }).browser;
        const answer = (await api.runtime.sendMessage({ type: 'getStats', tabId: null, days: {} })) as { rows: { site: string; impressions: number; viewable: number; clicks: number }[] };
        return answer.rows;
      });
    await openExtensionPage(popup, 'popup.html', 'table.stats, [data-testid="empty-state"]');
    // The visit's first impressions are stored once the outbox has delivered them; leaving hands over the rest.
    await expect.poll(async () => (await ask()).some((r) => r.site === 'news.test' && r.impressions > 0), { timeout: 30_000 }).toBe(true);
    await page.goto(`http://news.test:${server.port}/no-such-page.html`);
    const table = (rows: { site: string; impressions: number; viewable: number; clicks: number }[]) =>
      rows.map((r) => [r.site, r.impressions.toLocaleString('en-US'), r.viewable.toLocaleString('en-US'), r.clicks.toLocaleString('en-US')]).sort();
    // Read between two equal background answers (see readBetweenEqualAnswers).
    let compared = false;
    for (let attempt = 0; attempt < 5 && !compared; attempt++) {
      const before = table(await ask());
      await openExtensionPage(popup, 'popup.html', 'table.stats');
      await popup.waitForSelector('section[aria-label="All sites"][aria-busy="false"]');
      const shown = await popup.evaluate(() => ({
        source: document.documentElement.dataset.firstRead,
        rows: [...document.querySelectorAll('table.stats tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 4).map((c) => c.textContent?.trim() ?? '')),
      }));
      const after = table(await ask());
      if (JSON.stringify(before) !== JSON.stringify(after)) continue;
      expect(shown.source).toBe('direct');
      expect(shown.rows.sort()).toEqual(after);
      compared = true;
    }
    expect(compared).toBe(true);
    // The event page noted the news tab's site for the popup (common/stored/tab-site.ts), in Firefox's storage.session too.
    const notes = await popup.evaluate(() => (globalThis as unknown as { browser: PageApi['chrome'] }).browser.storage.session.get(null));
    expect(Object.values(notes)).toContainEqual({ host: 'news.test', site: 'news.test' });
  } finally {
    await browser.close();
    await server.close();
  }
});
