/**
 * The user's own rules text as AdTally's pages read and write it (common/stored/user-rules.ts). The
 * background reads the same definition and the on-page audit appends to it.
 */
import browser from 'webextension-polyfill';
import { USER_RULES } from '../common/stored/user-rules';
import { readStored, writeStored } from '../common/stored/stored-key';
import { watchStored } from './watch-stored';

export async function loadUserRulesText(): Promise<string> {
  return readStored(browser.storage.local, USER_RULES);
}

export async function saveUserRulesText(text: string): Promise<void> {
  return writeStored(browser.storage.local, USER_RULES, text);
}

/** Calls `onChange` with the new text whenever it changes in storage; returns the function that stops it. */
export function watchUserRulesText(onChange: (text: string) => void): () => void {
  return watchStored(USER_RULES, onChange);
}
