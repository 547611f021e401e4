/**
 * The toolbar badge and the popup's "ads on this page now": both show the ads AdTally found on the tab's
 * page that a person could see (the same list the accuracy corpus reads), the badge only where ads are
 * counted and while the person keeps it on.
 */
import type { Worker } from '@playwright/test';
import { OptionsPage } from './pages/options-page';
import { expect, tabIdOf, test } from './fixtures';

/** The badge text of a tab, and the ads its top frame lists, asked through the service worker. */
async function badgeAndAds(worker: Worker, tabId: number): Promise<{ badge: string; ads: number }> {
  return worker.evaluate(async (id) => {
    type Api = {
      action: { getBadgeText(d: { tabId: number }): Promise<string> };
      tabs: { sendMessage(id: number, m: object, o: object): Promise<{ ads: unknown[] }> };
    };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const [badge, state] = await Promise.all([api.action.getBadgeText({ tabId: id }), api.tabs.sendMessage(id, { type: 'listDetections' }, { frameId: 0 })]);
    return { badge, ads: state.ads.length };
  }, tabId);
}

test('the toolbar badge shows the ads on the page, follows the settings at once, and the popup says the same', async ({ page, port, serviceWorker, context, extensionId, popup }) => {
  await page.goto(`http://news.test:${port}/`);
  const tabId = await tabIdOf(serviceWorker, '*://news.test/*');
  // news.test holds 4 ads (its truth file); GPT renders two of them late.
  await expect.poll(async () => badgeAndAds(serviceWorker, tabId), { timeout: 15_000 }).toEqual({ badge: '4', ads: 4 });

  await popup.open(tabId);
  await expect(popup.page.getByTestId('site-card').getByText('4 ads on this page now')).toBeVisible();

  // Turned off in the options: every open tab's badge goes blank at once; on again, it is back.
  const options = new OptionsPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await options.open();
  await options.page.getByLabel('Show the number of ads on the current page').uncheck();
  await options.settingSaved('toolbarBadge', false);
  await expect.poll(async () => (await badgeAndAds(serviceWorker, tabId)).badge).toBe('');
  await options.page.getByLabel('Show the number of ads on the current page').check();
  await options.settingSaved('toolbarBadge', true);
  await expect.poll(async () => (await badgeAndAds(serviceWorker, tabId)).badge).toBe('4');

  // Where ads are not counted (the site paused), no badge: the popup still says what is on the page.
  await popup.open(tabId);
  await popup.pauseOnThisSite(true);
  await expect.poll(async () => (await badgeAndAds(serviceWorker, tabId)).badge).toBe('');
  await expect(popup.page.getByTestId('site-card').getByText('4 ads on this page now (not counted here)')).toBeVisible();
  await popup.pauseOnThisSite(false);
  await expect.poll(async () => (await badgeAndAds(serviceWorker, tabId)).badge).toBe('4');

  // Another page without ads: the badge goes blank with it.
  await page.goto(`http://news.test:${port}/no-such-page.html`);
  await expect.poll(async () => badgeAndAds(serviceWorker, tabId), { timeout: 15_000 }).toEqual({ badge: '', ads: 0 });
});
