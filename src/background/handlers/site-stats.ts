import browser from 'webextension-polyfill';
import type { PayloadOf, ResponseOf, UiMessages } from '../../common/messages';
import { siteOf } from '../../common/site';
import { getDb } from '../db/open';
import { readSiteTotals } from '../db/totals';
import { readWriteProblem } from '../storage/write-health';

/** The popup's table: per-site totals over the days asked for, the site of the popup's tab, and any write problem. */
export async function handleGetStats({ tabId, days }: PayloadOf<UiMessages, 'getStats'>): Promise<ResponseOf<UiMessages, 'getStats'>> {
  const [rows, writeProblem] = await Promise.all([readSiteTotals(await getDb(), days), readWriteProblem()]);
  let currentSite: string | null = null;
  if (tabId !== null) {
    try {
      currentSite = siteOf((await browser.tabs.get(tabId)).url);
    } catch {
      currentSite = null; // the tab was closed meanwhile
    }
  }
  return { rows, currentSite, writeProblem };
}
