import type { Runtime } from 'webextension-polyfill';
import { parse } from 'tldts';
import type { ContentMessages, PayloadOf, ResponseOf } from '../../common/messages';
import { getEngine } from '../filters/engine';
import { pageRules } from '../filters/page-rules';
import { tokenFilterOf } from '../filters/token-keys';
import { userRulesFor } from '../../common/user-rules';
import { readUserRules } from '../user-rules-store';
import { isTracked } from '../../common/settings';
import { siteOf } from '../../common/site';
import { readSettings } from '../settings';

/**
 * The answer for a page AdTally cannot name: no rules (routes.ts also gives it to a sender that is no top frame).
 * `tracked` as before the gate existed: the events route still drops what such a page sends.
 */
export const NO_PAGE_RULES: ResponseOf<ContentMessages, 'pageRules'> = { rules: [], platform: null, userRules: [], tracked: true };

/**
 * The filter-list rules and the platform of the page in the sender's tab, a top frame (routes.ts). The page's
 * address comes from the browser (`sender.tab.url`), never from the payload.
 */
export async function handlePageRules(
  tokens: PayloadOf<ContentMessages, 'pageRules'>,
  sender: Runtime.MessageSender,
): Promise<ResponseOf<ContentMessages, 'pageRules'>> {
  const url = sender.tab?.url;
  if (!url) return NO_PAGE_RULES;
  const parsed = parse(url, { allowPrivateDomains: true });
  const platform = parsed.domainWithoutSuffix ?? null;
  // Paused or out of scope: the page gets nothing to detect with, and its content script stops there. A page
  // with no site (a file) has no list to be on: only the global pause stops it.
  const settings = await readSettings();
  const site = siteOf(url);
  if (site === null ? settings.paused : !isTracked(settings, site)) return { rules: [], platform, userRules: [], tracked: false };
  const userRules = tokens.first && parsed.hostname ? userRulesFor(await readUserRules(), parsed.hostname) : [];
  const loaded = await getEngine();
  if (!loaded || !parsed.hostname) return { rules: [], platform, userRules, tracked: true };
  const rules = pageRules(loaded.engine, loaded.info, { url, hostname: parsed.hostname, domain: parsed.domain, ...tokens });
  // With the first answer, which tokens can call for rules at all: the page then asks only with those.
  return tokens.first ? { rules, platform, userRules, tracked: true, tokenFilter: tokenFilterOf(loaded.engine) } : { rules, platform, userRules, tracked: true };
}
