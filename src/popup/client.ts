/**
 * The popup's one connection to the extension (convention 11): components get data from here as props
 * and never call `browser.*` themselves.
 */
import browser from 'webextension-polyfill';
import type { ResponseOf, UiMessage, UiMessages } from '../common/messages';
import type { DayRange } from '../common/types';

export type Stats = ResponseOf<UiMessages, 'getStats'>;

/**
 * The tab the popup describes: `?tab=<id>` when a tool opens the popup page for a given tab (the e2e tests
 * and `npm start` do), else the active tab of the window the popup belongs to.
 */
async function popupTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function loadStats(days: DayRange = {}): Promise<Stats> {
  const message: UiMessage = { type: 'getStats', tabId: await popupTabId(), days };
  return (await browser.runtime.sendMessage(message)) as Stats;
}

/** Opens AdTally's options page (data, privacy, export and import) in a tab. */
export function openOptions(): void {
  void browser.runtime.openOptionsPage();
  window.close();
}

/** Opens AdTally's dashboard (charts and top lists) in a new tab. */
export function openDashboard(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('dashboard.html') });
  window.close();
}
