/**
 * "My ads" in Chromium: a marketer watches their advertiser and reads how often their ads were seen and
 * clicked, site by site, this week: over an imported history with exact numbers, and after a real visit
 * to the fixture sites, against what AdTally stored.
 */
import { readFileSync } from 'node:fs';
import { visitBlog, visitNews } from '../scripts/visit.mjs';
import { historyFile, times } from './history';
import { DashboardPage } from './pages/dashboard-page';
import { OptionsPage } from './pages/options-page';
import { storedEvents } from './stored-events';
import { expect, test } from './fixtures';

test('this week: a watched advertiser per site, a name and a landing-URL pattern, kept across reloads', async ({ context, extensionId }) => {
  const winter = 'https://acme.com/winter?utm_campaign=winter';
  const file = historyFile('my-ads', [
    ...times(4, { site: 'news.test', type: 'impression', daysAgo: 1, advertiser: 'acme.com', landingUrl: winter }),
    ...times(3, { site: 'news.test', type: 'viewable', daysAgo: 1, advertiser: 'acme.com', landingUrl: winter }),
    { site: 'news.test', type: 'click', daysAgo: 1, advertiser: 'acme.com', landingUrl: winter },
    ...times(2, { site: 'blog.test', type: 'impression', daysAgo: 2, advertiser: 'acme.com', landingUrl: 'https://acme.com/summer' }),
    { site: 'blog.test', type: 'viewable', daysAgo: 2, advertiser: 'acme.com', landingUrl: 'https://acme.com/summer' },
    ...times(3, { site: 'forum.test', type: 'impression', daysAgo: 2, advertiser: 'acme-outlet.com' }),
    { site: 'forum.test', type: 'click', daysAgo: 2, advertiser: 'acme-outlet.com' },
    ...times(5, { site: 'old.test', type: 'impression', daysAgo: 30, advertiser: 'acme.com' }),
    ...times(7, { site: 'news.test', type: 'impression', daysAgo: 1, advertiser: 'bank.example' }),
  ]);
  const base = `chrome-extension://${extensionId}`;
  const options = new OptionsPage(await context.newPage(), base);
  await options.open();
  expect((await options.import(file)).result).toContain('27 new events');

  const dashboard = new DashboardPage(await context.newPage(), base);
  await dashboard.open('7d');
  // An address is filed under its advertiser domain, as AdTally files the ads' landing pages.
  expect(await dashboard.watch('domain', 'https://www.acme.com/')).toBeNull();
  expect(await dashboard.watchEntries()).toEqual([{ key: 'acme.com', impressions: 6, viewable: 4, clicks: 1, ctr: '16.7%' }]);
  expect(await dashboard.watchSites()).toEqual([
    { key: 'news.test', impressions: 4, viewable: 3, clicks: 1, ctr: '25.0%' },
    { key: 'blog.test', impressions: 2, viewable: 1, clicks: 0, ctr: '0.0%' },
  ]);

  // A brand name takes in its other domain; an ad two entries match counts once in "All my ads".
  expect(await dashboard.watch('name', 'Acme')).toBeNull();
  expect(await dashboard.watchEntries()).toEqual([
    { key: 'acme.com', impressions: 6, viewable: 4, clicks: 1, ctr: '16.7%' },
    { key: 'name: acme', impressions: 9, viewable: 4, clicks: 2, ctr: '22.2%' },
    { key: 'All my ads', impressions: 9, viewable: 4, clicks: 2, ctr: '22.2%' },
  ]);
  expect((await dashboard.watchSites()).map((r) => [r.key, r.impressions, r.clicks])).toEqual([
    ['news.test', 4, 1],
    ['forum.test', 3, 1],
    ['blog.test', 2, 0],
  ]);
  expect((await dashboard.watchSites('acme.com')).map((r) => r.key)).toEqual(['news.test', 'blog.test']);
  expect(await dashboard.watchNote()).toContain('daily totals');

  // Mistakes are told plainly and add nothing.
  expect(await dashboard.watch('domain', 'acme.com')).toBe('acme.com is already on the list.');
  expect(await dashboard.watch('domain', 'not a domain')).toContain('is not a domain');

  // One campaign by its landing URL, counted from the stored events.
  expect(await dashboard.watch('url', '*utm_campaign=winter*')).toBeNull();
  expect((await dashboard.watchEntries()).find((r) => r.key === 'URL: *utm_campaign=winter*')).toEqual({ key: 'URL: *utm_campaign=winter*', impressions: 4, viewable: 3, clicks: 1, ctr: '25.0%' });
  expect((await dashboard.watchEntries()).at(-1)).toMatchObject({ key: 'All my ads', impressions: 9, clicks: 2 });
  expect(await dashboard.watchNote()).toContain('stored events');

  // The list is kept; all time adds the older ads.
  await dashboard.page.reload();
  await dashboard.settled();
  await dashboard.pickRange('All time');
  expect((await dashboard.watchEntries()).map((r) => [r.key, r.impressions])).toEqual([
    ['acme.com', 11],
    ['name: acme', 14],
    ['URL: *utm_campaign=winter*', 4],
    ['All my ads', 14],
  ]);
  expect((await dashboard.watchSites()).map((r) => r.key)).toContain('old.test');

  await dashboard.unwatch('name: acme');
  expect((await dashboard.watchEntries()).map((r) => r.key)).toEqual(['acme.com', 'URL: *utm_campaign=winter*', 'All my ads']);

  // The list travels with the aggregates export, so a report says which advertisers "My ads" meant.
  await options.page.reload();
  await options.open();
  const exported = JSON.parse(readFileSync(await (await options.export('Totals and creatives (JSON)')).path(), 'utf8')) as { watchlist?: unknown };
  expect(exported.watchlist).toEqual([
    { kind: 'domain', value: 'acme.com' },
    { kind: 'url', value: '*utm_campaign=winter*' },
  ]);
});

test('after a real visit, My ads shows what AdTally stored for the watched advertiser, site by site', async ({ context, extensionId, page, port, serviceWorker }) => {
  await visitNews(page, port);
  await visitBlog(page, port);
  await page.goto('about:blank'); // the outbox sends on pagehide

  // The advertiser with most impressions in the stored events, and its counts per site: the ground truth.
  let truth = new Map<string, { impressions: number; viewable: number; clicks: number }>();
  let advertiser = '';
  await expect(async () => {
    const events = (await storedEvents(serviceWorker)).filter((e) => e.advertiser);
    const byAdvertiser = new Map<string, number>();
    for (const e of events) if (e.type === 'impression') byAdvertiser.set(e.advertiser!, (byAdvertiser.get(e.advertiser!) ?? 0) + 1);
    advertiser = [...byAdvertiser].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    expect(advertiser).not.toBe('');
    truth = new Map();
    for (const e of events.filter((x) => x.advertiser === advertiser)) {
      const row = truth.get(e.site) ?? { impressions: 0, viewable: 0, clicks: 0 };
      if (e.type === 'impression') row.impressions++;
      if (e.type === 'viewable') row.viewable++;
      if (e.type === 'click') row.clicks++;
      truth.set(e.site, row);
    }
    expect([...truth.values()].some((r) => r.clicks > 0)).toBe(true);
  }).toPass({ timeout: 15_000 });

  const dashboard = new DashboardPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await dashboard.open('7d');
  expect(await dashboard.watch('domain', advertiser)).toBeNull();
  const sites = await dashboard.watchSites();
  expect(sites.map(({ key, impressions, viewable, clicks }) => [key, { impressions, viewable, clicks }])).toEqual(
    [...truth].sort((a, b) => b[1].impressions - a[1].impressions || b[1].clicks - a[1].clicks || a[0].localeCompare(b[0])),
  );
  expect(sites.map((s) => s.key)).not.toContain('shop.test');
});
