/**
 * The background's note of each tab's site for the popup (common/stored/tab-site.ts; docs/architecture.md,
 * "The popup names its tab's site from the background's note"): written as the background sees a tab's
 * address change, for every open tab when AdTally is installed or updated (storage.session starts empty
 * then), and when the popup asks for a tab it had no note of; removed when the tab closes.
 */
import { siteOf } from '../common/site';
import { siteHostOf } from '../common/site-host';
import type { StorageArea } from '../common/stored/stored-key';
import { removeStored, writeStored } from '../common/stored/stored-key';
import { tabSiteKey } from '../common/stored/tab-site';

/** Each tab's host whose note this worker wrote: a page of the same host (an SPA's next view, a fragment) writes nothing. */
const noted = new Map<number, string>();

/**
 * Notes the site of the tab's page; nothing for a page without a site, which the popup names without a
 * note. `again`: write even when this worker wrote the same host's note (the popup found none to use).
 */
export async function noteTabSite(area: StorageArea, tabId: number, url: string | undefined, again = false): Promise<void> {
  const host = siteHostOf(url);
  const site = siteOf(url);
  if (host === null || site === null || (noted.get(tabId) === host && !again)) return;
  noted.set(tabId, host);
  try {
    await writeStored(area, tabSiteKey(tabId), { host, site });
  } catch {
    // No storage.session (or it is full): the popup asks the background instead.
    noted.delete(tabId);
  }
}

export async function forgetTabSite(area: StorageArea, tabId: number): Promise<void> {
  noted.delete(tabId);
  await removeStored(area, tabSiteKey(tabId)).catch(() => {});
}
