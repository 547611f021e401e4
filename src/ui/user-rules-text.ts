/**
 * The user's own rules text as AdTally's pages read and write it (storage.local, common/user-rules.ts).
 * The background reads the same key (background/user-rules-store.ts) and the on-page audit appends to it.
 */
import browser from 'webextension-polyfill';
import { USER_RULES_KEY } from '../common/user-rules';

export async function loadUserRulesText(): Promise<string> {
  const text = (await browser.storage.local.get(USER_RULES_KEY))[USER_RULES_KEY];
  return typeof text === 'string' ? text : '';
}

export async function saveUserRulesText(text: string): Promise<void> {
  await browser.storage.local.set({ [USER_RULES_KEY]: text });
}
