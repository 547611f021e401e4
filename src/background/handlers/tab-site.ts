import browser from 'webextension-polyfill';
import type { PayloadOf, ResponseOf, UiMessages } from '../../common/messages';
import { siteOf } from '../../common/site';
import { noteTabSite } from '../tab-sites';

/**
 * The site of the popup's tab when the popup had no note of it (common/stored/tab-site.ts), noted on the
 * way so the next popup finds it.
 */
export async function handleGetTabSite({ tabId }: PayloadOf<UiMessages, 'getTabSite'>): Promise<ResponseOf<UiMessages, 'getTabSite'>> {
  if (tabId === null) return { site: null };
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return { site: null }; // the tab was closed meanwhile
  }
  await noteTabSite(browser.storage.session, tabId, url, true);
  return { site: siteOf(url) };
}
