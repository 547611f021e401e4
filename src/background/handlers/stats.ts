import browser from 'webextension-polyfill';
import type { ResponseOf, UiMessages } from '../../common/messages';
import { siteOf } from '../../common/site';
import { getDb } from '../db/open';
import { readSiteTotals } from '../db/site-totals';

/** The popup's table: per-site totals and the site of the tab the popup belongs to. */
export async function handleGetStats(payload: { tabId: unknown }): Promise<ResponseOf<UiMessages, 'getStats'>> {
  const rows = await readSiteTotals(await getDb());
  let currentSite: string | null = null;
  if (typeof payload.tabId === 'number') {
    try {
      currentSite = siteOf((await browser.tabs.get(payload.tabId)).url);
    } catch {
      currentSite = null; // the tab was closed meanwhile
    }
  }
  return { rows, currentSite };
}
