/**
 * A database written by an earlier AdTally (schema version 5) upgraded by this one in real Chromium: the
 * cells of version 6 and the placement rows of version 7 are summed from the stored events (after the
 * upgrade, by the resumable backfill of version 8; upgrade-resume.spec.ts stops it midway), so the
 * dashboard's filtered views and its placement panel count the old events exactly, and the "updating its
 * database" notice is gone once the upgrade is done.
 */
import { localDay } from '../src/common/day';
import { DashboardPage } from './pages/dashboard-page';
import { writeVersion5Database } from './version-5-db';
import { expect, test } from './fixtures';

test('a version-5 database opens upgraded: filtered views count its events, the upgrade notice is cleared', async ({ context, extensionId, serviceWorker }) => {
  // Written in the service worker before anything has opened the database, as version 5 shipped it.
  const today = localDay(Date.now());
  const event = (id: string, type: string, site: string, advertiser: string | null, kind = 'display') => ({
    id, type, time: Date.now() - 3600_000, day: today, site, pageUrl: `https://${site}/`, pageViewId: `pv-${id}`, adId: 'ad1', rule: 'sig:gpt-div', kind,
    network: 'Google Ad Manager', width: 300, height: 250, inFrame: false, inferred: false, focused: true, dwellMs: 0, fingerprint: `fp-${id}`,
    landingUrl: advertiser ? `https://${advertiser}/offer` : null, advertiser,
  });
  const events = [
    event('a1', 'impression', 'news.test', 'acme.com'),
    event('a2', 'impression', 'news.test', 'acme.com'),
    event('a3', 'click', 'news.test', 'acme.com'),
    event('a4', 'impression', 'blog.test', 'acme.com', 'native'),
    event('b1', 'impression', 'news.test', 'bank.example'),
    event('n1', 'impression', 'blog.test', null),
  ];
  await serviceWorker.evaluate(writeVersion5Database, JSON.stringify(events));

  const dashboard = new DashboardPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await dashboard.open('all');
  // Version 7's placement rows: the old events have no fold, so every one of them is "Unknown".
  const fold = dashboard.page.getByTestId('placement-fold').locator('tbody tr');
  await expect(fold).toHaveCount(1);
  expect((await fold.locator('th, td').allTextContents()).slice(0, 5)).toEqual(['Unknown', '5', '0', '1', '20.0%']);
  // Only the events are written above, not version 5's own totals: what is checked is what the upgrade
  // made, the cells (top tables of a filtered view, and the series of a filter on two fields).
  await dashboard.filter({ advertiser: 'acme.com' });
  expect((await dashboard.top('Top sites')).map((r) => [r.key, r.impressions, r.clicks])).toEqual([
    ['news.test', 2, 1],
    ['blog.test', 1, 0],
  ]);
  expect((await dashboard.top('Top kinds')).map((r) => [r.key, r.impressions])).toEqual([
    ['display', 2],
    ['native', 1],
  ]);
  await dashboard.filter({ advertiser: 'acme.com', kind: 'display' });
  expect(await dashboard.totals()).toBe('2 impressions, 0 viewable, 1 clicks, CTR 50.0%');
  await dashboard.filter({ site: 'blog.test' });
  expect((await dashboard.top('Top advertisers')).map((r) => [r.key, r.impressions])).toEqual([
    ['(not shown by the ad)', 1], // a tie: the keys' order ('' first)
    ['acme.com', 1],
  ]);

  const after = await serviceWorker.evaluate(async () => ({
    version: (await indexedDB.databases()).find((d) => d.name === 'adtally')?.version,
    notice: (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('dbUpgrade')).dbUpgrade ?? null,
  }));
  expect(after).toEqual({ version: 8, notice: null });
});
