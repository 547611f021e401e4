import browser from 'webextension-polyfill';
import type { ResponseOf, UiMessage, UiMessages } from '../common/messages';

/** Sends one UI message to the background and types its answer by the message's type (docs/architecture.md, "One typed message protocol"). */
export async function sendToBackground<K extends keyof UiMessages>(message: UiMessage & { type: K }): Promise<ResponseOf<UiMessages, K>> {
  return (await browser.runtime.sendMessage(message)) as ResponseOf<UiMessages, K>;
}
