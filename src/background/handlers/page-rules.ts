import type { Runtime } from 'webextension-polyfill';
import { parse } from 'tldts';
import type { ContentMessages, ResponseOf } from '../../common/messages';
import { getEngine } from '../filters/engine';
import { pageRules } from '../filters/page-rules';
import { userRulesFor } from '../../common/user-rules';
import { readUserRules } from '../user-rules-store';

const MAX_TOKENS = 20_000;
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length <= 2048).slice(0, MAX_TOKENS) : [];

/**
 * The filter-list rules and the platform of the page in the sender's tab. The page's address comes from the
 * browser (`sender.tab.url`), never from the payload.
 */
export async function handlePageRules(
  payload: Record<string, unknown>,
  sender: Runtime.MessageSender,
): Promise<ResponseOf<ContentMessages, 'pageRules'>> {
  const url = sender.tab?.url;
  if (!url || sender.frameId !== 0) return { rules: [], platform: null, userRules: [] };
  const parsed = parse(url, { allowPrivateDomains: true });
  const platform = parsed.domainWithoutSuffix ?? null;
  const userRules = payload.first === true && parsed.hostname ? userRulesFor(await readUserRules(), parsed.hostname) : [];
  const loaded = await getEngine();
  if (!loaded || !parsed.hostname) return { rules: [], platform, userRules };
  const rules = pageRules(loaded.engine, loaded.info, {
    url,
    hostname: parsed.hostname,
    domain: parsed.domain,
    classes: strings(payload.classes),
    ids: strings(payload.ids),
    hrefs: strings(payload.hrefs),
    first: payload.first === true,
  });
  return { rules, platform, userRules };
}
