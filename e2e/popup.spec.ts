/**
 * The popup in Chromium: date ranges over imported history, sorting by every column, search, the current
 * site's card, and pausing (nothing recorded while paused, on one site or everywhere).
 */
import { visitBlog, visitNews } from '../scripts/visit.mjs';
import { historyFile, times } from './history';
import type { HistoryEvent } from './history';
import { OptionsPage } from './pages/options-page';
import { expect, tabIdOf, test } from './fixtures';
import { storedEvents } from './stored-events';

test('date ranges, sorting and search over a history', async ({ context, extensionId, popup }) => {
  // today: a.test 3 impressions 1 click; 5 days ago: b.test 4 impressions; 20 days ago: c.test 6 impressions,
  // 2 viewable; 100 days ago: d.test 10 impressions.
  const history = [
    ...times(3, { site: 'a.test', type: 'impression', daysAgo: 0 }),
    { site: 'a.test', type: 'click', daysAgo: 0 } as const,
    ...times(4, { site: 'b.test', type: 'impression', daysAgo: 5 }),
    ...times(6, { site: 'c.test', type: 'impression', daysAgo: 20 }),
    ...times(2, { site: 'c.test', type: 'viewable', daysAgo: 20 }),
    ...times(10, { site: 'd.test', type: 'impression', daysAgo: 100 }),
  ];
  const file = historyFile('popup-history', history);
  const options = new OptionsPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await options.open();
  expect((await options.import(file)).result).toContain(`${history.length} new events`);

  await popup.open();
  const sites = async () => (await popup.rows()).map((r) => r.site);
  const impressions = async () => Object.fromEntries((await popup.rows()).map((r) => [r.site, r.impressions]));
  expect(await impressions()).toEqual({ 'd.test': 10, 'c.test': 6, 'b.test': 4, 'a.test': 3 });
  await popup.setRange('30 days');
  expect(await impressions()).toEqual({ 'c.test': 6, 'b.test': 4, 'a.test': 3 });
  await popup.setRange('7 days');
  expect(await impressions()).toEqual({ 'b.test': 4, 'a.test': 3 });
  await popup.setRange('Today');
  expect(await popup.rows()).toEqual([{ site: 'a.test', impressions: 3, viewable: 0, clicks: 1, ctr: '33.3%', current: false }]);

  // The range is remembered when the popup opens again.
  await popup.open();
  expect(await sites()).toEqual(['a.test']);
  await popup.setRange('All time');

  expect(await popup.sortBy('Site')).toBe('ascending');
  expect(await sites()).toEqual(['a.test', 'b.test', 'c.test', 'd.test']);
  expect(await popup.sortBy('Site')).toBe('descending');
  expect(await sites()).toEqual(['d.test', 'c.test', 'b.test', 'a.test']);
  expect(await popup.sortBy('Viewable')).toBe('descending');
  expect((await sites())[0]).toBe('c.test');
  expect(await popup.sortBy('CTR')).toBe('descending');
  expect((await sites())[0]).toBe('a.test');
  expect(await popup.sortBy('Impressions')).toBe('descending');
  expect(await sites()).toEqual(['d.test', 'c.test', 'b.test', 'a.test']);
  expect(await popup.sortBy('Impressions')).toBe('ascending');
  expect(await sites()).toEqual(['a.test', 'b.test', 'c.test', 'd.test']);
  expect(await popup.headers()).toEqual(['Site', 'Impressions', 'Viewable', 'Clicks', 'CTR']);

  await popup.search('C.TE');
  expect(await sites()).toEqual(['c.test']);
  await popup.search('nothing-like-this');
  expect(await popup.rows()).toEqual([]);
  await expect(popup.page.getByText('No site matches')).toBeVisible();
});

test('pausing a site or everywhere records nothing there; the card shows the current site', async ({ page, port, popup, serviceWorker }) => {
  // A page of news.test without ads, so nothing is counted before the pause.
  await page.goto(`http://news.test:${port}/no-such-page.html`);
  const newsTab = await tabIdOf(serviceWorker, '*://news.test/*');
  await popup.open(newsTab);
  // Nothing stored yet: the card names the site and says so instead of showing zeros (e2e/welcome.spec.ts).
  expect(await popup.card()).toEqual({ site: 'news.test' });
  await popup.pauseOnThisSite(true);
  // Paused before the visit: the whole visit to news.test (scrolls, dwell, two clicks) stores nothing.
  await visitNews(page, port);
  await visitBlog(page, port);
  await expect.poll(async () => (await storedEvents(serviceWorker)).filter((e) => e.site === 'blog.test').length).toBeGreaterThan(0);
  expect((await storedEvents(serviceWorker)).filter((e) => e.site === 'news.test')).toEqual([]);
  await popup.open(newsTab);
  expect((await popup.rows()).map((r) => r.site)).toEqual(['blog.test']);

  // Paused everywhere: another visit to blog.test adds nothing.
  await popup.pauseEverywhere(true);
  await expect(popup.page.getByText('Tracking is paused everywhere')).toBeVisible();
  const before = (await storedEvents(serviceWorker)).length;
  await visitBlog(page, port);
  await page.waitForTimeout(2500); // more than the outbox's 1 s flush interval
  expect((await storedEvents(serviceWorker)).length).toBe(before);

  // Resumed: counting starts again.
  await popup.open();
  await popup.pauseEverywhere(false);
  await visitBlog(page, port);
  await expect.poll(async () => (await storedEvents(serviceWorker)).length).toBeGreaterThan(before);
});

test('at 500 sites the popup stays one screen tall: its header, card and links in view, the table scrolling under its header row', async ({ context, extensionId, popup }) => {
  // 500 sites, one impression each, and one with a click: the table is far taller than any popup.
  const history: HistoryEvent[] = Array.from({ length: 500 }, (_, n) => ({ site: `site-${String(n).padStart(3, '0')}.test`, type: 'impression', daysAgo: 0 }));
  history.push({ site: 'site-499.test', type: 'click', daysAgo: 0 });
  const options = new OptionsPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await options.open();
  expect((await options.import(historyFile('popup-500', history))).result).toContain(`${history.length} new events`);

  await popup.open();
  const page = popup.page;
  expect(await popup.rows()).toHaveLength(500);
  // Browsers cap a toolbar popup at 600 px: nothing of the page may lie below that (the page's own height;
  // the document's is at least the test tab's viewport).
  expect(await page.evaluate(() => document.body.scrollHeight)).toBeLessThanOrEqual(600);
  const inView = async (selector: string) => {
    const box = (await page.locator(selector).first().boundingBox())!;
    return box.y >= 0 && box.y + box.height <= 600;
  };
  expect(await inView('header.bar')).toBe(true);
  expect(await inView('footer.links')).toBe(true);

  // The last site is reached by scrolling the table, whose header row stays on top.
  const scroller = page.locator('.table-scroll');
  expect(await scroller.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.locator('table.stats tbody tr').last()).toBeInViewport();
  const header = (await page.locator('table.stats thead th').first().boundingBox())!;
  const scrollerBox = (await scroller.boundingBox())!;
  expect(Math.abs(header.y - scrollerBox.y)).toBeLessThan(2);
  expect(await inView('footer.links')).toBe(true);

  // Every number says what it counts.
  expect(await page.locator('table.stats tbody td').first().getAttribute('title')).toMatch(/^Impressions: /);
});
