import browser from 'webextension-polyfill';
import { typedSender } from '../common/messages';
import type { Sender, TabMessages } from '../common/messages';

/** Sends to the top frame of a tab, the one frame that listens (content.js; child frames only report clicks). */
export function sendToTab(tabId: number): Sender<TabMessages> {
  return typedSender<TabMessages>((message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }));
}
