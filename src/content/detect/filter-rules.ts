import { querySelectorAll as extendedQuerySelectorAll } from '@ghostery/adblocker-extended-selectors';
import type { AST } from '@ghostery/adblocker-extended-selectors';
import { compileAttributeFile, exactFor, matchesAttributeFile } from './attribute-rules';
import type { AttributeFile } from './attribute-rules';
import { isValidSelector } from './dom';
import { ruleKey } from './rule-keys';
import type { FilterRule } from './types';

export interface FilterMatch {
  element: Element;
  rule: string;
}

interface CompiledRules {
  /** Every valid plain selector joined into one list (the matching rule is looked up only for its matches). */
  combined: string | null;
  plain: FilterRule[];
  extended: FilterRule[];
  /** The class and id names of the rules that are a lone `.name` or `#name` (96 % of EasyList's generic rules). */
  classes: ReadonlySet<string>;
  ids: ReadonlySet<string>;
  /** The other plain rules: per rule over a document, by their keys over a subtree and for one element. */
  complex: FilterRule[];
  keyed: KeyedRules;
}

/**
 * The other plain rules filed by what an element they select must carry (rule-keys.ts), each file joined into
 * one selector list: an element is tested only against the files of its own id, classes, attributes and tag.
 */
interface KeyedRules {
  ids: ReadonlyMap<string, string>;
  classes: ReadonlyMap<string, string>;
  /** A lone attribute test (`a[href^="…"]`) compiled to script, the rest for the engine (attribute-rules.ts). */
  attributes: ReadonlyMap<string, AttributeFile>;
  tags: ReadonlyMap<string, string>;
  /** The rules with no key, joined: tested on every element by the selector engine. */
  unkeyed: string | null;
}

/** A lone class or id selector whose name needs no escaping: matched by a set lookup instead of the selector engine. */
const LONE_NAME = /^([.#])(-?[A-Za-z_][\w-]*)$/;

// Rules only grow during a page view, so the compiled form is cached by the array and its length; a rule's
// validity is kept by the rule, so a page view's growing list is not checked again at every new batch.
const compiledCache = new WeakMap<readonly FilterRule[], { length: number; compiled: CompiledRules }>();
const validity = new WeakMap<FilterRule, boolean>();

function isValidRule(rule: FilterRule): boolean {
  let valid = validity.get(rule);
  if (valid === undefined) validity.set(rule, (valid = rule.selector !== null && isValidSelector(rule.selector)));
  return valid;
}

export function compileRules(rules: readonly FilterRule[]): CompiledRules {
  const cached = compiledCache.get(rules);
  if (cached && cached.length === rules.length) return cached.compiled;
  const plain = rules.filter(isValidRule);
  const extended = rules.filter((r) => r.selector === null && r.extended);
  const classes = new Set<string>();
  const ids = new Set<string>();
  const complex: FilterRule[] = [];
  for (const rule of plain) {
    const lone = LONE_NAME.exec(rule.selector!);
    if (!lone) complex.push(rule);
    else (lone[1] === '.' ? classes : ids).add(lone[2]!);
  }
  const join = (list: FilterRule[]) => (list.length > 0 ? list.map((r) => r.selector).join(',') : null);
  const compiled = { combined: join(plain), plain, extended, classes, ids, complex, keyed: fileByKeys(complex) };
  compiledCache.set(rules, { length: rules.length, compiled });
  return compiled;
}

function fileByKeys(rules: readonly FilterRule[]): KeyedRules {
  const files = { id: new Map<string, string[]>(), class: new Map<string, string[]>(), attribute: new Map<string, string[]>(), tag: new Map<string, string[]>() };
  const unkeyed: string[] = [];
  for (const rule of rules) {
    const key = ruleKey(rule.selector!);
    if (key.by === 'none') {
      unkeyed.push(rule.selector!);
      continue;
    }
    const file = files[key.by];
    const selectors = file.get(key.name);
    if (selectors) selectors.push(rule.selector!);
    else file.set(key.name, [rule.selector!]);
  }
  const joined = (file: Map<string, string[]>) => new Map([...file].map(([name, selectors]) => [name, selectors.join(',')]));
  return {
    ids: joined(files.id),
    classes: joined(files.class),
    attributes: new Map([...files.attribute].map(([name, selectors]) => [name, compileAttributeFile(selectors)])),
    tags: joined(files.tag),
    unkeyed: unkeyed.length > 0 ? unkeyed.join(',') : null,
  };
}

/**
 * Whether el matches one of the keyed rules: only the files of what it carries are tested, the attribute
 * files partly in script. The unkeyed rules are not tested here. Exact only where class and id selectors are
 * case-sensitive (byNames); `htmlDocument` is exactFor(el's document).
 */
function matchesKeyed(el: Element, keyed: KeyedRules, htmlDocument: boolean): boolean {
  const test = (selectors: string | undefined) => selectors !== undefined && el.matches(selectors);
  if (keyed.ids.size > 0 && el.id !== '' && test(keyed.ids.get(el.id))) return true;
  if (keyed.classes.size > 0) for (const name of el.classList) if (test(keyed.classes.get(name))) return true;
  if (keyed.attributes.size > 0) {
    for (const name of el.getAttributeNames()) {
      const file = keyed.attributes.get(name.toLowerCase());
      if (file && matchesAttributeFile(el, file, htmlDocument)) return true;
    }
  }
  return keyed.tags.size > 0 && test(keyed.tags.get(el.localName.toLowerCase()));
}

/**
 * Whether el carries a class or id that a lone `.name` / `#name` rule names. Exact only where selectors are
 * case-sensitive: a document in quirks mode matches class and id selectors ignoring case, so there every rule
 * goes through the selector engine (`byNames` false).
 */
function hasListedName(el: Element, compiled: CompiledRules): boolean {
  if (el.id !== '' && compiled.ids.has(el.id)) return true;
  if (compiled.classes.size === 0) return false;
  for (const name of el.classList) if (compiled.classes.has(name)) return true;
  return false;
}

function byNames(node: Node): boolean {
  return (node.ownerDocument ?? (node as Document)).compatMode === 'CSS1Compat';
}

/** Whether el matches any plain rule: the names by set lookups, the rest by the selector engine. */
function matchesAny(el: Element, compiled: CompiledRules): boolean {
  if (!byNames(el)) return compiled.combined !== null && el.matches(compiled.combined);
  const { keyed } = compiled;
  return hasListedName(el, compiled) || matchesKeyed(el, keyed, exactFor(el.ownerDocument)) || (keyed.unkeyed !== null && el.matches(keyed.unkeyed));
}

/** The first plain rule that selects this element (the rule stored as the reason it is an ad). */
export function ruleMatching(el: Element, rules: readonly FilterRule[]): FilterRule | undefined {
  const compiled = compileRules(rules);
  if (compiled.combined === null || !matchesAny(el, compiled)) return undefined;
  return compiled.plain.find((r) => el.matches(r.selector!));
}

/**
 * Elements at or under root that filter-list rules select; the page is only read, never styled. Most rules
 * are a lone `.class` or `#id` (EasyList's generic rules, keyed by the page's own tokens): those are set lookups
 * over the elements that carry a class or id, one walk for all of them. The other plain rules go through the
 * selector engine: over a whole document one querySelectorAll per rule, which uses the browser's indexes (37 ms
 * against 68 ms for one joined query over 7,900 elements). Over the small subtrees a feed adds (600 posts × 136
 * rules would be 81,600 queries, and one joined query tests every element against every rule) one walk tests
 * each element against the rules filed under its id, classes, attributes and tag (rule-keys.ts), as a style
 * engine does; a lone attribute test in those files (`a[href^="…"]`) is a RegExp on the attribute's value
 * (attribute-rules.ts); only rules with no key go through one joined query. Each element found keeps the first rule, in the list's
 * order, that selects it. Procedural selectors run through the extended-selectors evaluator.
 */
export function matchFilterRules(root: Element | Document, rules: readonly FilterRule[]): FilterMatch[] {
  const found: FilterMatch[] = [];
  const compiled = compileRules(rules);
  const { combined, plain, extended } = compiled;
  const isDocument = root.nodeType === Node.DOCUMENT_NODE;
  if (combined !== null && byNames(root)) {
    const candidates = new Set<Element>();
    if (isDocument) {
      if (compiled.classes.size + compiled.ids.size > 0) {
        for (const el of root.querySelectorAll(compiled.ids.size > 0 ? '[class], [id]' : '[class]')) if (hasListedName(el, compiled)) candidates.add(el);
      }
      for (const rule of compiled.complex) for (const el of root.querySelectorAll(rule.selector!)) candidates.add(el);
    } else {
      // One walk over the subtree tests each element against the names and the rule files it carries; only
      // the unkeyed rules go through the engine as one joined list.
      const subtree = root as Element;
      const htmlDocument = exactFor(subtree.ownerDocument);
      const walk = (el: Element) => {
        if (hasListedName(el, compiled) || matchesKeyed(el, compiled.keyed, htmlDocument)) candidates.add(el);
      };
      walk(subtree);
      for (const el of subtree.querySelectorAll('*')) walk(el);
      const { unkeyed } = compiled.keyed;
      if (unkeyed !== null) {
        if (subtree.matches(unkeyed)) candidates.add(subtree);
        for (const el of subtree.querySelectorAll(unkeyed)) candidates.add(el);
      }
    }
    for (const element of candidates) {
      const rule = plain.find((r) => element.matches(r.selector!));
      if (rule) found.push({ element, rule: rule.rule });
    }
  } else if (isDocument) {
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
