/**
 * Delivery (docs/measurement.md): every event a page records reaches the database exactly once, however
 * often Chromium stops the service worker under it. Pages on delivery.test show a grid of Google Ad Manager
 * slots, all in view, so each ad is one impression and one viewable impression; the test clicks some of
 * them. Meanwhile it stops the worker again and again, often just after a message woke it (a batch or a
 * rules request in flight). When every outbox has drained, the popup's table and the raw `events` store must
 * hold exactly one impression and one viewable per ad and one click per click made: nothing lost (retries
 * work) and nothing doubled (a batch stored but not acknowledged is stored once when retried).
 */
import type { Page, Worker } from '@playwright/test';
import type { StoredEvent } from '../src/common/types';
import { expect, tabIdOf, test } from './fixtures';
import type { PopupPage } from './pages/popup-page';
import { storedEvents } from './stored-events';
import { isMarked, markGlobalScope, WorkerKiller } from './worker-kills';

const HOST = 'delivery.test';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

interface Grid {
  ads: number;
  /** Ads are added by script in `steps` steps spread over `over` ms (an ad tag rendering slot after slot). */
  over: number;
  steps: number;
  seed: number;
}

const gridUrl = (port: number, { ads, over, steps, seed }: Grid) => `http://${HOST}:${port}/?ads=${ads}&over=${over}&steps=${steps}&seed=${seed}`;
/** The first step's ads are in the page from load, so they can be clicked as soon as they are detected. */
const firstStep = ({ ads, steps }: Grid) => Math.round(ads / steps);

interface TabState {
  url: string;
  ads: number;
  pending: number;
}

/** Every delivery.test tab's detections and outbox size, asked of each top frame through the service worker. */
async function tabStates(worker: Worker): Promise<TabState[]> {
  return worker.evaluate(async (host) => {
    type State = { ads: unknown[]; pending: number };
    type Api = {
      tabs: {
        query(q: object): Promise<{ id?: number; url?: string }[]>;
        sendMessage(id: number, m: object, o: object): Promise<State>;
      };
    };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const tabs = await api.tabs.query({ url: `*://${host}/*` });
    return Promise.all(
      tabs.map(async (tab) => {
        const state = await api.tabs.sendMessage(tab.id!, { type: 'listDetections' }, { frameId: 0 });
        return { url: tab.url ?? '', ads: state.ads.length, pending: state.pending };
      }),
    );
  }, HOST);
}

/** Waits until every tab has detected all its ads. */
async function waitForDetection(killer: WorkerKiller, tabs: number, adsPerTab: number) {
  await expect
    .poll(async () => (await tabStates(await killer.live())).filter((s) => s.ads >= adsPerTab).length, { timeout: 60_000, intervals: [500] })
    .toBe(tabs);
}

/**
 * Waits until each tab's outbox has been seen empty. Called after the last event other than dwell was
 * recorded, so an empty outbox means all of them were acknowledged. (Dwell events are re-sent every 5 s while
 * ads stay in view, so the outboxes do not stay empty; they need not.) Retries back off up to 30 s.
 */
async function waitForDrainedOutboxes(killer: WorkerKiller, tabs: number) {
  const drained = new Set<string>();
  await expect
    .poll(
      async () => {
        for (const state of await tabStates(await killer.live())) if (state.pending === 0) drained.add(state.url);
        return drained.size;
      },
      { timeout: 90_000, intervals: [250] },
    )
    .toBe(tabs);
}

/** Clicks the middle of ad `index` with the real mouse (a trusted click; the page keeps the reader on it). */
async function clickAd(page: Page, index: number) {
  const box = await page.locator(`#div-gpt-ad-1700000000000-${index}`).boundingBox();
  if (!box) throw new Error(`ad ${index} is not on the page`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Stops the worker `kills` times while the pages produce events, for at least `minMs`, clicking an ad in each
 * of the first `clicks` rounds (a click sends its batch at once). A killing round waits for something to wake
 * the worker (a batch, a retry, a rules request) and stops it while that message is being handled: either
 * 0–300 ms after it woke, or as the next batch's transaction writes its totals (just before it commits; a
 * stop then may leave the batch stored but unacknowledged). Every third round spares the worker for 1.5–3 s
 * once it is woken, so that batches get through and the outboxes' backoff (1 s, 2 s, 4 s … 30 s) resets, as
 * between real idle stops.
 */
async function killWhileDelivering(
  killer: WorkerKiller,
  { kills, minMs, clicks }: { kills: number; minMs: number; clicks: number },
  click: (round: number) => Promise<void>,
) {
  const end = Date.now() + minMs;
  for (let round = 0; round < clicks || killer.kills < kills || Date.now() < end; round++) {
    const atCommit = round % 2 === 1;
    const commit = atCommit ? killer.nextTotalsWrite(3000) : null;
    if (round < clicks) await click(round);
    // Everything wakes the worker within a backoff's 30 s while a page has events to send.
    await killer.waitForStatus((s) => s === 'starting' || s === 'running', 35_000);
    if (round % 3 === 2) {
      await sleep(between(1500, 3000));
      continue;
    }
    if (commit) await commit;
    else await sleep(between(0, 300));
    await killer.kill();
  }
}

interface Counts {
  impression: number;
  viewable: number;
  click: number;
  dwell: number;
  measured: number;
}

function countByType(events: StoredEvent[]): Counts {
  const counts: Counts = { impression: 0, viewable: 0, click: 0, dwell: 0, measured: 0 };
  for (const e of events) counts[e.type]++;
  return counts;
}

/** The popup's row for delivery.test, read as a person reads it. */
async function popupRow(popup: PopupPage, tabId: number) {
  await popup.open(tabId);
  const row = (await popup.rows()).find((r) => r.site === HOST);
  return row && { impressions: row.impressions, viewable: row.viewable, clicks: row.clicks };
}

test.describe.configure({ timeout: 300_000 });

test('worker kills while a page records over 2,000 events: every event stored exactly once', async ({
  context,
  page,
  popup,
  port,
  serviceWorker,
  extensionId,
}) => {
  // Ads keep arriving through most of the kills, so that most batches carry impressions and viewables.
  // 1,000 ads: the most one page view counts (MAX_ADS, content/scan-limits.ts); with 40 clicks, 2,040 events.
  const grid: Grid = { ads: 1000, over: 30_000, steps: 30, seed: 1 };
  const killer = await WorkerKiller.attach(context, page, extensionId);
  await markGlobalScope(serviceWorker);

  await page.goto(gridUrl(port, grid));
  await expect.poll(async () => (await tabStates(await killer.live()))[0]?.ads ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(firstStep(grid));

  // Kill through the ads' arrival and their viewable second, clicking ads of the first step.
  const clicks = 40;
  await killWhileDelivering(killer, { kills: 40, minMs: grid.over + 3000, clicks }, (round) => clickAd(page, round));

  await waitForDetection(killer, 1, grid.ads);
  await sleep(5500); // one more dwell report (every 5 s) covers the last ads to arrive
  await waitForDrainedOutboxes(killer, 1);

  const worker = await killer.live();
  // The worker really was stopped: this one is a fresh global scope, and DevTools saw a start per stop.
  expect(await isMarked(worker)).toBe(false);
  expect(killer.starts, 'worker starts seen by DevTools').toBeGreaterThanOrEqual(killer.kills);

  const expected = { impressions: grid.ads, viewable: grid.ads, clicks };
  expect(expected.impressions + expected.viewable + expected.clicks).toBeGreaterThanOrEqual(2000);
  const events = (await storedEvents(worker)).filter((e) => e.site === HOST);
  expect(countByType(events)).toEqual({ impression: grid.ads, viewable: grid.ads, click: clicks, dwell: grid.ads, measured: grid.ads });
  expect(new Set(events.filter((e) => e.type === 'impression').map((e) => e.adId)).size).toBe(grid.ads);
  expect(new Set(events.filter((e) => e.type === 'viewable').map((e) => e.adId)).size).toBe(grid.ads);

  const tabId = await tabIdOf(worker, `*://${HOST}/*`);
  expect(await popupRow(popup, tabId)).toEqual(expected);
  console.log(`delivery: ${grid.ads} ads, ${clicks} clicks, ${killer.kills} worker stops, ${killer.starts} starts`);
});

test('twenty tabs recording at once through worker kills: exact counts per tab and in total', async ({
  context,
  page,
  popup,
  port,
  serviceWorker,
  extensionId,
}) => {
  const TABS = 20;
  const grids: Grid[] = Array.from({ length: TABS }, (_, i) => ({ ads: 60, over: 3000, steps: 6, seed: 100 + i }));
  const killer = await WorkerKiller.attach(context, page, extensionId);
  await markGlobalScope(serviceWorker);

  const pages: Page[] = [];
  for (const grid of grids) {
    const tab = await context.newPage();
    await tab.goto(gridUrl(port, grid));
    pages.push(tab);
  }
  // Start once every tab's first ads are found; the rest arrive while the worker is being killed.
  await expect
    .poll(async () => (await tabStates(await killer.live())).filter((s) => s.ads >= firstStep(grids[0]!)).length, { timeout: 60_000 })
    .toBe(TABS);

  // Two clicks in every tab, one tab after another, each sending its tab's batch at once.
  const clicks = 2 * TABS;
  await killWhileDelivering(killer, { kills: 30, minMs: 10_000, clicks }, (round) => clickAd(pages[round % TABS]!, Math.floor(round / TABS)));

  await waitForDetection(killer, TABS, grids[0]!.ads);
  await sleep(5500); // one more dwell report (every 5 s) covers the last ads to arrive
  await waitForDrainedOutboxes(killer, TABS);

  const worker = await killer.live();
  expect(await isMarked(worker)).toBe(false);

  const events = (await storedEvents(worker)).filter((e) => e.site === HOST);
  for (const grid of grids) {
    const ofTab = events.filter((e) => (e.landingUrl ?? '').includes(`?c=${grid.seed}-`));
    expect(countByType(ofTab), `tab ${grid.seed}`).toEqual({ impression: grid.ads, viewable: grid.ads, click: 2, dwell: grid.ads, measured: grid.ads });
    expect(new Set(ofTab.map((e) => e.pageViewId)).size, `tab ${grid.seed}: one page view`).toBe(1);
  }
  const ads = TABS * grids[0]!.ads;
  expect(countByType(events)).toEqual({ impression: ads, viewable: ads, click: clicks, dwell: ads, measured: ads });

  const tabId = await tabIdOf(worker, `*://${HOST}/*`);
  expect(await popupRow(popup, tabId)).toEqual({ impressions: ads, viewable: ads, clicks });
  console.log(`twenty tabs: ${ads} ads, ${clicks} clicks, ${killer.kills} worker stops, ${killer.starts} starts`);
  for (const tab of pages) await tab.close();
});

test('a page view counts at most 1,000 ads, every one of them exactly, and says in the console that it stopped', async ({ page, port, serviceWorker }) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().startsWith('AdTally')) warnings.push(message.text());
  });
  // 1,050 slots, all in view from load: more ads than one page view counts (MAX_ADS, docs/measurement.md).
  await page.goto(gridUrl(port, { ads: 1050, over: 0, steps: 1, seed: 3 }));
  await expect
    .poll(async () => (await storedEvents(serviceWorker)).filter((e) => e.site === HOST && e.type === 'viewable').length, { timeout: 60_000 })
    .toBe(1000);
  await page.waitForTimeout(2000);
  const events = (await storedEvents(serviceWorker)).filter((e) => e.site === HOST);
  expect(countByType(events)).toMatchObject({ impression: 1000, viewable: 1000, click: 0, measured: 1000 });
  expect(new Set(events.filter((e) => e.type === 'impression').map((e) => e.adId)).size).toBe(1000);
  expect(warnings).toEqual([expect.stringContaining('stopped looking for ads on this page view at its cap (1000 ads)')]);
});
