/**
 * The dashboard in Chromium, over a history imported through the options page: the totals of the range,
 * the chart drawn, and the top sites and advertisers, for a week and for all time.
 */
import { localDay } from '../src/common/day';
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

test('filters by advertiser and kind; top networks and kinds; the days table; frequency', async ({ context, extensionId }) => {
  const acme1 = { site: 'news.test', daysAgo: 1, advertiser: 'acme.com', fingerprint: 'fp-acme-1' } as const;
  const acme2 = { site: 'blog.test', daysAgo: 2, advertiser: 'acme.com', kind: 'native', network: 'Taboola', fingerprint: 'fp-acme-2' } as const;
  const file = historyFile('dashboard-filters', [
    ...times(6, { ...acme1, type: 'impression' }),
    ...times(4, { ...acme1, type: 'viewable' }),
    ...times(2, { ...acme1, type: 'click' }),
    ...times(3, { ...acme2, type: 'impression' }),
    { ...acme2, type: 'click' },
    ...times(2, { site: 'blog.test', type: 'impression', daysAgo: 2, advertiser: 'bank.example', fingerprint: 'fp-bank' }),
    { site: 'news.test', type: 'impression', daysAgo: 3, advertiser: null, network: null, fingerprint: 'fp-unknown' },
    ...times(5, { site: 'old.test', type: 'impression', daysAgo: 40, advertiser: 'acme.com', fingerprint: 'fp-acme-old' }),
  ]);
  const base = `chrome-extension://${extensionId}`;
  const dashboard = new DashboardPage(await context.newPage(), base);
  await dashboard.open('7d');
  await expect(dashboard.page.getByTestId('empty-range')).toContainText('No ads counted in this range.');

  const options = new OptionsPage(await context.newPage(), base);
  await options.open();
  expect((await options.import(file)).result).toContain('24 new events');

  await dashboard.page.bringToFront(); // a tab in the background gets few animation frames
  await dashboard.open('7d');
  await expect(dashboard.page.getByTestId('empty-range')).toHaveCount(0);
  expect(await dashboard.totals()).toBe('12 impressions, 4 viewable, 3 clicks, CTR 25.0%');
  expect((await dashboard.top('Top networks')).map((r) => [r.key, r.impressions, r.clicks])).toEqual([
    ['Google Ad Manager', 8, 2],
    ['Taboola', 3, 1],
    ['(unknown network)', 1, 0],
  ]);
  expect((await dashboard.top('Top kinds')).map((r) => [r.key, r.impressions])).toEqual([
    ['display', 9],
    ['native', 3],
  ]);
  const day = (n: number) => localDay(Date.now() - n * 24 * 3600_000);
  expect(await dashboard.dayTable()).toEqual([
    { key: day(1), impressions: 6, viewable: 4, clicks: 2, ctr: '33.3%' },
    { key: day(2), impressions: 5, viewable: 0, clicks: 1, ctr: '20.0%' },
    { key: day(3), impressions: 1, viewable: 0, clicks: 0, ctr: '0.0%' },
  ]);
  expect(await dashboard.frequencyBuckets()).toEqual([
    ['1', 1, 1],
    ['2', 1, 2],
    ['3–5', 1, 3],
    ['6–10', 1, 6],
    ['11+', 0, 0],
  ]);

  // A click on a top table's row filters every part of the page by it.
  await dashboard.pickTopRow('Top advertisers', 'acme.com');
  expect(await dashboard.activeFilters()).toEqual(['Advertiser: acme.com']);
  expect(await dashboard.totals()).toBe('9 impressions, 4 viewable, 3 clicks, CTR 33.3%');
  expect(await dashboard.top('Top sites')).toEqual([
    { key: 'news.test', impressions: 6, viewable: 4, clicks: 2, ctr: '33.3%' },
    { key: 'blog.test', impressions: 3, viewable: 0, clicks: 1, ctr: '33.3%' },
  ]);
  expect((await dashboard.frequencyBuckets()).map(([, creatives]) => creatives)).toEqual([0, 0, 1, 1, 0]);

  // Two filters at once, typed into the form.
  await dashboard.filter({ advertiser: 'acme.com', kind: 'native' });
  expect(await dashboard.activeFilters()).toEqual(['Advertiser: acme.com', 'Kind: native']);
  expect(await dashboard.totals()).toBe('3 impressions, 0 viewable, 1 clicks, CTR 33.3%');
  expect((await dashboard.top('Top sites')).map((r) => r.key)).toEqual(['blog.test']);
  await dashboard.filter({ advertiser: 'acme.com', kind: 'search' });
  await expect(dashboard.page.getByTestId('empty-range')).toHaveText('No ad matches these filters in this range.');
  await dashboard.filter({ advertiser: 'acme.com', kind: 'native' });

  // The filter is in the address: a reload, or a bookmark, shows the same view.
  await dashboard.page.reload();
  await dashboard.settled();
  expect(await dashboard.totals()).toBe('3 impressions, 0 viewable, 1 clicks, CTR 33.3%');

  // All time takes in the older acme.com ads; the unknown advertiser is a filter of its own.
  await dashboard.clearFilters();
  await dashboard.pickRange('All time');
  await dashboard.pickTopRow('Top advertisers', '(not shown by the ad)');
  expect(await dashboard.activeFilters()).toEqual(['Advertiser: (not shown by the ad)']);
  expect(await dashboard.top('Top sites')).toEqual([{ key: 'news.test', impressions: 1, viewable: 0, clicks: 0, ctr: '0.0%' }]);
  await dashboard.clearFilters();
  expect(await dashboard.totals()).toBe('17 impressions, 4 viewable, 3 clicks, CTR 17.6%');
  // Share of voice: each advertiser's impressions of the 17.
  const shares = await dashboard.topColumn('Top advertisers', 'Share');
  const advertisers = await dashboard.top('Top advertisers');
  expect(advertisers.length).toBeGreaterThan(1);
  for (const row of advertisers) expect(shares[row.key]).toBe(`${((row.impressions / 17) * 100).toFixed(1)}%`);
  expect((await dashboard.frequencyBuckets())[2]).toEqual(['3–5', 2, 8]);
});

test('top tables sort by CTR with its interval and show all their rows; a year is drawn in weeks', async ({ context, extensionId }) => {
  // Twelve sites: big.test has a CTR known well (8 of 40), tiny.test a higher but uncertain one (1 of 3)
  // and sits outside the top 10 by impressions, like low.test.
  const middle = Array.from({ length: 9 }, (_, i) => ({ site: `s0${i + 1}.test`, impressions: 20 - i }));
  const file = historyFile('dashboard-sort', [
    ...times(40, { site: 'big.test', type: 'impression', daysAgo: 2 }),
    ...times(8, { site: 'big.test', type: 'click', daysAgo: 2 }),
    ...middle.flatMap(({ site, impressions }) => times(impressions, { site, type: 'impression', daysAgo: 3 })),
    ...times(3, { site: 'tiny.test', type: 'impression', daysAgo: 4 }),
    { site: 'tiny.test', type: 'click', daysAgo: 4 },
    ...times(2, { site: 'low.test', type: 'impression', daysAgo: 4 }),
    { site: 'old.test', type: 'impression', daysAgo: 200 },
  ]);
  const base = `chrome-extension://${extensionId}`;
  const options = new OptionsPage(await context.newPage(), base);
  await options.open();
  expect((await options.import(file)).result).toContain('199 new events');

  const dashboard = new DashboardPage(await context.newPage(), base);
  await dashboard.open('30d');
  expect(await dashboard.chartStep()).toEqual(['day', 'Per day']);
  const sites = async () => (await dashboard.top('Top sites')).map((r) => r.key);
  expect(await sites()).toEqual(['big.test', ...middle.map((m) => m.site)]);
  expect(await dashboard.topSort('Top sites')).toEqual(['Impressions', 'descending']);
  await expect(dashboard.page.getByRole('heading', { name: 'Top sites' })).toContainText('top 10 of 12');

  // Sorting the top 10 by CTR says that only they are sorted.
  await dashboard.sortTop('Top sites', 'CTR');
  expect(await dashboard.topSort('Top sites')).toEqual(['CTR', 'descending']);
  expect((await sites())[0]).toBe('big.test');
  expect(await dashboard.topCaption('Top sites')).toBe('Sorted by CTR: the 10 with most impressions only, of 12.');

  // All twelve: 1 click in 3 impressions (33%) ranks after 8 in 40 (20%), whose rate is better known.
  await dashboard.toggleShowAll('Top sites', /^Show all 12$/);
  expect(await sites()).toEqual(['big.test', 'tiny.test', ...middle.map((m) => m.site), 'low.test']);
  expect((await dashboard.top('Top sites')).find((r) => r.key === 'tiny.test')).toEqual({ key: 'tiny.test', impressions: 3, viewable: 0, clicks: 1, ctr: '33.3%' });
  expect(await dashboard.topCaption('Top sites')).toBeNull();
  await expect(dashboard.page.getByRole('heading', { name: 'Top sites' })).not.toContainText('top 10');
  // Read against all ads' CTR (9 of 189, 4.8%): only big.test differs clearly, 8 of 40 being at least 10.5%
  // (95%), and it has more impressions than the median site. 1 of 3 is too few to say anything.
  const readings = await dashboard.topColumn('Top sites', 'Reading');
  expect(Object.entries(readings).filter(([, reading]) => reading)).toEqual([['big.test', 'seen often, clicked often']]);

  // Lowest CTR first ranks by the interval's high end: no clicks in 20 impressions before none in 2.
  await dashboard.sortTop('Top sites', 'CTR');
  expect(await dashboard.topSort('Top sites')).toEqual(['CTR', 'ascending']);
  expect(await sites()).toEqual([...middle.map((m) => m.site), 'big.test', 'low.test', 'tiny.test']);

  await dashboard.toggleShowAll('Top sites', /^Show top 10$/);
  expect(await sites()).toHaveLength(10);

  // A year is drawn a week a point, with the same totals.
  await dashboard.pickRange('1 year');
  expect(await dashboard.chartStep()).toEqual(['week', 'Per week']);
  expect(await dashboard.totals()).toBe('190 impressions, 0 viewable, 9 clicks, CTR 4.7%');
});
