/**
 * The user's own rules (common/user-rules.ts) as the background reads them from their stored text
 * (common/stored/user-rules.ts), and on-page audit corrections append to it. Parsed once per text.
 */
import browser from 'webextension-polyfill';
import { parseUserRules } from '../common/user-rules';
import type { UserRule } from '../common/user-rules';
import { USER_RULES } from '../common/stored/user-rules';
import { readStored, writeStored } from '../common/stored/stored-key';

let cache: { text: string; rules: UserRule[] } | null = null;

export async function readUserRules(): Promise<UserRule[]> {
  const text = await readStored(browser.storage.local, USER_RULES);
  if (cache?.text !== text) cache = { text, rules: parseUserRules(text).rules };
  return cache.rules;
}

/** Appends a rule line unless the same line is there already. */
export async function appendUserRule(line: string): Promise<void> {
  const text = await readStored(browser.storage.local, USER_RULES);
  if (text.split(/\r?\n/).some((l) => l.trim() === line)) return;
  await writeStored(browser.storage.local, USER_RULES, text === '' || text.endsWith('\n') ? `${text}${line}\n` : `${text}\n${line}\n`);
}
