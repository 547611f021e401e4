import { querySelectorAll as extendedQuerySelectorAll } from '@ghostery/adblocker-extended-selectors';
import type { AST } from '@ghostery/adblocker-extended-selectors';
import { attributeFileRest, compileAttributeFile, exactFor } from './attribute-rules';
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
  /**
   * The class and id names of the rules that are a lone `.name` or `#name` (96 % of EasyList's generic rules),
   * each with the place in `plain` of its first such rule.
   */
  classes: ReadonlyMap<string, number>;
  ids: ReadonlyMap<string, number>;
  /** The other plain rules: per rule over a document, by their keys over a subtree and for one element. */
  complex: FilterRule[];
  keyed: KeyedRules;
}

/**
 * The other plain rules filed by what an element they select must carry (rule-keys.ts), each file joined into
 * one selector list: an element is tested only against the files of its own id, classes, attributes and tag.
 */
interface KeyedRules {
  ids: ReadonlyMap<string, KeyedFile>;
  classes: ReadonlyMap<string, KeyedFile>;
  /** A lone attribute test (`a[href^="…"]`) compiled to script, the rest for the engine (attribute-rules.ts). */
  attributes: ReadonlyMap<string, KeyedFile<AttributeFile>>;
  tags: ReadonlyMap<string, KeyedFile>;
  /** The rules with no key, joined: tested on every element by the selector engine. */
  unkeyed: KeyedFile | null;
}

/** A file's rules joined for the engine (or compiled), and their places in `plain`, in the list's order. */
interface KeyedFile<Test = string> {
  test: Test;
  at: readonly number[];
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
  const classes = new Map<string, number>();
  const ids = new Map<string, number>();
  const complex: FilterRule[] = [];
  const complexAt: number[] = [];
  plain.forEach((rule, at) => {
    const lone = LONE_NAME.exec(rule.selector!);
    if (!lone) {
      complex.push(rule);
      complexAt.push(at);
      return;
    }
    const names = lone[1] === '.' ? classes : ids;
    if (!names.has(lone[2]!)) names.set(lone[2]!, at);
  });
  const join = (list: FilterRule[]) => (list.length > 0 ? list.map((r) => r.selector).join(',') : null);
  const compiled = { combined: join(plain), plain, extended, classes, ids, complex, keyed: fileByKeys(plain, complexAt) };
  compiledCache.set(rules, { length: rules.length, compiled });
  return compiled;
}

/** The rules at `complexAt` (places in `plain`) filed by their keys. */
function fileByKeys(plain: readonly FilterRule[], complexAt: readonly number[]): KeyedRules {
  const files = { id: new Map<string, number[]>(), class: new Map<string, number[]>(), attribute: new Map<string, number[]>(), tag: new Map<string, number[]>() };
  const unkeyed: number[] = [];
  for (const at of complexAt) {
    const key = ruleKey(plain[at]!.selector!);
    if (key.by === 'none') unkeyed.push(at);
    else (files[key.by].get(key.name) ?? files[key.by].set(key.name, []).get(key.name)!).push(at);
  }
  const selectors = (at: readonly number[]) => at.map((i) => plain[i]!.selector!);
  const joined = (file: Map<string, number[]>) => new Map([...file].map(([name, at]) => [name, { test: selectors(at).join(','), at }]));
  return {
    ids: joined(files.id),
    classes: joined(files.class),
    attributes: new Map([...files.attribute].map(([name, at]) => [name, { test: compileAttributeFile(selectors(at)), at }])),
    tags: joined(files.tag),
    unkeyed: unkeyed.length > 0 ? { test: selectors(unkeyed).join(','), at: unkeyed } : null,
  };
}

/** Whether visit returns true for one of the files of what el carries: its id, classes, attribute names, tag. */
function someFile(el: Element, keyed: KeyedRules, visit: (file: KeyedFile<string | AttributeFile>) => boolean): boolean {
  const file = (found: KeyedFile<string | AttributeFile> | undefined) => found !== undefined && visit(found);
  if (keyed.ids.size > 0 && el.id !== '' && file(keyed.ids.get(el.id))) return true;
  if (keyed.classes.size > 0) for (const name of el.classList) if (file(keyed.classes.get(name))) return true;
  if (keyed.attributes.size > 0) for (const name of el.getAttributeNames()) if (file(keyed.attributes.get(name.toLowerCase()))) return true;
  return keyed.tags.size > 0 && file(keyed.tags.get(el.localName.toLowerCase()));
}

/**
 * The keyed rules for el, the attribute files partly in script: true when a compiled attribute test matched,
 * else each selector list left for the engine goes to `engine`. The unkeyed rules are not here. Exact only
 * where class and id selectors are case-sensitive (byNames); `htmlDocument` is exactFor(el's document).
 */
function keyedSelectors(el: Element, keyed: KeyedRules, htmlDocument: boolean, engine: (selectors: string) => void): boolean {
  return someFile(el, keyed, ({ test }) => {
    const rest = typeof test === 'string' ? test : attributeFileRest(el, test, htmlDocument);
    if (rest !== true && rest !== null) engine(rest);
    return rest === true;
  });
}

/** Whether el matches one of the keyed rules (see keyedSelectors). */
function matchesKeyed(el: Element, keyed: KeyedRules, htmlDocument: boolean): boolean {
  const lists: string[] = [];
  return keyedSelectors(el, keyed, htmlDocument, (selectors) => lists.push(selectors)) || lists.some((selectors) => el.matches(selectors));
}

/**
 * For each element, the first plain rule in the list's order that selects it, where class and id selectors
 * are case-sensitive (byNames). A lone `.name` or `#name` rule selects an element exactly when it carries the
 * name, so the first of those is a lookup; a complex rule only when it carries the rule's key, so only the
 * rules of its own files (and the unkeyed ones) placed before that one go to `matches`, grouped by rule as in
 * the walk (matchFilterRules). `plain.find(matches)` met every rule before the element's own, each a distinct
 * selector: for 42 candidates of a ~5,000-element feed subtree, 6–13 ms with the 583 rules a page gets, ~800 ms
 * with all 13,688 of EasyList's generic rules (there the whole matchFilterRules: 730–820 → 20–24 ms).
 */
function firstRules(elements: readonly Element[], compiled: CompiledRules): (FilterRule | undefined)[] {
  const { plain, keyed } = compiled;
  const waiting = new Map<number, number[]>();
  const first = elements.map((el, e) => {
    let lone = Infinity;
    if (el.id !== '') lone = compiled.ids.get(el.id) ?? lone;
    for (const name of el.classList) lone = Math.min(lone, compiled.classes.get(name) ?? lone);
    const wait = ({ at }: KeyedFile<unknown>) => {
      for (const i of at) if (i < lone) (waiting.get(i) ?? waiting.set(i, []).get(i)!).push(e);
      return false;
    };
    if (keyed.unkeyed) wait(keyed.unkeyed);
    someFile(el, keyed, wait);
    return lone;
  });
  for (const i of [...waiting.keys()].sort((a, b) => a - b)) {
    for (const e of waiting.get(i)!) if (i < first[e]! && elements[e]!.matches(plain[i]!.selector!)) first[e] = i;
  }
  return first.map((i) => plain[i]);
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
  return hasListedName(el, compiled) || matchesKeyed(el, keyed, exactFor(el.ownerDocument)) || (keyed.unkeyed !== null && el.matches(keyed.unkeyed.test));
}

/** The first plain rule that selects this element (the rule stored as the reason it is an ad). */
export function ruleMatching(el: Element, rules: readonly FilterRule[]): FilterRule | undefined {
  const compiled = compileRules(rules);
  if (compiled.combined === null || !matchesAny(el, compiled)) return undefined;
  return byNames(el) ? firstRules([el], compiled)[0] : compiled.plain.find((r) => el.matches(r.selector!));
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
 * (attribute-rules.ts); only rules with no key go through one joined query. The `matches` left go grouped
 * by selector, not in walk order (Blink's selector cache, below). Each element found keeps the first rule, in
 * the list's order, that selects it (firstRules). Procedural selectors run through the extended-selectors
 * evaluator.
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
      // One walk over the subtree looks up the names and notes, per rule file, the elements that carry it;
      // then each file's list meets its elements one after another; only the unkeyed rules go through the
      // engine as one joined query.
      const subtree = root as Element;
      const htmlDocument = exactFor(subtree.ownerDocument);
      const elements = [subtree, ...subtree.querySelectorAll('*')];
      const matched = new Uint8Array(elements.length);
      const waiting = new Map<string, number[]>();
      elements.forEach((el, i) => {
        const wait = (selectors: string) => void (waiting.get(selectors) ?? waiting.set(selectors, []).get(selectors)!).push(i);
        if (hasListedName(el, compiled) || keyedSelectors(el, compiled.keyed, htmlDocument, wait)) matched[i] = 1;
      });
      // Grouped by file, not element by element in walk order: Blink keeps the parsed selectors of `matches`
      // and `querySelector*` in a per-document SelectorQueryCache of 256 entries (selector_query.cc,
      // kMaximumSelectorQueryCacheSize) that, when full, evicts `entries_.begin()`: its hash table's first
      // entry, not the oldest. Each eviction bares the table's front, where a new entry then likely lands, to
      // be evicted by the next miss: once a document has queried ~1,000 distinct selectors (a whole-document
      // scan queries every rule; so does the page), even two long lists alternating miss nearly every call.
      // Measured in Chromium 156: a 40-rule list re-parsed, 20–30 µs a call, against ~1 µs when it hits. A
      // 5,016-element feed subtree × EasyList's 582 complex rules made ~2,066 such calls: 25–33 ms in walk
      // order, ~2.5 ms grouped by file. matchFilterRules over a ~5,000-element feed subtree with the 583 rules
      // a page gets (medians of 15, two runs): 52–54 → 24–30 ms, and 16–21 ms with firstRules.
      for (const [selectors, indices] of waiting) for (const i of indices) if (!matched[i] && elements[i]!.matches(selectors)) matched[i] = 1;
      elements.forEach((el, i) => matched[i] && candidates.add(el));
      const unkeyed = compiled.keyed.unkeyed?.test;
      if (unkeyed !== undefined) {
        if (subtree.matches(unkeyed)) candidates.add(subtree);
        for (const el of subtree.querySelectorAll(unkeyed)) candidates.add(el);
      }
    }
    const selected = [...candidates];
    firstRules(selected, compiled).forEach((rule, i) => {
      if (rule) found.push({ element: selected[i]!, rule: rule.rule });
    });
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
