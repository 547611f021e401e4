/**
 * The dashboard's impressions-vs-CTR chart, the days table's rates and My ads' Reading in Chromium: over an
 * imported history whose readings are known exactly, and after a real visit to the fixture sites, against
 * the events AdTally stored.
 */
import { visitBlog, visitNews } from '../scripts/visit.mjs';
import { MIN_IMPRESSIONS_TO_COMPARE, wilsonInterval } from '../src/common/ctr-interval';
import { localDay } from '../src/common/day';
import type { StoredEvent } from '../src/common/types';
import { historyFile, times } from './history';
import type { HistoryEvent } from './history';
import { DashboardPage } from './pages/dashboard-page';
import { InsightPanel } from './pages/insight-panel';
import { OptionsPage } from './pages/options-page';
import { storedEvents } from './stored-events';
import { expect, test } from './fixtures';

/** `impressions` impressions and `clicks` clicks of one advertiser on one site, yesterday. */
const ads = (site: string, advertiser: string | null, impressions: number, clicks: number): HistoryEvent[] => [
  ...times(impressions, { site, advertiser, type: 'impression', daysAgo: 1 }),
  ...times(clicks, { site, advertiser, type: 'click', daysAgo: 1 }),
];

test('points are the sites and advertisers with their CTR, My ads first and on top, a ring only where the interval excludes all ads’ CTR', async ({ context, extensionId }) => {
  // All ads: 18 clicks in 350 impressions (5.1%). Sites' median impressions: (32 + 45) / 2 = 38.5.
  const file = historyFile('insight', [
    ...ads('wide.test', 'bank.example', 200, 2), // 1.0%, at most 3.6% (95%): clearly below, seen often
    ...ads('big.test', 'acme.com', 32, 8), // 25.0%, at least 13.3%: clearly above, seen less than the median
    ...ads('avg.test', 'shoes.example', 60, 3), // 5.0%: as all ads
    ...ads('mid.test', 'acme.com', 45, 2), // 4.4%: not clearly different
    ...ads('tiny.test', 'shoes.example', 3, 3), // 100%, but 3 impressions are an anecdote
    ...ads('s1.test', null, 10, 0),
  ]);
  const base = `chrome-extension://${extensionId}`;
  const options = new OptionsPage(await context.newPage(), base);
  await options.open();
  expect((await options.import(file)).result).toContain('368 new events');

  const dashboard = new DashboardPage(await context.newPage(), base);
  const insight = new InsightPanel(dashboard.page);
  await dashboard.open('7d');
  expect(await dashboard.totals()).toBe('350 impressions, 0 viewable, 18 clicks, CTR 5.1%');
  expect(await dashboard.watch('domain', 'acme.com')).toBeNull();
  expect(await dashboard.watch('domain', 'bank.example')).toBeNull();

  // Sites: one point each with its impressions and CTR; the sites carrying My ads drawn last (on top).
  const sites = await insight.drawn();
  expect(sites.map(({ key, impressions, clicks, mine }) => [key, impressions, clicks, mine])).toEqual([
    ['tiny.test', 3, 3, false],
    ['s1.test', 10, 0, false],
    ['avg.test', 60, 3, false],
    ['big.test', 32, 8, true],
    ['mid.test', 45, 2, true],
    ['wide.test', 200, 2, true],
  ]);
  for (const dot of sites) expect(dot.ctr).toBeCloseTo((dot.clicks / dot.impressions) * 100, 9);
  expect(await insight.references()).toEqual({ overallCtr: (18 / 350) * 100, medianImpressions: 38.5 });

  // The flag: only where at least 30 impressions and the whole 95% interval lie on one side of 5.1%.
  expect((await insight.ringed()).sort()).toEqual(['big.test', 'wide.test']);
  for (const dot of sites) {
    const interval = wilsonInterval(dot.clicks, dot.impressions)!;
    expect(dot.flagged, dot.key).toBe(dot.impressions >= MIN_IMPRESSIONS_TO_COMPARE && (interval.low > 18 / 350 || interval.high < 18 / 350));
  }
  // The table lists My ads first, then by impressions, with the quadrant in words where a point is ringed.
  expect((await insight.table()).map(({ key, reading }) => [key, reading])).toEqual([
    ['wide.test my ads', 'seen often, clicked rarely'],
    ['mid.test my ads', ''],
    ['big.test my ads', 'clicked often by a small audience'],
    ['avg.test', ''],
    ['s1.test', ''],
    ['tiny.test', ''],
  ]);
  // The top table reads each site as the chart does: one decision (readingOf).
  expect(await dashboard.topColumn('Top sites', 'Reading')).toEqual({
    'wide.test': 'seen often, clicked rarely',
    'avg.test': '',
    'mid.test': '',
    'big.test': 'clicked often by a small audience',
    's1.test': '',
    'tiny.test': '',
  });

  // Advertisers: acme.com (77 impressions, 10 clicks) and bank.example are mine, drawn on top, listed first.
  await insight.show('Advertisers');
  const advertisers = await insight.drawn();
  expect(advertisers.map(({ key, impressions, clicks, mine }) => [key, impressions, clicks, mine])).toEqual([
    ['', 10, 0, false],
    ['shoes.example', 63, 6, false],
    ['acme.com', 77, 10, true],
    ['bank.example', 200, 2, true],
  ]);
  expect((await insight.table()).map((r) => r.key)).toEqual(['bank.example my ads', 'acme.com my ads', 'shoes.example', '(not shown by the ad)']);

  // My ads' Reading, against every ad's CTR: acme.com 13.0% (at least 7.2%) with fewer impressions than
  // the median entry, bank.example 1.0% with more.
  expect(await insight.watchReadings()).toEqual({
    'acme.com': 'clicked often by a small audience',
    'bank.example': 'seen often, clicked rarely',
    'All my ads': '',
  });
  expect(await insight.watchSiteReadings()).toEqual({
    'wide.test': 'seen often, clicked rarely',
    'mid.test': '',
    'big.test': 'clicked often by a small audience',
  });
  // A filter narrows the chart and its reference CTR, never My ads': their Reading stays the same.
  await dashboard.pickTopRow('Top sites', 'wide.test');
  expect(await insight.watchReadings()).toMatchObject({ 'acme.com': 'clicked often by a small audience', 'bank.example': 'seen often, clicked rarely' });

  // Imported events carry no measured ads: the days table's rates are n/a, never 0%.
  await dashboard.clearFilters();
  expect(await insight.dayRates()).toEqual([{ key: localDay(Date.now() - 24 * 3600_000), impressions: '350', inView: 'n/a', viewability: 'n/a' }]);
});

test('after a real visit, the points and the day’s rates are those of the stored events', async ({ context, extensionId, page, port, serviceWorker }) => {
  await visitNews(page, port);
  await visitBlog(page, port);
  await page.goto('about:blank'); // the outbox sends on pagehide

  // The ground truth: impressions and clicks per site, and today's measured ads, from the stored events.
  let events: StoredEvent[] = [];
  await expect(async () => {
    events = await storedEvents(serviceWorker);
    expect(events.some((e) => e.site === 'blog.test' && e.type === 'measured')).toBe(true);
    expect(events.some((e) => e.site === 'news.test' && e.type === 'click')).toBe(true);
  }).toPass({ timeout: 15_000 });
  const perSite = new Map<string, { impressions: number; clicks: number }>();
  for (const e of events) {
    const row = perSite.get(e.site) ?? { impressions: 0, clicks: 0 };
    if (e.type === 'impression') row.impressions++;
    if (e.type === 'click') row.clicks++;
    perSite.set(e.site, row);
  }
  const measured = events.filter((e) => e.type === 'measured');
  const inView = measured.filter((e) => e.reached === 'impression' || e.reached === 'viewable').length;
  const viewable = measured.filter((e) => e.reached === 'viewable').length;
  // blog.test's card below the fold is measured and never in view: the rate is not a trivial 100%.
  expect(inView).toBeLessThan(measured.length);

  const dashboard = new DashboardPage(await context.newPage(), `chrome-extension://${extensionId}`);
  const insight = new InsightPanel(dashboard.page);
  await dashboard.open('7d');
  const dots = await insight.drawn();
  expect(Object.fromEntries(dots.map((d) => [d.key, { impressions: d.impressions, clicks: d.clicks }]))).toEqual(Object.fromEntries([...perSite].filter(([, r]) => r.impressions > 0)));
  for (const dot of dots) expect(dot.ctr).toBeCloseTo((dot.clicks / dot.impressions) * 100, 9);
  // A handful of impressions is never a finding.
  expect(dots.filter((d) => d.flagged)).toEqual(dots.filter((d) => d.flagged && d.impressions >= MIN_IMPRESSIONS_TO_COMPARE));

  // Watching the news.test advertiser clicked the most: its points are mine, and listed first.
  const clicked = events.find((e) => e.type === 'click' && e.advertiser)?.advertiser;
  expect(clicked).toBeTruthy();
  expect(await dashboard.watch('domain', clicked!)).toBeNull();
  await insight.show('Advertisers');
  const advertisers = await insight.drawn();
  expect(advertisers.at(-1)).toMatchObject({ key: clicked, mine: true });
  expect(advertisers.filter((d) => d.mine).map((d) => d.key)).toEqual([clicked]);
  expect((await insight.table())[0]!.key).toBe(`${clicked} my ads`);

  // Creatives: each point is one fingerprint's impressions and clicks, mine where its advertiser is watched.
  await insight.show('Creatives');
  const creatives = await insight.drawn();
  expect(creatives.length).toBeGreaterThan(0);
  for (const dot of creatives) {
    const own = events.filter((e) => e.fingerprint === dot.key);
    expect([dot.impressions, dot.clicks, dot.mine], dot.key).toEqual([
      own.filter((e) => e.type === 'impression').length,
      own.filter((e) => e.type === 'click').length,
      own.some((e) => e.advertiser === clicked),
    ]);
  }

  // Today's in-view and viewability rates: the stored measured events' ratios.
  const percent = (part: number) => `${((part / measured.length) * 100).toFixed(1)}%`;
  expect(await insight.dayRates()).toEqual([
    { key: localDay(Date.now()), impressions: String([...perSite.values()].reduce((n, r) => n + r.impressions, 0)), inView: percent(inView), viewability: percent(viewable) },
  ]);
});
