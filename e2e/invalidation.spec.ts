/**
 * "Extension context invalidated" (docs/measurement.md, Delivery): when AdTally is reloaded under open pages,
 * their old content scripts can no longer reach it. Each must tear itself down (no listener, observer or timer
 * left, no errors thrown into the page) and the page must go on working; the reloaded extension injects into
 * new documents only, so nothing is counted twice.
 *
 * Two pages, one reload: measure.test/spa.html has sent nothing when the reload comes (its ad is out of view)
 * and learns of it from its next page view's rules request; viewability.html learns of it from its outbox,
 * sending the impression of an ad scrolled into view after the reload.
 */
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import { pageState } from './accuracy/measure';
import { expect, test } from './fixtures';
import { eventsFor, storedEvents } from './stored-events';

/**
 * Event listeners that AdTally's top-frame content script (content.js) holds on window and document, read
 * through the DevTools protocol in the script's own isolated world (listeners are listed per world).
 */
async function contentScriptListeners(context: BrowserContext, page: Page): Promise<() => Promise<string[]>> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const scriptUrls = new Map<string, string>();
  const worlds: { id: number; name: string }[] = [];
  cdp.on('Debugger.scriptParsed', (e) => scriptUrls.set(e.scriptId, e.url));
  cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
  await cdp.send('Debugger.enable');
  await cdp.send('Runtime.enable');
  return async () => {
    const world = worlds.filter((w) => w.name === 'AdTally').at(-1);
    if (!world) throw new Error('no AdTally content script world in the page');
    const found: string[] = [];
    for (const target of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: target, contextId: world.id });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
      for (const l of listeners) if (scriptUrls.get(l.scriptId)?.endsWith('/content.js')) found.push(`${target}:${l.type}`);
    }
    return found;
  };
}

/** Reloads AdTally as its Reload button on chrome://extensions does; resolves to the new service worker. */
async function reloadExtension(context: BrowserContext, extensionId: string): Promise<Worker> {
  const extensions = await context.newPage();
  await extensions.goto('chrome://extensions');
  // Without developer mode, Chromium disables a reloaded unpacked extension (disable reason
  // unsupportedDeveloperExtension) instead of starting it again.
  await extensions.evaluate(() => (globalThis as unknown as DeveloperPrivate).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }));
  const restarted = context.waitForEvent('serviceworker');
  await extensions.evaluate((id) => (globalThis as unknown as DeveloperPrivate).chrome.developerPrivate.reload(id, { failQuietly: false }), extensionId);
  const worker = await restarted;
  await extensions.close();
  return worker;
}

interface DeveloperPrivate {
  chrome: { developerPrivate: { updateProfileConfiguration(c: object): Promise<void>; reload(id: string, o: object): Promise<void> } };
}

test('a reloaded extension leaves no old content script running, no errors in the page, and nothing counted twice', async ({ context, page, port, extensionId, serviceWorker }) => {
  const problems: string[] = [];
  const watch = (p: Page) => {
    p.on('pageerror', (error) => problems.push(`${p.url()} pageerror: ${error.message}`));
    p.on('console', (message) => {
      if (/invalidated/i.test(message.text()) || message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`${p.url()} console.${message.type()}: ${message.text()}`);
      }
    });
  };
  const spa = page;
  const viewability = await context.newPage();
  watch(spa);
  watch(viewability);
  const spaListeners = await contentScriptListeners(context, spa);
  const viewabilityListeners = await contentScriptListeners(context, viewability);

  // spa.html's ad is pushed below the fold, so it sends nothing before the reload.
  await spa.setViewportSize({ width: 1280, height: 100 });
  await spa.goto(`http://measure.test:${port}/spa.html`);
  await viewability.goto(`http://measure.test:${port}/viewability.html`);
  await viewability.waitForTimeout(1500);
  for (const [p, pattern] of [[spa, '*://measure.test/spa.html'], [viewability, '*://measure.test/viewability.html']] as const) {
    const state = await pageState(serviceWorker, pattern);
    expect(state.ads.length, p.url()).toBeGreaterThan(0);
    expect(state.pending, p.url()).toBe(0);
  }
  expect(await spaListeners()).toContain('window:pagehide');
  expect(await viewabilityListeners()).toContain('window:pagehide');

  const worker = await reloadExtension(context, extensionId);

  // spa.html: an SPA navigation starts a page view whose rules request finds the context invalidated.
  await spa.bringToFront();
  await spa.click('#next');
  // viewability.html: an ad comes into view; its impression cannot be delivered.
  await viewability.bringToFront();
  await viewability.locator('#ad-short').scrollIntoViewIfNeeded();
  await expect(async () => {
    expect(await spaListeners(), 'spa.html').toEqual([]);
    expect(await viewabilityListeners(), 'viewability.html').toEqual([]);
  }).toPass({ timeout: 10_000 });

  // The pages go on working, and what a person does in them now raises nothing from the dead script.
  await spa.bringToFront();
  await spa.setViewportSize({ width: 1280, height: 720 });
  await spa.click('#next');
  await spa.click('#hash');
  await expect(spa.locator('#story h1')).toHaveText('Story 3');
  await viewability.bringToFront();
  await viewability.locator('#ad-long').scrollIntoViewIfNeeded();
  await viewability.locator('#ad-long img').click({ modifiers: ['Control'] }).catch(() => {});
  await viewability.waitForTimeout(1500);
  expect(problems).toEqual([]);

  // The reloaded extension did not inject into the old documents: nothing can count twice in them.
  await expect(pageState(worker, '*://measure.test/viewability.html')).rejects.toThrow(/Receiving end does not exist/);
  expect(eventsFor(await storedEvents(worker), 'impression', 'c=short')).toEqual([]);

  // A new document gets the reloaded extension's content script, which counts the ad once.
  await viewability.reload();
  await viewability.waitForTimeout(1000);
  await viewability.locator('#ad-short').scrollIntoViewIfNeeded();
  await expect(async () => expect(eventsFor(await storedEvents(worker), 'impression', 'c=short')).toHaveLength(1)).toPass({ timeout: 8000 });
  await viewability.waitForTimeout(1500);
  expect(eventsFor(await storedEvents(worker), 'impression', 'c=short')).toHaveLength(1);
  expect((await pageState(worker, '*://measure.test/viewability.html')).pageViews).toBe(1);
  expect(problems).toEqual([]);
});
