/**
 * Placement and time in view, end to end in Chromium: on placement.test two ads sit inside the first screen
 * (a 728×90 and a 300×250) and two far below it (a native card of no IAB size and a second 300×250). A
 * visit dwells at the top, scrolls to each ad below and clicks the last one. The stored events must carry
 * each ad's fold and size, and the dashboard's placement and time-in-view panels must show exactly what
 * those events sum to.
 */
import type { Locator, Page } from '@playwright/test';
import { sizeClassOf } from '../src/common/ad-size';
import { formatCount, formatCtr, formatRate, formatShortDuration } from '../src/common/format';
import { TIME_IN_VIEW_BUCKETS, timeInViewBucketOf } from '../src/common/time-in-view';
import type { StoredEvent } from '../src/common/types';
import { DashboardPage } from './pages/dashboard-page';
import { expect, test } from './fixtures';
import { storedEvents } from './stored-events';

/** What the fixture guarantees of each ad, by the ?c= marker of its landing page. */
const ADS = {
  leaderboard: { fold: 'above', size: '728x90', kind: 'display' },
  'rectangle-top': { fold: 'above', size: '300x250', kind: 'display' },
  native: { fold: 'below', size: 'other', kind: 'native' },
  'rectangle-low': { fold: 'below', size: '300x250', kind: 'display' },
} as const;
type Marker = keyof typeof ADS;
const MARKERS = Object.keys(ADS) as Marker[];

const markerOf = (e: StoredEvent): Marker | undefined => MARKERS.find((m) => (e.landingUrl ?? '').endsWith(`?c=${m}`));

async function visit(page: Page, port: number) {
  await page.goto(`http://placement.test:${port}/`);
  // The two ads of the first screen stay in view a while, then each ad below is scrolled to in turn.
  await page.waitForTimeout(2500);
  await page.locator('#native').scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500);
  await page.locator('#div-gpt-ad-1700000000013-2').scrollIntoViewIfNeeded();
  await page.waitForTimeout(1200);
  const landing = page.context().waitForEvent('page');
  await page.locator('#low-link').click();
  await (await landing).close();
  // Leaving ends the page view: its last time in view is reported.
  await page.goto(`http://other.test:${port}/`);
}

/** The placement.test events, once every ad has its impression, measured event and time in view. */
async function settledEvents(serviceWorker: Parameters<typeof storedEvents>[0]): Promise<StoredEvent[]> {
  let events: StoredEvent[] = [];
  await expect(async () => {
    events = (await storedEvents(serviceWorker)).filter((e) => e.site === 'placement.test');
    for (const m of MARKERS) for (const type of ['impression', 'measured', 'dwell'] as const) expect(events.filter((e) => e.type === type && markerOf(e) === m), `${m} ${type}`).toHaveLength(1);
    expect(events.filter((e) => e.type === 'click').map(markerOf)).toEqual(['rectangle-low']);
  }).toPass({ timeout: 15_000 });
  return events;
}

/** A table's rows as text, the key cell first. */
async function tableRows(table: Locator): Promise<string[][]> {
  const rows: string[][] = [];
  for (const tr of await table.locator('tbody tr').all()) rows.push((await tr.locator('th, td').allTextContents()).map((t) => t.trim()));
  return rows;
}

/** The rows a placement table must show for some events grouped by `keyOf`: key, impressions, viewable, clicks, CTR, in view, viewability. */
function expectedRows(events: StoredEvent[], keyOf: (e: StoredEvent) => string, label: (key: string) => string): string[][] {
  const groups = new Map<string, StoredEvent[]>();
  for (const e of events) groups.set(keyOf(e), [...(groups.get(keyOf(e)) ?? []), e]);
  const rows = [...groups].map(([key, group]) => {
    const count = (type: StoredEvent['type']) => group.filter((e) => e.type === type).length;
    const measured = group.filter((e) => e.type === 'measured');
    const rate = (reaches: string[]) => formatRate(measured.length > 0 ? measured.filter((e) => reaches.includes(e.reached ?? '')).length / measured.length : null);
    return { key, impressions: count('impression'), clicks: count('click'), cells: [label(key), formatCount(count('impression')), formatCount(count('viewable')), formatCount(count('click')), formatCtr(count('click'), count('impression')), rate(['impression', 'viewable']), rate(['viewable'])] };
  });
  // The tables open as the background ranks: most impressions, then most clicks, then the key.
  rows.sort((a, b) => b.impressions - a.impressions || b.clicks - a.clicks || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.map((r) => r.cells);
}

const FOLD_LABELS: Record<string, string> = { above: 'Above the fold', below: 'Below the fold' };

test('each ad carries its fold and size; the dashboard shows rates by placement and the time-in-view buckets', async ({ page, port, serviceWorker, context, extensionId }) => {
  await visit(page, port);
  const events = await settledEvents(serviceWorker);

  // Every event of an ad carries the fold and size class the fixture gives it.
  for (const e of events) {
    const marker = markerOf(e);
    expect(marker, `an event of no fixture ad: ${e.landingUrl}`).toBeDefined();
    expect([e.fold, sizeClassOf(e.width, e.height), e.kind], `${marker} ${e.type}`).toEqual([ADS[marker!].fold, ADS[marker!].size, ADS[marker!].kind]);
  }

  const dashboard = new DashboardPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await dashboard.open('all');
  const panel = (title: string) => dashboard.page.locator('section.card', { has: dashboard.page.getByRole('heading', { name: title }) });
  const placement = panel('Placement: above or below the fold, size and kind');
  await expect(placement.getByText('Every site and advertiser of the range: the filters above do not apply here.')).toBeVisible();

  const fold = await tableRows(placement.getByTestId('placement-fold'));
  expect(fold).toEqual(expectedRows(events, (e) => e.fold ?? '', (key) => FOLD_LABELS[key]!));
  // What the fixture alone says: two impressions above the fold and none clicked; two below, one clicked.
  expect(fold.map((r) => r.slice(0, 5).filter((_, i) => i !== 2))).toEqual([
    ['Below the fold', '2', '1', '50.0%'],
    ['Above the fold', '2', '0', '0.0%'],
  ]);
  const size = await tableRows(placement.getByTestId('placement-size'));
  expect(size).toEqual(expectedRows(events, (e) => sizeClassOf(e.width, e.height), (key) => (key === 'other' ? 'other size' : key.replace('x', '×'))));
  expect(size.map((r) => [r[0], r[1], r[3]])).toEqual([
    ['300×250', '2', '1'],
    ['728×90', '1', '0'],
    ['other size', '1', '0'],
  ]);
  const kind = await tableRows(placement.getByTestId('placement-kind'));
  expect(kind).toEqual(expectedRows(events, (e) => e.kind, (key) => key));
  expect(kind.map((r) => [r[0], r[1]])).toEqual([
    ['display', '3'],
    ['native', '1'],
  ]);
  // Each ad was on a visible page, in view: all four measured ads made an impression.
  expect(fold.map((r) => r[5])).toEqual(['100.0%', '100.0%']);

  // Time in view: each ad's one dwell event in its bucket, and the average over the impressions.
  const timeInView = panel('Time in view per impression');
  const dwells = events.filter((e) => e.type === 'dwell');
  const perBucket = (key: string) => dwells.filter((e) => timeInViewBucketOf(e.dwellMs) === key).length;
  const buckets = await tableRows(timeInView.getByTestId('time-in-view-buckets'));
  expect(buckets.map((r) => [r[0], r[1], r[2]])).toEqual(TIME_IN_VIEW_BUCKETS.map((b) => [b.label, String(perBucket(b.key)), formatRate(perBucket(b.key) / 4)]));
  expect(buckets.reduce((n, r) => n + Number(r[1]), 0)).toBe(4);
  await expect(timeInView.getByTestId('time-in-view-coverage')).toContainText('4 of 4 impressions');
  const dwellMs = dwells.reduce((n, e) => n + e.dwellMs, 0);
  await expect(timeInView.getByTestId('time-in-view-average')).toContainText(`Average ${formatShortDuration(dwellMs / 4)} per impression`);
});
