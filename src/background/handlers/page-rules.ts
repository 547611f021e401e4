import type { Runtime } from 'webextension-polyfill';
import { parse } from 'tldts';
import type { ContentMessages, PayloadOf, ResponseOf } from '../../common/messages';
import { getEngine } from '../filters/engine';
import { pageRules } from '../filters/page-rules';
import { userRulesFor } from '../../common/user-rules';
import { readUserRules } from '../user-rules-store';

/** The answer for a page AdTally cannot name: no rules (routes.ts also gives it to a sender that is no top frame). */
export const NO_PAGE_RULES: ResponseOf<ContentMessages, 'pageRules'> = { rules: [], platform: null, userRules: [] };

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
  const userRules = tokens.first && parsed.hostname ? userRulesFor(await readUserRules(), parsed.hostname) : [];
  const loaded = await getEngine();
  if (!loaded || !parsed.hostname) return { rules: [], platform, userRules };
  const rules = pageRules(loaded.engine, loaded.info, { url, hostname: parsed.hostname, domain: parsed.domain, ...tokens });
  return { rules, platform, userRules };
}
