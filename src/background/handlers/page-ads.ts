import type { Runtime } from 'webextension-polyfill';
import type { ContentMessages, PayloadOf, ResponseOf } from '../../common/messages';
import { readSettings } from '../settings';
import { showPageAds } from '../toolbar-badge';

/** The ads on a tab's page now, for its toolbar badge. The page's address is the browser's, never the payload's. */
export async function handlePageAds({ count }: PayloadOf<ContentMessages, 'pageAds'>, sender: Runtime.MessageSender): Promise<ResponseOf<ContentMessages, 'pageAds'>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { shown: false };
  return { shown: await showPageAds(tabId, sender.tab?.url, count, await readSettings()) };
}
