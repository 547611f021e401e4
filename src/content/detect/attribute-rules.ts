/**
 * The rules of one attribute file (rule-keys.ts) that are a lone attribute test, matched in script instead of
 * by the selector engine. Why: over a subtree a feed adds, every link met EasyList's `href` file, 294 generic
 * rules (`a[href^="https://…"]`, `[href*="…"]`) joined into one list for `el.matches`, and `matchesKeyed` was
 * the walk's largest function (≈80 of ≈600 ms sampled on a 600-post feed). 284 of those 294 are
 * `tag?[attr OP "value"]`: here they become one RegExp per attribute and tag, and only the file's other rules
 * (two attribute tests in one compound, a case flag) still go to `el.matches`. In Chromium, 1,180 feed links
 * against the `href` file: 14–15 ms with the engine, 1.4–1.6 ms so. Why a RegExp: V8's irregexp tests 274
 * escaped prefixes in ≈30 ns a value, where a loop of `startsWith` over them took ≈9 µs.
 *
 * Exact where the attribute's value is what the engine compares, case for case (`exactFor`): an HTML element
 * of an HTML document, whose attribute names the parser lowercases as the selector's, and an attribute whose
 * value CSS compares case-sensitively. Any other element meets the whole file through the engine.
 */

export type AttributeOperator = '=' | '^=' | '$=' | '*=';

/** `tag?[name OP value]`: names lowercased (as the engine reads them in an HTML document), the value as written. */
export interface AttributeRule {
  tag: string | null;
  name: string;
  operator: AttributeOperator;
  value: string;
}

export interface AttributeFile {
  /** By attribute name, then by tag ('' for any tag): one RegExp for every compiled rule of that pair. */
  tests: ReadonlyMap<string, ReadonlyMap<string, RegExp>>;
  /** The file's other rules joined, for the engine; null when every rule compiled. */
  rest: string | null;
  /** Every rule of the file joined: the engine's test for an element the compiled tests cannot read exactly. */
  all: string;
}

/**
 * Attributes whose values HTML documents match case-insensitively in attribute selectors (HTML, "Case-sensitivity
 * of selectors"): a lowercase-only comparison here would be wrong, so their rules stay with the engine.
 */
const CASE_INSENSITIVE_VALUES = new Set(
  'accept accept-charset align alink axis bgcolor charset checked clear codetype color compact declare defer dir direction disabled enctype face frame hreflang http-equiv lang language link media method multiple nohref noshade nowrap readonly rel rev rules scope scrolling selected shape target text type valign valuetype vlink'.split(
    ' ',
  ),
);

const WS = '[ \\t\\n\\r\\f]*';
const IDENT = '-?[A-Za-z_][\\w-]*';
/**
 * A plain tag (or none), one attribute, `=`, `^=`, `$=` or `*=`, a quoted string or a plain identifier, no
 * case flag. No backslash anywhere (an escape), no newline or NUL in a string (the CSS parser rewrites them):
 * anything else is not this reader's to judge and stays with the engine (`~=` and `|=` as well: EasyList's
 * generic rules have none).
 */
const LONE_ATTRIBUTE = new RegExp(
  `^(${IDENT})?\\[${WS}(${IDENT})${WS}([\\^$*]?=)${WS}(?:"([^"\\\\\\n\\r\\f\\0]*)"|'([^'\\\\\\n\\r\\f\\0]*)'|(${IDENT}))${WS}\\]$`,
);

/** The rule as a lone attribute test, or null when it is anything else (or its attribute is matched ignoring case). */
export function parseAttributeRule(selector: string): AttributeRule | null {
  const m = LONE_ATTRIBUTE.exec(selector);
  if (!m) return null;
  const name = m[2]!.toLowerCase();
  if (CASE_INSENSITIVE_VALUES.has(name)) return null;
  return { tag: m[1]?.toLowerCase() ?? null, name, operator: m[3] as AttributeOperator, value: m[4] ?? m[5] ?? m[6]! };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One RegExp for rules of one attribute and tag. CSS: `=` is the whole value; `^=`, `$=` and `*=` with an
 * empty string match nothing, so those rules are dropped here (null when nothing is left).
 */
function valueTest(rules: readonly AttributeRule[]): RegExp | null {
  const needles = (operator: AttributeOperator) => [...new Set(rules.filter((r) => r.operator === operator && (operator === '=' || r.value !== '')).map((r) => escape(r.value)))];
  const alternatives: string[] = [];
  const add = (operator: AttributeOperator, before: string, after: string) => {
    const list = needles(operator);
    if (list.length > 0) alternatives.push(`${before}(?:${list.join('|')})${after}`);
  };
  add('^=', '^', '');
  add('=', '^', '$');
  add('$=', '', '$');
  add('*=', '', '');
  return alternatives.length > 0 ? new RegExp(alternatives.join('|')) : null;
}

export function compileAttributeFile(selectors: readonly string[]): AttributeFile {
  const byName = new Map<string, Map<string, AttributeRule[]>>();
  const rest: string[] = [];
  for (const selector of selectors) {
    const rule = parseAttributeRule(selector);
    if (!rule) {
      rest.push(selector);
      continue;
    }
    const byTag = byName.get(rule.name) ?? byName.set(rule.name, new Map()).get(rule.name)!;
    const same = byTag.get(rule.tag ?? '');
    if (same) same.push(rule);
    else byTag.set(rule.tag ?? '', [rule]);
  }
  const tests = new Map<string, Map<string, RegExp>>();
  for (const [name, byTag] of byName) {
    const compiled = new Map<string, RegExp>();
    for (const [tag, rules] of byTag) {
      const test = valueTest(rules);
      if (test) compiled.set(tag, test);
    }
    if (compiled.size > 0) tests.set(name, compiled);
  }
  return { tests, rest: rest.length > 0 ? rest.join(',') : null, all: selectors.join(',') };
}

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * Whether the compiled tests give the engine's answer for elements of this document: in an HTML document
 * only, where the engine lowercases a selector's tag and attribute names (in an XML document `[HREF]` is not
 * `[href]`). A document whose type is not `text/html` is treated as XML: the engine answers, exactly.
 */
export function exactFor(doc: Document): boolean {
  return doc.contentType === 'text/html';
}

/**
 * What the compiled tests leave of the file for el: true when one of them matched, else the selector list the
 * engine must still test (null: none). `htmlDocument`: exactFor(el's document). The attribute is read in the
 * null namespace, the only one an attribute selector without a namespace matches (never `xlink:href`).
 */
export function attributeFileRest(el: Element, file: AttributeFile, htmlDocument: boolean): true | string | null {
  // SVG and MathML elements keep case in attribute and tag names that the engine compares ignoring case.
  if (!htmlDocument || el.namespaceURI !== HTML_NAMESPACE) return file.all;
  for (const [name, byTag] of file.tests) {
    const value = el.getAttributeNS(null, name);
    if (value === null) continue;
    if (byTag.get('')?.test(value) || byTag.get(el.localName)?.test(value)) return true;
  }
  return file.rest;
}

/** Whether el matches a rule of the file. `htmlDocument`: exactFor(el's document). */
export function matchesAttributeFile(el: Element, file: AttributeFile, htmlDocument: boolean): boolean {
  const rest = attributeFileRest(el, file, htmlDocument);
  return rest === true || (rest !== null && el.matches(rest));
}
