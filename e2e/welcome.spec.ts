/**
 * The welcome page (welcome.html): opened once by a fresh install and never again by the worker's restarts,
 * its definitions the very texts of the popup's tooltips, reachable from the popup and the options page,
 * and the popup's first-run state, which explains and links to it instead of showing bare zeros.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension, waitForWelcomeTab } from '../scripts/launch-chromium.mjs';
import { visitBlog } from '../scripts/visit.mjs';
import { expect, tabIdOf, test } from './fixtures';
import { DashboardPage } from './pages/dashboard-page';
import { OptionsPage } from './pages/options-page';
import { isMarked, markGlobalScope, WorkerKiller } from './worker-kills';

/** Every tab that has shown the welcome page in this context, counted as each commits its navigation. */
function countWelcomeTabs(context: BrowserContext, extensionId: string): () => number {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const seen = new Set<Page>();
  const watch = (page: Page) => {
    if (page.url() === url) seen.add(page);
    page.on('framenavigated', (frame) => frame === page.mainFrame() && frame.url() === url && seen.add(page));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return () => seen.size;
}

/** The popup card's tooltips by label (Impressions, CTR, …). */
async function cardTooltips(popup: Page): Promise<Record<string, string>> {
  const entries: [string, string][] = [];
  for (const item of await popup.getByTestId('site-card').locator('dl > div').all()) {
    entries.push([((await item.locator('dt').textContent()) ?? '').trim(), (await item.getAttribute('title')) ?? '']);
  }
  return Object.fromEntries(entries);
}

test('a fresh install opens the welcome page once; a restarted service worker does not open it again', async () => {
  const { context, extensionId } = await launchWithExtension({ welcomeTab: 'keep' });
  try {
    const welcomeTabs = countWelcomeTabs(context, extensionId);
    const welcome = await waitForWelcomeTab(context, extensionId);
    await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to AdTally');
    await expect(welcome.getByRole('heading', { name: 'Everything stays on this device' })).toBeVisible();
    expect(welcomeTabs()).toBe(1);
    await welcome.close();

    // Stop the worker as Chromium does when it is idle; the popup's request starts it again, and its top
    // level runs anew (the mark set on the old global scope is gone).
    const killer = await WorkerKiller.attach(context, context.pages()[0]!, extensionId);
    const worker = await killer.live();
    await markGlobalScope(worker);
    await killer.kill();
    expect(killer.kills).toBe(1);
    const startsBefore = killer.starts;
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    // Answered by the restarted worker: its listeners are registered again, and no install event came.
    await expect(popup.getByTestId('empty-state')).toBeVisible();
    expect(killer.starts).toBe(startsBefore + 1);
    expect(await isMarked(worker)).toBe(false);
    const tabs = await worker.evaluate(async (url) => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).chrome;
      return (await api.tabs.query({})).filter((t) => t.url === url).length;
    }, `chrome-extension://${extensionId}/welcome.html`);
    expect(tabs).toBe(0);
    expect(welcomeTabs()).toBe(1);
    await killer.detach();
  } finally {
    await context.close();
  }
});

test("the welcome page's definitions are the popup's tooltips and the chart legends', word for word", async ({ context, extensionId, page, port, popup, serviceWorker }) => {
  await visitBlog(page, port);
  const tabId = await tabIdOf(serviceWorker, '*://blog.test/*');
  await expect(async () => {
    await popup.open(tabId);
    expect((await popup.rows()).map((r) => r.site)).toContain('blog.test');
  }).toPass({ timeout: 10_000 });
  const tooltips = await cardTooltips(popup.page);

  const welcome = await context.newPage();
  await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
  const definitions = welcome.getByTestId('definitions').locator('[data-metric]');
  await expect(definitions).toHaveCount(9);
  const matched: string[] = [];
  for (const definition of await definitions.all()) {
    const name = ((await definition.locator('dt').textContent()) ?? '').trim();
    const meaning = ((await definition.locator('dd').textContent()) ?? '').trim();
    const full = (await definition.getAttribute('title')) ?? '';
    // What a person reads is the tooltip's text, without the pointer to the docs.
    expect(full.startsWith(`${name}: ${meaning}`)).toBe(true);
    const tooltip = tooltips[name];
    if (tooltip === undefined) continue; // measured ads: the dashboard's column, not a popup number
    // The card's CTR and rates say their value first ("1 of 2 measured ads. "), then the same definition.
    expect(tooltip === full || tooltip.endsWith(`. ${full}`)).toBe(true);
    matched.push(name);
  }
  expect(matched).toEqual(['Impressions', 'Viewable', 'Clicks', 'CTR', 'In view', 'Viewability', 'Time in view', 'Per impression']);

  // The dashboard's charts: each legend entry's tooltip is the same definition.
  const definitionOf = async (metric: string) => (await welcome.locator(`[data-metric=${metric}]`).getAttribute('title')) ?? '';
  const dashboard = new DashboardPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await dashboard.open('all');
  const legendTitles = (chart: string) => dashboard.page.getByTestId(chart).locator('.u-legend .u-series').evaluateAll((rows) => rows.map((r) => r.getAttribute('title')));
  expect(await legendTitles('daily-chart')).toEqual([null, await definitionOf('impressions'), await definitionOf('viewable'), await definitionOf('clicks')]);
  expect(await legendTitles('ctr-chart')).toEqual([null, await definitionOf('ctr')]);
});

test('an empty database: the popup explains what will appear and links to the welcome page, as the options page does', async ({ context, extensionId, page, port, popup, serviceWorker }) => {
  // A page of news.test without ads: the popup has a current site and nothing stored anywhere.
  await page.goto(`http://news.test:${port}/no-such-page.html`);
  await popup.open(await tabIdOf(serviceWorker, '*://news.test/*'));
  const card = popup.page.getByTestId('site-card');
  await expect(card.locator('h2')).toHaveText('news.test');
  await expect(card).toContainText('Nothing counted on this site yet.');
  await expect(card.locator('dl')).toHaveCount(0);
  const empty = popup.page.getByTestId('empty-state');
  await expect(empty).toContainText('No ads counted yet.');
  await expect(empty).toContainText('impression when at least half of it is on screen');
  await expect(popup.page.locator('table.stats')).toHaveCount(0);

  // The empty state's link and the footer's both open the welcome page in a new tab (the popup closes itself).
  const popupUrl = popup.page.url();
  for (const where of ['[data-testid=empty-state]', 'footer']) {
    const from = await context.newPage();
    await from.goto(popupUrl);
    const opened = context.waitForEvent('page', (p) => p !== from);
    await from.locator(where).getByRole('button', { name: 'How AdTally counts' }).click();
    const welcome = await opened;
    await welcome.waitForURL(`chrome-extension://${extensionId}/welcome.html`);
    await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to AdTally');
    await welcome.close();
  }

  const options = new OptionsPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await options.open();
  await options.page.getByRole('link', { name: 'How AdTally counts' }).click();
  await options.page.waitForURL(`chrome-extension://${extensionId}/welcome.html`);
  await expect(options.page.getByRole('heading', { name: 'What is counted, and how' })).toBeVisible();
});
