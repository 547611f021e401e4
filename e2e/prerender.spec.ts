/**
 * Prerender activation (docs/measurement.md, Page view): a page prerendered through speculation rules counts
 * nothing while `document.prerendering`, and its ads count in a page view of its own once it is activated.
 *
 * Driven by puppeteer-core, not Playwright: Chromium refuses to prerender while a DevTools session is attached
 * to the page's own target instead of through its tab target (Preload.prerenderStatusUpdated reports
 * `PrerenderingDisabledByDevTools`; `HasSessionsWithoutTabTargetSupport` in Chromium's
 * devtools_instrumentation.cc). Playwright attaches to every page that way, so under it `activationStart`
 * stays 0. Puppeteer attaches through tab targets. For the same reason this test opens no CDP session of its
 * own on the page (page.createCDPSession() attaches to the page target and prerendering stops again).
 */
import puppeteer from 'puppeteer-core';
import type { Browser, WebWorker } from 'puppeteer-core';
import { startFixtureServer } from '../scripts/fixture-server.mjs';
import { BROWSER_FLAGS, CHROMIUM_PATH, EXTENSION_DIR } from '../scripts/launch-chromium.mjs';
import { expect, test } from '@playwright/test';
import { eventsFor, readStoredEvents } from './stored-events';
import { closeWelcomeTarget } from './welcome-tab';

interface SeenMessage {
  type: unknown;
  url?: string;
  lifecycle?: string;
}

/** The part of the service worker's global `chrome` this test uses. */
interface ServiceWorkerGlobal {
  chrome?: {
    runtime: {
      onMessage: { addListener(listener: (message: { type?: unknown } | undefined, sender: { url?: string; documentLifecycle?: string }) => void): void };
    };
  };
  seenMessages: SeenMessage[];
}

async function launch(): Promise<{ browser: Browser; serviceWorker: WebWorker }> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    enableExtensions: [EXTENSION_DIR],
    defaultViewport: { width: 1280, height: 720 },
    args: BROWSER_FLAGS,
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
    timeout: 15_000,
  });
  const serviceWorker = (await target.worker())!;
  // The worker's target shows up before the extension API is bound in it.
  await expect(async () => expect(await serviceWorker.evaluate(() => typeof (globalThis as unknown as ServiceWorkerGlobal).chrome)).toBe('object')).toPass({ timeout: 5000 });
  await closeWelcomeTarget(browser);
  return { browser, serviceWorker };
}

test('a prerendered page counts nothing until it is activated, then its ads count in a new page view', async () => {
  const server = await startFixtureServer();
  const { browser, serviceWorker } = await launch();
  try {
    // Record, in the background, every message a content script sends and the lifecycle of the document that
    // sent it: nothing may come from a document while it is prerendered, not even the request for its rules.
    await serviceWorker.evaluate(() => {
      const global = globalThis as unknown as ServiceWorkerGlobal;
      global.seenMessages = [];
      global.chrome!.runtime.onMessage.addListener((message, sender) => {
        global.seenMessages.push({ type: message?.type, url: sender.url, lifecycle: sender.documentLifecycle });
      });
    });
    const seenMessages = () => serviceWorker.evaluate(() => (globalThis as unknown as ServiceWorkerGlobal).seenMessages);
    const fromPrerendered = (messages: SeenMessage[]) => messages.filter((m) => m.url?.endsWith('/prerendered.html'));

    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.goto(`http://measure.test:${server.port}/prerender.html`);
    // The prerendered page reports its load (a storage event retitles this page); then long enough
    // for a content script in it to start, scan, ask for rules and flush.
    await page.waitForFunction(() => document.title === 'prerendered page loaded', { timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 2000));
    expect(fromPrerendered(await seenMessages())).toEqual([]);
    expect(eventsFor(await serviceWorker.evaluate(readStoredEvents), 'impression', 'c=pre')).toEqual([]);

    await page.click('#go');
    // Activation swaps the tab's main frame for the prerendered one, and for a moment Puppeteer may still hold
    // the old frame (waitForNavigation or evaluate throw "detached Frame"): read the new document by polling.
    const readActivated = () =>
      page.evaluate(() => {
        const seen = window as unknown as { startedPrerendering?: boolean; loadedWhilePrerendering?: boolean };
        // activationStart: milliseconds from the prerender's start to its activation; 0 for a page never prerendered.
        const { activationStart } = performance.getEntriesByType('navigation')[0] as PerformanceEntry & { activationStart: number };
        return {
          path: location.pathname,
          startedPrerendering: seen.startedPrerendering,
          loadedWhilePrerendering: seen.loadedWhilePrerendering,
          activationStart,
          activatedAt: performance.timeOrigin + activationStart,
        };
      });
    let activated: Awaited<ReturnType<typeof readActivated>> | undefined;
    await expect(async () => {
      activated = await readActivated();
      expect(activated.path).toBe('/prerendered.html');
    }).toPass({ timeout: 10_000 });
    const seenByPage = activated!;
    // It really was prerendered, and loaded (content scripts injected) before the person navigated to it.
    expect(seenByPage.startedPrerendering).toBe(true);
    expect(seenByPage.loadedWhilePrerendering).toBe(true);
    expect(seenByPage.activationStart).toBeGreaterThan(0);

    await expect(async () => {
      const impressions = eventsFor(await serviceWorker.evaluate(readStoredEvents), 'impression', 'c=pre');
      expect(impressions).toHaveLength(1);
      expect(impressions[0]!.time).toBeGreaterThanOrEqual(Math.floor(seenByPage.activatedAt));
    }).toPass({ timeout: 8000 });
    const messages = fromPrerendered(await seenMessages());
    // The activated document did its work: rules asked for and events sent, all after activation.
    expect(messages.map((m) => m.type)).toEqual(expect.arrayContaining(['pageRules', 'events']));
    expect(messages.filter((m) => m.lifecycle !== 'active')).toEqual([]);
  } finally {
    await browser.close();
    await server.close();
  }
});
