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

/** Calls `onChange` with the new text whenever it changes in storage; returns the function that stops it. */
export function watchUserRulesText(onChange: (text: string) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(USER_RULES_KEY in changes)) return;
    const text = changes[USER_RULES_KEY]!.newValue;
    onChange(typeof text === 'string' ? text : '');
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
