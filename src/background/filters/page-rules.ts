import type { CosmeticFilter, FiltersEngine } from '@ghostery/adblocker';
import type { FilterListInfo, FilterRule } from '../../common/types';

export interface PageTokens {
  url: string;
  hostname: string;
  domain: string | null;
  classes: string[];
  ids: string[];
  hrefs: string[];
  /** Also the hostname-keyed rules and the generic rules without tokens (once per page). */
  first: boolean;
}

/**
 * The element-hiding rules of a list that apply to a page, as detectors: rules keyed by the page's classes,
 * ids and link targets, and on the first call the page's hostname rules and the generic rules that have no
 * token, minus every exception (#@#, generichide, elemhide). Scriptlets and style rules are not detectors.
 */
export function pageRules(engine: FiltersEngine, info: FilterListInfo, page: PageTokens): FilterRule[] {
  const { matches, allowGenericHides } = engine.matchCosmeticFilters({
    url: page.url,
    hostname: page.hostname,
    domain: page.domain ?? '',
    classes: page.classes,
    ids: page.ids,
    hrefs: page.hrefs,
    getRulesFromHostname: page.first,
    getRulesFromDOM: true,
    getExtendedRules: true,
    getInjectionRules: false,
  });
  const filters: CosmeticFilter[] = [];
  for (const { filter, exception } of matches) if (filter && !exception) filters.push(filter);
  if (page.first && allowGenericHides) filters.push(...untokenisedGenericRules(engine));
  const seen = new Set<string>();
  const rules: FilterRule[] = [];
  for (const filter of filters) {
    if (filter.isScriptInject() || filter.hasCustomStyle() || filter.isUnhide() || filter.isHtmlFiltering()) continue;
    const text = filter.rawLine ?? filter.toString();
    if (seen.has(text)) continue;
    seen.add(text);
    rules.push(
      filter.isExtended()
        ? { selector: null, extended: filter.getSelectorAST() ?? null, rule: `${info.name}@${info.version} ${text}` }
        : { selector: filter.getSelector(), extended: null, rule: `${info.name}@${info.version} ${text}` },
    );
  }
  return rules;
}

const baseRulesCache = new WeakMap<FiltersEngine, CosmeticFilter[]>();

/**
 * Generic rules with no class, id or href token (`##[id^="div-gpt-ad"]`): the engine folds them into one
 * stylesheet for hiding, which a detector cannot use, so they are taken from its generic bucket. A few
 * hundred at most; they cannot be excepted per site (the engine keeps those apart, and matchCosmeticFilters
 * returns them with their exceptions).
 */
function untokenisedGenericRules(engine: FiltersEngine): CosmeticFilter[] {
  let rules = baseRulesCache.get(engine);
  if (!rules) {
    // getGenericRules() is private in the typings; it is the engine's own split (adblocker 2.x), pinned by the lock file.
    const bucket = engine.cosmetics as unknown as { getGenericRules(): CosmeticFilter[] };
    // getFilters() builds new objects on every call: compare by id, not identity.
    const exceptable = new Set(bucket.getGenericRules().map((f) => f.getId()));
    rules = engine.cosmetics.genericRules.getFilters().filter((f) => !exceptable.has(f.getId()) && !f.hasHostnameConstraint());
    baseRulesCache.set(engine, rules);
  }
  return rules;
}
