/**
 * Clicks and the page views they end (docs/measurement.md, Click and Delivery), in real Chromium with the
 * built extension on measure.test fixture pages. Leaving a page for another site by a click keeps everything
 * the page view owed: the click, impressions a moment old, and the dwell up to the moment the page went.
 */
import type { Page, Worker } from '@playwright/test';
import { cssPath } from '../src/common/css-path';
import type { StoredEvent } from '../src/common/types';
import { detectionsOf } from './accuracy/measure';
import { expect, test } from './fixtures';
import { eventsFor, storedEvents } from './stored-events';

const url = (port: number, path: string, host = 'measure.test') => `http://${host}:${port}${path}`;
const one = (events: StoredEvent[], type: StoredEvent['type'], marker: string) => {
  const found = eventsFor(events, type, marker);
  expect(found, `${type} events of ${marker}`).toHaveLength(1);
  return found[0]!;
};
/** leave.html's links lead to pages that answer this late (?delay=): the page is still shown meanwhile. */
const LANDING_DELAY_MS = 1500;
const adsFound = async (worker: Worker) => (await detectionsOf(worker, '*://measure.test/*')).length;

/**
 * Opens leave.html, keeps #ad-leave in view a few seconds (at least one periodic dwell report, every 5 s,
 * has gone; the rest is still owed), lets the page render #ad-late (an impression recorded and still queued),
 * then clicks `selector` with the mouse, which takes the tab to shop.test. Returns when the click was made
 * and when the next page was there.
 */
async function leaveByClick(page: Page, worker: Worker, port: number, selector: string) {
  await page.goto(url(port, '/leave.html'));
  await expect.poll(() => adsFound(worker), { timeout: 15_000 }).toBe(1);
  await page.waitForTimeout(7000);
  await page.evaluate(() => (window as unknown as { addLateAd(): void }).addLateAd());
  await expect.poll(() => adsFound(worker), { timeout: 15_000 }).toBe(2);
  await page.waitForTimeout(200);
  const box = await page.locator(selector).boundingBox();
  const clickedAt = Date.now();
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await page.waitForURL(/shop\.test/);
  return { clickedAt, landedAt: Date.now() };
}

/**
 * The dwell stored for #ad-leave is its time in view: from its impression until the page was left, which is
 * at least LANDING_DELAY_MS after the click (the next page answers no sooner) and before the test saw it.
 */
function expectWholeDwell(events: StoredEvent[], { clickedAt, landedAt }: { clickedAt: number; landedAt: number }) {
  const impression = one(events, 'impression', 'c=leave');
  const dwell = one(events, 'dwell', 'c=leave');
  const least = clickedAt + LANDING_DELAY_MS - impression.time;
  expect(dwell.dwellMs).toBeGreaterThanOrEqual(least - 100);
  expect(dwell.dwellMs).toBeLessThanOrEqual(landedAt - impression.time + 100);
  return `dwell stored ${dwell.dwellMs} ms; in view ${least}–${landedAt - impression.time} ms`;
}

test('a click on an ad that leaves for another site keeps the click, every impression and the whole dwell', async ({ page, port, serviceWorker }) => {
  const times = await leaveByClick(page, serviceWorker, port, '#ad-leave img');
  let measured = '';
  await expect(async () => {
    const events = await storedEvents(serviceWorker);
    one(events, 'click', 'c=leave');
    one(events, 'impression', 'c=late');
    measured = expectWholeDwell(events, times);
    // Filed under the page that was left, not the one the tab went to.
    expect(new Set(events.map((e) => `${e.site} ${e.pageUrl}`))).toEqual(new Set([`measure.test http://measure.test:${port}/leave.html`]));
  }).toPass({ timeout: 15_000 });
  console.log(`leave by an ad click: ${measured}`);
});

test('leaving for another site by a link of the page keeps an impression a moment old and the whole dwell', async ({ page, port, serviceWorker }) => {
  const times = await leaveByClick(page, serviceWorker, port, '#away');
  let measured = '';
  await expect(async () => {
    const events = await storedEvents(serviceWorker);
    one(events, 'impression', 'c=late');
    measured = expectWholeDwell(events, times);
    expect(events.filter((e) => e.type === 'click')).toEqual([]);
    expect(new Set(events.map((e) => e.site))).toEqual(new Set(['measure.test']));
  }).toPass({ timeout: 15_000 });
  console.log(`leave by a page link: ${measured}`);
});

/** The title of the measure.test tab, asked of the browser by the service worker: nothing touches the page. */
async function titleOf(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ title?: string }[]> } } }).chrome;
    return (await api.tabs.query({ url: '*://measure.test/*' }))[0]?.title ?? '';
  });
}

/** Past the transient user activation (5 s) of the last thing a person, or Playwright, did in the page. */
const ACTIVATION_OVER_MS = 6000;

test('focus the page moves into ad frames is no click; a click into a script-less ad frame still is', async ({ context, page, port, serviceWorker }) => {
  // Playwright's own calls into the page (evaluate, locators) give it user activation, as a person would:
  // none is made until the page has moved the focus by itself (a navigation to #start gives none).
  await page.goto(url(port, '/focus.html'), { waitUntil: 'domcontentloaded' });
  await expect.poll(() => adsFound(serviceWorker), { timeout: 15_000 }).toBe(2);
  await page.goto(url(port, '/focus.html#start'), { waitUntil: 'commit' });
  await expect.poll(() => titleOf(serviceWorker), { timeout: 60_000, intervals: [500] }).toBe('scripted focus done');
  await page.waitForTimeout(1500);
  expect((await storedEvents(serviceWorker)).filter((e) => e.type === 'click')).toEqual([]);
  const button = (await page.locator('#page-button').boundingBox())!;
  const frameB = (await page.locator('#frame-b').boundingBox())!;
  const pathB = await page.$eval('#ad-b', cssPath);

  // A person clicks a page button whose handler focuses #ad-a's frame: a click on the page, not in the ad.
  await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
  await page.waitForTimeout(ACTIVATION_OVER_MS);
  // A real click into #ad-b's frame, which runs no script: only focus tells of it.
  const opened = context.waitForEvent('page', { timeout: 5000 }).catch(() => null);
  await page.mouse.click(frameB.x + frameB.width / 2, frameB.y + frameB.height / 2);
  await (await opened)?.close();

  const ads = await detectionsOf(serviceWorker, '*://measure.test/*');
  const adB = ads.find((a) => a.path === pathB)?.adId ?? 'ad-b not found';
  await expect(async () => {
    const clicks = (await storedEvents(serviceWorker)).filter((e) => e.type === 'click');
    expect(clicks.map((c) => ({ adId: c.adId, inFrame: c.inFrame, inferred: c.inferred }))).toEqual([{ adId: adB, inFrame: true, inferred: true }]);
  }).toPass({ timeout: 15_000 });

  // The premise, in this browser: the page's own focus moves had no activation; the click inside the
  // cross-origin frame gave the top page activation (the last blur).
  const log = await page.evaluate(() => (window as unknown as { focusLog: { active: boolean | null; on: string }[] }).focusLog);
  expect(log.slice(0, 31).filter((entry) => entry.active !== false), JSON.stringify(log)).toEqual([]);
  expect(log.at(-1)).toMatchObject({ active: true, on: 'frame-b' });
  expect(log).toHaveLength(33);
  // Nothing more came later (an inference waits 1 s).
  await page.waitForTimeout(1500);
  expect((await storedEvents(serviceWorker)).filter((e) => e.type === 'click')).toHaveLength(1);
});
