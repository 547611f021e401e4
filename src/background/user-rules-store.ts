/**
 * The user's own rules (common/user-rules.ts) as stored: one text in storage.local, edited on the options
 * page and appended to by on-page audit corrections. Parsed once per text.
 */
import browser from 'webextension-polyfill';
import { parseUserRules, USER_RULES_KEY } from '../common/user-rules';
import type { UserRule } from '../common/user-rules';

let cache: { text: string; rules: UserRule[] } | null = null;

export async function readUserRulesText(): Promise<string> {
  const text = (await browser.storage.local.get(USER_RULES_KEY))[USER_RULES_KEY];
  return typeof text === 'string' ? text : '';
}

export async function readUserRules(): Promise<UserRule[]> {
  const text = await readUserRulesText();
  if (cache?.text !== text) cache = { text, rules: parseUserRules(text).rules };
  return cache.rules;
}

/** Appends a rule line unless the same line is there already. */
export async function appendUserRule(line: string): Promise<void> {
  const text = await readUserRulesText();
  if (text.split(/\r?\n/).some((l) => l.trim() === line)) return;
  await browser.storage.local.set({ [USER_RULES_KEY]: text === '' || text.endsWith('\n') ? `${text}${line}\n` : `${text}\n${line}\n` });
}
