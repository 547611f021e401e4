/**
 * End to end in real Chromium: the built extension finds the fixture sites' ads, counts impressions and
 * clicks as docs/measurement.md defines them, stores them, and the popup shows exactly the expected table.
 */
import { visitBlog, visitNews } from '../scripts/visit.mjs';
import { EXPECTED_VISIT, NEVER_SITES } from './sites/expected';
import { DashboardPage } from './pages/dashboard-page';
import { expect, tabIdOf, test } from './fixtures';
import { storedEvents } from './stored-events';

test('a visit to two sites shows exact per-site counts in the popup', async ({ page, popup, port, serviceWorker }) => {
  await visitNews(page, port);
  await visitBlog(page, port);
  const tabId = await tabIdOf(serviceWorker, '*://blog.test/*');

  await expect(async () => {
    await popup.open(tabId);
    const rows = await popup.rows();
    expect(rows.map(({ current: _, ...row }) => row)).toEqual(EXPECTED_VISIT);
  }).toPass({ timeout: 10_000 });

  expect(await popup.headers()).toEqual(['Site', 'Impressions', 'Viewable', 'Clicks', 'CTR']);
  const rows = await popup.rows();
  expect(rows.filter((r) => r.current).map((r) => r.site)).toEqual(['blog.test']);
  for (const host of NEVER_SITES) expect(rows.map((r) => r.site)).not.toContain(host);
});

test('every ad on a visible page is measured once, in view or not; the rates divide by measured ads', async ({ page, popup, port, serviceWorker, context, extensionId }) => {
  // blog.test: the sponsored card is in view at the top; the GPT slot far below the fold is never scrolled to.
  await visitBlog(page, port);
  const tabId = await tabIdOf(serviceWorker, '*://blog.test/*');
  const measured = async () =>
    (await storedEvents(serviceWorker))
      .filter((e) => e.site === 'blog.test' && e.type === 'measured')
      .map((e) => `${e.kind} ${e.reached}`)
      .sort();
  await expect.poll(measured, { timeout: 15_000 }).toEqual(['display measured', 'native viewable']);
  const events = (await storedEvents(serviceWorker)).filter((e) => e.site === 'blog.test');
  // The impression's ad is the measured one that got in view.
  expect(events.filter((e) => e.type === 'impression').map((e) => e.kind)).toEqual(['native']);

  await popup.open(tabId);
  expect(await popup.card()).toMatchObject({ site: 'blog.test', Impressions: '1', 'In view': '50.0%', Viewability: '50.0%' });
  // Time in view per impression: the stored dwell of the page view over its impressions (the tab is hidden
  // now, so the dwell has stopped growing; the poll covers its last report arriving).
  await expect(async () => {
    const stored = (await storedEvents(serviceWorker)).filter((e) => e.site === 'blog.test');
    const dwellMs = stored.filter((e) => e.type === 'dwell').reduce((sum, e) => sum + e.dwellMs, 0);
    const impressions = stored.filter((e) => e.type === 'impression').length;
    expect(dwellMs).toBeGreaterThan(0);
    await popup.open(tabId);
    expect((await popup.card())?.['Per impression']).toBe(`${(dwellMs / impressions / 1000).toFixed(1)} s`);
  }).toPass({ timeout: 15_000 });
  const dashboard = new DashboardPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await dashboard.open('all');
  expect((await dashboard.topRates('Top sites'))['blog.test']).toEqual({ inView: '50.0%', viewability: '50.0%' });
  expect((await dashboard.topRates('Top kinds'))).toMatchObject({ native: { inView: '100.0%', viewability: '100.0%' }, display: { inView: '0.0%', viewability: '0.0%' } });
});
