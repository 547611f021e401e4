import { querySelectorAll as extendedQuerySelectorAll } from '@ghostery/adblocker-extended-selectors';
import type { AST } from '@ghostery/adblocker-extended-selectors';
import { isValidSelector } from './dom';
import type { FilterRule } from './types';

export interface FilterMatch {
  element: Element;
  rule: string;
}

interface CompiledRules {
  /** Every valid plain selector joined into one list: one document walk finds all candidates. */
  combined: string | null;
  plain: FilterRule[];
  extended: FilterRule[];
}

// Rules only grow during a page view, so the compiled form is cached by the array and its length.
const compiledCache = new WeakMap<readonly FilterRule[], { length: number; compiled: CompiledRules }>();

export function compileRules(rules: readonly FilterRule[]): CompiledRules {
  const cached = compiledCache.get(rules);
  if (cached && cached.length === rules.length) return cached.compiled;
  const plain = rules.filter((r) => r.selector !== null && isValidSelector(r.selector));
  const extended = rules.filter((r) => r.selector === null && r.extended);
  const compiled = { combined: plain.length > 0 ? plain.map((r) => r.selector).join(',') : null, plain, extended };
  compiledCache.set(rules, { length: rules.length, compiled });
  return compiled;
}

/** The first plain rule that selects this element (the rule stored as the reason it is an ad). */
export function ruleMatching(el: Element, rules: readonly FilterRule[]): FilterRule | undefined {
  const { combined, plain } = compileRules(rules);
  if (combined === null || !el.matches(combined)) return undefined;
  return plain.find((r) => el.matches(r.selector!));
}

/**
 * Elements at or under root that filter-list rules select; the page is only read, never styled. Measured
 * (docs/performance.md): over a whole 7,900-element document, one querySelectorAll per rule took 37 ms and
 * one query over the joined list 68 ms, since a lone `.class` or `#id` selector uses the browser's class
 * and id indexes; over the small subtrees a feed adds, one joined query per subtree is the cheaper, as 600
 * posts × 136 rules would be 81,600 queries. Procedural selectors run through the extended-selectors
 * evaluator.
 */
export function matchFilterRules(root: Element | Document, rules: readonly FilterRule[]): FilterMatch[] {
  const found: FilterMatch[] = [];
  const { combined, plain, extended } = compileRules(rules);
  if (root.nodeType === Node.DOCUMENT_NODE) {
    for (const rule of plain) for (const element of root.querySelectorAll(rule.selector!)) found.push({ element, rule: rule.rule });
  } else if (combined !== null) {
    const candidates = [...root.querySelectorAll(combined)];
    if ((root as Element).matches(combined)) candidates.unshift(root as Element);
    for (const element of candidates) {
      const rule = plain.find((r) => element.matches(r.selector!));
      if (rule) found.push({ element, rule: rule.rule });
    }
  }
  for (const rule of extended) {
    try {
      const scope = root instanceof Document ? root.documentElement : root;
      for (const element of extendedQuerySelectorAll(scope, rule.extended as AST)) found.push({ element, rule: rule.rule });
    } catch {
      // A procedural selector the evaluator rejects finds nothing.
    }
  }
  return found;
}
