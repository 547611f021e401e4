import { querySelectorAll as extendedQuerySelectorAll } from '@ghostery/adblocker-extended-selectors';
import type { AST } from '@ghostery/adblocker-extended-selectors';
import type { FilterRule } from './types';

export interface FilterMatch {
  element: Element;
  rule: string;
}

/**
 * Elements at or under root that filter-list rules select. Plain selectors run as one querySelectorAll per
 * rule (a rule whose selector the browser rejects is skipped, not fatal); procedural ones through the
 * extended-selectors evaluator. The page is only read, never styled.
 */
export function matchFilterRules(root: Element | Document, rules: readonly FilterRule[]): FilterMatch[] {
  const found: FilterMatch[] = [];
  for (const rule of rules) {
    try {
      if (rule.selector !== null) {
        if (root instanceof Element && root.matches(rule.selector)) found.push({ element: root, rule: rule.rule });
        for (const element of root.querySelectorAll(rule.selector)) found.push({ element, rule: rule.rule });
      } else if (rule.extended) {
        const scope = root instanceof Document ? root.documentElement : root;
        for (const element of extendedQuerySelectorAll(scope, rule.extended as AST)) found.push({ element, rule: rule.rule });
      }
    } catch {
      // A selector this browser cannot parse (a newer CSS feature, a list typo): that rule finds nothing.
    }
  }
  return found;
}
