/**
 * Playwright fixtures: the fixture-site server (one per worker), machine load for the "under load" project,
 * and a fresh Chromium profile with AdTally loaded (one per test), plus the popup page object.
 */
import { test as base } from '@playwright/test';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { startFixtureServer } from '../scripts/fixture-server.mjs';
import { launchWithExtension } from '../scripts/launch-chromium.mjs';
import { startBusyCores } from './busy-cores';
import { PopupPage } from './pages/popup-page';

interface TestFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  page: Page;
  popup: PopupPage;
}

interface WorkerFixtures {
  port: number;
  /** Processes that keep this many cores busy while the worker runs (the "under load" project). */
  busyCores: number;
  load: void;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  busyCores: [0, { scope: 'worker', option: true }],
  // Started before anything else of the worker and stopped after it, whether or not a test asks for it.
  load: [
    async ({ busyCores }, use) => {
      const busy = busyCores > 0 ? startBusyCores(busyCores) : null;
      await use();
      busy?.stop();
    },
    { scope: 'worker', auto: true },
  ],
  port: [
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server.port);
      await server.close();
    },
    { scope: 'worker' },
  ],
  context: async ({}, use) => {
    const { context } = await launchWithExtension();
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
  popup: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await use(new PopupPage(page, `chrome-extension://${extensionId}`));
    await page.close();
  },
});

/** The id Chromium gave a tab, looked up from the service worker by the tab's URL. */
export async function tabIdOf(serviceWorker: Worker, urlPattern: string): Promise<number> {
  const id = await serviceWorker.evaluate(async (pattern) => {
    // Runs in the service worker, where the extension API is the global `chrome`.
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
    const tabs = await api.tabs.query({ url: pattern });
    return tabs[0]?.id ?? null;
  }, urlPattern);
  if (id === null) throw new Error(`no tab matches ${urlPattern}`);
  return id;
}

export { expect } from '@playwright/test';
