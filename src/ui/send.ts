import browser from 'webextension-polyfill';
import { typedSender } from '../common/messages';
import type { MessageOf, ResponseOf, Sender, TabMessages, UiMessages } from '../common/messages';

/**
 * Sends one UI message to the background and types its answer by the message's type (docs/architecture.md, "One
 * typed message protocol"): a payload that is not its type's fails to compile.
 */
export async function sendToBackground<K extends keyof UiMessages>(message: MessageOf<UiMessages, K>): Promise<ResponseOf<UiMessages, K>> {
  return (await browser.runtime.sendMessage(message)) as ResponseOf<UiMessages, K>;
}

/**
 * Sends to the top frame of a tab, the one frame that listens (content.js). The answer is typed, but a tab
 * without AdTally's script, or with an older one, may answer nothing: callers check what they read.
 */
export function sendToTab(tabId: number): Sender<TabMessages> {
  return typedSender<TabMessages>((message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }));
}
