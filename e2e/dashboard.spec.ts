/**
 * The dashboard in Chromium, over a history imported through the options page: the totals of the range,
 * the chart drawn, and the top sites and advertisers, for a week and for all time.
 */
import { historyFile, times } from './history';
import { DashboardPage } from './pages/dashboard-page';
import { OptionsPage } from './pages/options-page';
import { expect, test } from './fixtures';

test('the week and all time: totals, top sites and top advertisers', async ({ context, extensionId }) => {
  const file = historyFile('dashboard-history', [
    ...times(5, { site: 'news.test', type: 'impression', daysAgo: 1, advertiser: 'shoes.example' }),
    ...times(3, { site: 'news.test', type: 'viewable', daysAgo: 1, advertiser: 'shoes.example' }),
    { site: 'news.test', type: 'click', daysAgo: 1, advertiser: 'shoes.example' },
    ...times(2, { site: 'blog.test', type: 'impression', daysAgo: 3, advertiser: 'shoes.example' }),
    ...times(4, { site: 'blog.test', type: 'impression', daysAgo: 3, advertiser: null }),
    ...times(7, { site: 'old.test', type: 'impression', daysAgo: 60, advertiser: 'bank.example' }),
    { site: 'old.test', type: 'click', daysAgo: 60, advertiser: 'bank.example' },
  ]);
  const base = `chrome-extension://${extensionId}`;
  const options = new OptionsPage(await context.newPage(), base);
  await options.open();
  expect((await options.import(file)).result).toContain('23 new events');

  const dashboard = new DashboardPage(await context.newPage(), base);
  await dashboard.open('7d');
  expect(await dashboard.totals()).toBe('11 impressions, 3 viewable, 1 clicks, CTR 9.1%');
  expect(await dashboard.top('Top sites')).toEqual([
    { key: 'blog.test', impressions: 6, viewable: 0, clicks: 0, ctr: '0.0%' },
    { key: 'news.test', impressions: 5, viewable: 3, clicks: 1, ctr: '20.0%' },
  ]);
  expect(await dashboard.top('Top advertisers')).toEqual([
    { key: 'shoes.example', impressions: 7, viewable: 3, clicks: 1, ctr: '14.3%' },
    { key: '(not shown by the ad)', impressions: 4, viewable: 0, clicks: 0, ctr: '0.0%' },
  ]);

  await dashboard.open('all');
  expect(await dashboard.totals()).toBe('18 impressions, 3 viewable, 2 clicks, CTR 11.1%');
  expect((await dashboard.top('Top sites')).map((r) => [r.key, r.impressions, r.clicks])).toEqual([
    ['old.test', 7, 1],
    ['blog.test', 6, 0],
    ['news.test', 5, 1],
  ]);
  expect((await dashboard.top('Top advertisers')).find((r) => r.key === 'bank.example')).toMatchObject({ impressions: 7, clicks: 1 });
});
