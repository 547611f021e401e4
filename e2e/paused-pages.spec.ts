/**
 * Paused and out-of-scope pages (docs/measurement.md): a page view asks the background first whether its page is
 * tracked, and where it is not, the content script reads, observes and tracks nothing: no ads listed, no element
 * observed, no event queued, not merely none stored. The next page view after a resume, or after the site comes
 * into scope, counts again (a reload, or an SPA navigation without one).
 */
import type { Worker } from '@playwright/test';
import { scrollThrough } from '../scripts/visit.mjs';
import { pageState } from './accuracy/measure';
import { expect, test } from './fixtures';
import { storedEvents } from './stored-events';

async function setSettings(serviceWorker: Worker, settings: object): Promise<void> {
  await serviceWorker.evaluate(async (value) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
    await api.storage.local.set({ settings: value });
  }, settings);
}

/** The top frame's state once the background has answered whether the page is tracked. */
async function answered(serviceWorker: Worker, urlPattern: string) {
  await expect.poll(async () => (await pageState(serviceWorker, urlPattern).catch(() => null))?.tracked ?? null, { timeout: 15_000 }).not.toBeNull();
  return pageState(serviceWorker, urlPattern);
}

const eventsOn = async (serviceWorker: Worker, site: string) => (await storedEvents(serviceWorker)).filter((e) => e.site === site);

test('a paused site is not read at all; resumed, its next page view counts', async ({ page, port, serviceWorker }) => {
  await setSettings(serviceWorker, { scope: 'deny', pausedSites: ['news.test'] });
  await page.goto(`http://news.test:${port}/`);
  expect(await answered(serviceWorker, '*://news.test/*')).toMatchObject({ tracked: false, ads: [], observed: 0, pending: 0, pageViews: 1 });
  // Read to the end, past every ad: still nothing found, observed or queued.
  await scrollThrough(page);
  expect(await pageState(serviceWorker, '*://news.test/*')).toMatchObject({ tracked: false, ads: [], observed: 0, pending: 0 });

  await setSettings(serviceWorker, { scope: 'deny', pausedSites: [] });
  await page.reload();
  await expect.poll(async () => (await pageState(serviceWorker, '*://news.test/*')).ads.length, { timeout: 15_000 }).toBeGreaterThan(0);
  expect((await pageState(serviceWorker, '*://news.test/*')).tracked).toBe(true);
  await scrollThrough(page);
  await expect.poll(async () => (await eventsOn(serviceWorker, 'news.test')).filter((e) => e.type === 'impression').length, { timeout: 15_000 }).toBeGreaterThan(0);
  // Every stored event is the resumed page view's: the paused one made none.
  expect(new Set((await eventsOn(serviceWorker, 'news.test')).map((e) => e.pageViewId)).size).toBe(1);
});

test('everything is paused: nothing is read on any site', async ({ page, port, serviceWorker }) => {
  await setSettings(serviceWorker, { paused: true });
  await page.goto(`http://blog.test:${port}/`);
  expect(await answered(serviceWorker, '*://blog.test/*')).toMatchObject({ tracked: false, ads: [], observed: 0, pending: 0 });
});

test('a site out of scope is not read; brought into scope, the next SPA page view counts', async ({ page, port, serviceWorker }) => {
  await setSettings(serviceWorker, { scope: 'allow', allowSites: ['blog.test'] });
  // In scope, for contrast: the same build finds the ads of a site on the list.
  await page.goto(`http://blog.test:${port}/`);
  await expect.poll(async () => (await pageState(serviceWorker, '*://blog.test/*')).ads.length, { timeout: 15_000 }).toBeGreaterThan(0);

  await page.goto(`http://measure.test:${port}/spa.html`);
  expect(await answered(serviceWorker, '*://measure.test/*')).toMatchObject({ tracked: false, ads: [], observed: 0, pending: 0, pageViews: 1 });

  await setSettings(serviceWorker, { scope: 'allow', allowSites: ['blog.test', 'measure.test'] });
  await page.click('#next');
  await expect.poll(async () => (await pageState(serviceWorker, '*://measure.test/*')).ads.length, { timeout: 15_000 }).toBe(1);
  expect(await pageState(serviceWorker, '*://measure.test/*')).toMatchObject({ tracked: true, observed: 1, pageViews: 2 });
  await expect.poll(async () => (await eventsOn(serviceWorker, 'measure.test')).length, { timeout: 15_000 }).toBeGreaterThan(0);
});
