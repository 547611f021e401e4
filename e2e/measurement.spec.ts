/**
 * Every counting rule of docs/measurement.md, in real Chromium with the built extension, on the measure.test
 * fixture pages. Each test reads the events AdTally stored and fails when its rule is broken.
 */
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../scripts/launch-chromium.mjs';
import { scrollThrough } from '../scripts/visit.mjs';
import { cssPath } from '../src/common/css-path';
import { detectionsOf, pageState } from './accuracy/measure';
import { expect, test } from './fixtures';
import { eventsFor, storedEvents } from './stored-events';

const url = (port: number, path: string, host = 'measure.test') => `http://${host}:${port}${path}`;
const distinct = <T>(values: T[]) => new Set(values).size;

/** Scrolls so that `fraction` of the element's height shows at the bottom of the viewport (0: out of view). */
async function showFraction(page: Page, selector: string, fraction: number) {
  await page.evaluate(
    ([sel, f]) => {
      const el = document.querySelector(sel as string)!;
      const top = el.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top - window.innerHeight + el.getBoundingClientRect().height * (f as number));
    },
    [selector, fraction],
  );
}

const toTop = (page: Page) => page.evaluate(() => window.scrollTo(0, 0));

test('an ad in view 0.6 s is an impression only; 1.2 s makes it viewable', async ({ page, port, serviceWorker }) => {
  await page.goto(url(port, '/viewability.html'));
  await page.waitForTimeout(800);
  await page.locator('#ad-short').scrollIntoViewIfNeeded();
  await page.waitForTimeout(600);
  await toTop(page);
  await page.waitForTimeout(1500);
  await page.locator('#ad-long').scrollIntoViewIfNeeded();
  await page.waitForTimeout(1200);
  await toTop(page);
  await expect(async () => {
    const events = await storedEvents(serviceWorker);
    expect(eventsFor(events, 'impression', 'c=short')).toHaveLength(1);
    expect(eventsFor(events, 'impression', 'c=long')).toHaveLength(1);
    expect(eventsFor(events, 'viewable', 'c=long')).toHaveLength(1);
  }).toPass({ timeout: 8000 });
  // Dwell: the short ad was in view about 0.6 s, the long one about 1.2 s. A dwell event is re-sent as it
  // grows (every 5 s and when the page view ends), so the stored one can be a report from while the long ad was
  // still in view: wait for the report after it left rather than reading a fixed time later.
  const dwell = async (marker: string) => eventsFor(await storedEvents(serviceWorker), 'dwell', marker)[0]?.dwellMs ?? 0;
  await expect.poll(() => dwell('c=long'), { timeout: 15_000 }).toBeGreaterThan(1000);
  expect(eventsFor(await storedEvents(serviceWorker), 'viewable', 'c=short')).toHaveLength(0);
  await expect.poll(() => dwell('c=short'), { timeout: 15_000 }).toBeGreaterThan(400);
  expect(await dwell('c=short')).toBeLessThan(1000);
});

test('a large ad counts at 30% in view, an ordinary one does not', async ({ page, port, serviceWorker }) => {
  await page.goto(url(port, '/large.html'));
  await page.waitForTimeout(500);
  await showFraction(page, '#ad-large', 0.35);
  await page.waitForTimeout(800);
  await showFraction(page, '#ad-small', 0.35);
  await page.waitForTimeout(800);
  await toTop(page);
  await expect(async () => expect(eventsFor(await storedEvents(serviceWorker), 'impression', 'c=large')).toHaveLength(1)).toPass({ timeout: 8000 });
  await page.waitForTimeout(1000);
  expect(eventsFor(await storedEvents(serviceWorker), 'impression', 'c=small')).toHaveLength(0);
});

test('an SPA navigation starts a new page view; a fragment jump does not; 50 navigations leak nothing', async ({ page, port, serviceWorker }) => {
  await page.goto(url(port, '/spa.html'));
  await page.waitForTimeout(1500);
  await page.click('#next');
  await page.waitForTimeout(1500);
  await page.click('#hash');
  await page.waitForTimeout(1500);
  await expect(async () => {
    const impressions = eventsFor(await storedEvents(serviceWorker), 'impression', 'c=spa');
    expect(impressions).toHaveLength(2);
    expect(distinct(impressions.map((e) => e.pageViewId))).toBe(2);
  }).toPass({ timeout: 8000 });

  for (let i = 0; i < 50; i++) {
    await page.click('#next');
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(1000);
  const state = await pageState(serviceWorker, '*://measure.test/*');
  expect(state.pageViews).toBe(52);
  // One ad on the page, one observed target: the 51 ended page views left nothing running.
  expect(state.ads).toHaveLength(1);
  expect(state.observed).toBe(1);
});

test('a back/forward cache restore is a new page view', async ({ port }) => {
  const { context, worker } = await launchWithExtension({ backForwardCache: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url(port, '/bfcache.html'));
    await page.waitForTimeout(1500);
    await page.click('#leave');
    await page.waitForURL(/shop\.test/);
    await page.goBack({ waitUntil: 'commit' });
    await expect(page).toHaveTitle('restored from bfcache');
    await page.waitForTimeout(1500);
    await expect(async () => {
      const impressions = eventsFor(await storedEvents(worker), 'impression', 'c=bf');
      expect(impressions).toHaveLength(2);
      expect(distinct(impressions.map((e) => e.pageViewId))).toBe(2);
    }).toPass({ timeout: 8000 });
  } finally {
    await context.close();
  }
});

test('ads that an infinite feed appends by script are new ads', async ({ page, port, serviceWorker }) => {
  await page.goto(url(port, '/feed.html'));
  await page.waitForTimeout(500);
  await scrollThrough(page);
  await expect(async () => {
    const impressions = eventsFor(await storedEvents(serviceWorker), 'impression', 'feed=');
    expect(impressions).toHaveLength(6);
    expect(distinct(impressions.map((e) => e.landingUrl))).toBe(6);
  }).toPass({ timeout: 8000 });
});

test('a virtualised list that recycles nodes counts each ad once', async ({ page, port, serviceWorker }) => {
  await page.goto(url(port, '/virtual.html'));
  await page.waitForTimeout(500);
  await scrollThrough(page);
  await page.mouse.move(640, 360);
  for (let i = 0; i < 70; i++) {
    await page.mouse.wheel(0, -360);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(1500);
  await expect(async () => {
    const impressions = eventsFor(await storedEvents(serviceWorker), 'impression', 'item=');
    expect(impressions.map((e) => new URL(e.landingUrl!).searchParams.get('item')).sort()).toEqual(['10', '40']);
    expect(distinct(impressions.map((e) => e.fingerprint))).toBe(2);
  }).toPass({ timeout: 8000 });
});

test('clicks: the page\'s synthetic clicks never count; a middle click and a keyboard activation do', async ({ page, port, serviceWorker }) => {
  await page.goto(url(port, '/clicks.html'));
  await expect(page).toHaveTitle('synthetic clicks done', { timeout: 5000 });
  const box = await page.locator('#link-2 img').boundingBox();
  await page.mouse.click(box!.x + 20, box!.y + 20, { button: 'middle' });
  await page.focus('#link-3');
  const opened = page.context().waitForEvent('page');
  await page.keyboard.press('Enter');
  await (await opened).close();
  await page.waitForTimeout(1500);
  await expect(async () => {
    const events = await storedEvents(serviceWorker);
    expect(eventsFor(events, 'click', 'c=2')).toHaveLength(1);
    expect(eventsFor(events, 'click', 'c=3')).toHaveLength(1);
  }).toPass({ timeout: 8000 });
  const clicks = (await storedEvents(serviceWorker)).filter((e) => e.type === 'click');
  expect(clicks).toHaveLength(2);
});

test('clicks inside cross-origin iframes are reported by the frame; in a frame that runs no script they are inferred', async ({ page, port, serviceWorker }) => {
  await page.goto(url(port, '/frames.html'), { waitUntil: 'domcontentloaded' });
  await page.waitForTimeout(1500);
  const ads = await detectionsOf(serviceWorker, '*://measure.test/*');
  const adIds: Record<string, string> = {};
  for (const f of ['#ad-frame', '#ad-sandboxed', '#ad-loading']) {
    const path = await page.$eval(f, cssPath);
    adIds[f] = ads.find((a) => a.path === path)?.adId ?? `missing ${f}`;
  }
  // The script-less frame first: focus then moves from the page into it (a window blur). Focus moving from one
  // frame straight into another reaches the page as no event at all (docs/measurement.md).
  for (const selector of ['#ad-loading iframe', '#ad-frame iframe', '#ad-sandboxed iframe']) {
    const box = await page.locator(selector).boundingBox();
    const opened = page.context().waitForEvent('page', { timeout: 3000 }).catch(() => null);
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await (await opened)?.close();
    await page.bringToFront();
    await page.waitForTimeout(1500);
  }
  await expect(async () => {
    const clicks = (await storedEvents(serviceWorker)).filter((e) => e.type === 'click');
    const byFrame = (f: string) => clicks.filter((c) => c.inFrame && c.adId === adIds[f]).map((c) => c.inferred);
    expect(clicks).toHaveLength(3);
    expect(byFrame('#ad-frame')).toEqual([false]);
    expect(byFrame('#ad-sandboxed')).toEqual([false]);
    expect(byFrame('#ad-loading')).toEqual([true]);
  }).toPass({ timeout: 8000 });
  // The frame's own report carries the landing page the top frame cannot see across origins.
  const reported = (await storedEvents(serviceWorker)).find((e) => e.type === 'click' && !e.inferred);
  expect(reported?.landingUrl).toContain('shop.test');
});

test('the same creative on two sites has one fingerprint; another creative has another', async ({ page, port, serviceWorker }) => {
  await page.goto(url(port, '/same-creative.html'));
  await page.waitForTimeout(1500);
  await page.goto(url(port, '/same-creative.html', 'other.test'));
  await page.waitForTimeout(1500);
  await page.goto('about:blank');
  await expect(async () => {
    const impressions = (await storedEvents(serviceWorker)).filter((e) => e.type === 'impression');
    const measure = impressions.filter((e) => e.site === 'measure.test');
    const other = impressions.filter((e) => e.site === 'other.test');
    expect(measure).toHaveLength(1);
    expect(other).toHaveLength(2);
    const sunny = other.find((e) => e.landingUrl?.includes('sunny-shoes'));
    const nova = other.find((e) => e.landingUrl?.includes('/nova'));
    expect(sunny?.fingerprint).toBe(measure[0]!.fingerprint);
    expect(nova?.fingerprint).not.toBe(measure[0]!.fingerprint);
    // Unwrapped from the ad server's click redirector, with its registrable domain as advertiser.
    expect(measure[0]!.landingUrl).toMatch(/^http:\/\/shop\.test\/sunny-shoes\?/);
    expect(measure[0]!.advertiser).toBe('shop.test');
  }).toPass({ timeout: 8000 });
});


test('an SPA that re-renders every ad on navigation: the new elements are new ads, and going back counts the home ads again', async ({ page, port, serviceWorker }) => {
  // spa.test re-renders its view on pushState: the home view has 2 GPT slots and 2 "Sponsored · Brand" cards,
  // the deals view 2 GPT slots re-created with the same div ids and 1 card; going back re-renders home anew.
  const impressionsByView = async () => {
    const impressions = (await storedEvents(serviceWorker)).filter((e) => e.type === 'impression' && e.site === 'spa.test');
    // Impressions per page view, the page views in the order they began.
    const views = new Map<string, number>();
    for (const e of impressions.sort((a, b) => a.time - b.time)) views.set(e.pageViewId, (views.get(e.pageViewId) ?? 0) + 1);
    return [...views.values()];
  };
  await page.goto(url(port, '/', 'spa.test'));
  await page.waitForTimeout(500);
  await scrollThrough(page);
  await expect(async () => expect(await impressionsByView()).toEqual([4])).toPass({ timeout: 8000 });

  await page.mouse.wheel(0, -100_000);
  await page.waitForTimeout(300);
  await page.getByRole('navigation').getByRole('link', { name: 'Deals' }).click();
  await expect(page).toHaveURL(/\/deals$/);
  await page.waitForTimeout(500);
  await scrollThrough(page);
  await expect(async () => expect(await impressionsByView()).toEqual([4, 3])).toPass({ timeout: 8000 });

  await page.goBack();
  await expect(page.locator('[data-view="home"]')).toHaveCount(1);
  await page.waitForTimeout(500);
  await scrollThrough(page);
  await expect(async () => expect(await impressionsByView()).toEqual([4, 3, 4])).toPass({ timeout: 8000 });

  // A click on a re-rendered ad counts once, in the page view it belongs to.
  const opened = page.context().waitForEvent('page');
  await page.locator('[data-card="home-7"] h3 a').click();
  await (await opened).close();
  await expect(async () => {
    const events = await storedEvents(serviceWorker);
    const clicks = eventsFor(events, 'click', 'c=hp_n2');
    expect(clicks).toHaveLength(1);
    const impressionOfThirdView = eventsFor(events, 'impression', 'c=hp_n2').sort((a, b) => a.time - b.time).at(-1);
    expect(clicks[0]!.pageViewId).toBe(impressionOfThirdView?.pageViewId);
  }).toPass({ timeout: 8000 });
  await page.waitForTimeout(1000);
  expect(await impressionsByView()).toEqual([4, 3, 4]);
});
