import { afterEach, describe, expect, it } from 'vitest';
import { compileAttributeFile, exactFor, matchesAttributeFile, parseAttributeRule } from './attribute-rules';
import { matchFilterRules, ruleMatching } from './filter-rules';
import type { FilterRule } from './types';

/**
 * The compiled attribute tests must give the selector engine's answer, element for element: generated rules
 * (every operator, quotes inside values, empty values, names in capitals, with and without a tag) against
 * generated elements (HTML and SVG, names set in capitals or in a namespace, values that are the needle, a
 * prefix of it, a longer string around it, or it in capitals).
 */

// A small deterministic generator: the same cases every run, whatever ran before.
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const reseed = (value: number) => (seed = value);

const NEEDLES = ['', 'h', 'https://', 'https://ads.example/', '.php', '/aclk?', 'x"y', "x'y", 'a b', 'ads', '-', 'Ad', 'é', 'a]b', '(1)|[2]*'];
const TAGS = ['', 'a', 'A', 'div', 'img', 'rect', 'Rect', 'foreignObject'];
const NAMES = ['href', 'HREF', 'data-x', 'Data-X', 'id', 'class', 'title', 'style', 'viewBox', 'target'];
const OPERATORS = ['=', '^=', '$=', '*=', '~=', '|='];

function quoted(value: string): string | null {
  if (!value.includes('"')) return `"${value}"`;
  return value.includes("'") ? null : `'${value}'`;
}

function isValid(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

function generateRules(count: number): string[] {
  const rules = new Set<string>();
  while (rules.size < count) {
    const value = quoted(pick(NEEDLES));
    if (value === null) continue;
    const flag = random() < 0.05 ? pick([' i', ' s']) : '';
    const selector = `${pick(TAGS)}[${pick(NAMES)}${pick(OPERATORS)}${value}${flag}]`;
    if (isValid(selector)) rules.add(selector);
  }
  // A few plain identifiers, and the rules EasyList writes most.
  for (const extra of ['[data-x=ads]', 'a[href^="https://ads.example/"]', 'a[href*="/aclk?"]', '[href$=".php"]', 'a[href="https://ads.example/"]']) rules.add(extra);
  return [...rules];
}

/** Values around each needle: itself, longer on either side, cut short, in capitals; and none at all. */
function values(): string[] {
  const out = new Set<string>(['', ' ', 'https://www.example.com/news/1']);
  for (const n of NEEDLES) for (const v of [n, `${n}tail`, `head${n}`, `head${n}-tail`, `${n}-x`, `x ${n} y`, n.slice(0, -1), n.toUpperCase()]) out.add(v);
  return [...out];
}

const SVG = 'http://www.w3.org/2000/svg';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** One element per value and way of carrying it, under a container in `doc`. */
function generateElements(doc: Document): Element[] {
  reseed(11);
  const elements: Element[] = [];
  const names = ['href', 'data-x', 'id', 'class', 'title', 'style', 'target'];
  for (const value of values()) {
    const tag = pick(['a', 'div', 'img', 'span', 'area']);
    const name = pick(names);
    const make = (create: () => Element, set: (el: Element) => void) => {
      const el = create();
      set(el);
      elements.push(el);
    };
    for (const each of names) make(() => doc.createElement(pick(['a', 'div', 'img', 'span', 'area'])), (el) => el.setAttribute(each, value));
    make(() => doc.createElement(tag), (el) => el.setAttribute(name.toUpperCase(), value)); // lowercased by setAttribute
    make(() => doc.createElementNS(XHTML, tag.toUpperCase()), (el) => el.setAttribute(name, value)); // localName "A"
    make(() => doc.createElement(tag), (el) => el.setAttributeNS(null, name.toUpperCase(), value)); // stays "HREF"
    make(() => doc.createElement(tag), (el) => el.setAttributeNS('urn:x', name, value)); // a namespaced "href"
    make(() => doc.createElementNS(SVG, pick(['a', 'rect', 'foreignObject'])), (el) => el.setAttribute(pick(['href', 'HREF', 'viewBox', 'data-x']), value));
    make(() => doc.createElementNS(SVG, 'a'), (el) => el.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', value));
  }
  const container = doc.createElement('div');
  container.id = 'generated';
  for (const el of elements) container.append(el);
  (doc.body ?? doc.documentElement).append(container);
  return elements;
}

const RULES = generateRules(500);

afterEach(() => {
  for (const container of document.querySelectorAll('#generated')) container.remove();
});

describe('compiled attribute rules, in a real browser', () => {
  it('compiles most of the generated rules, so the comparison below is about the compiled tests', () => {
    const compiled = RULES.filter((r) => parseAttributeRule(r) !== null);
    expect(compiled.length).toBeGreaterThan(RULES.length / 3);
    expect(RULES.length - compiled.length).toBeGreaterThan(50);
  });

  it('answers for each rule what el.matches answers, on every generated element', () => {
    const elements = generateElements(document);
    const html = exactFor(document);
    expect(html).toBe(true);
    const wrong: string[] = [];
    let compiledMatches = 0;
    for (const rule of RULES) {
      const file = compileAttributeFile([rule]);
      for (const el of elements) {
        const matches = matchesAttributeFile(el, file, html);
        if (matches !== el.matches(rule)) wrong.push(`${rule} on ${el.outerHTML}`);
        else if (matches && file.rest === null && el.namespaceURI === XHTML) compiledMatches++;
      }
    }
    expect(wrong).toEqual([]);
    // Not agreement by accident: the compiled tests said yes often, where the engine did too.
    expect(compiledMatches).toBeGreaterThan(200);
  });

  it('answers for a whole file what el.matches answers for the joined list', () => {
    const elements = generateElements(document);
    const wrong: string[] = [];
    for (let i = 0; i < 40; i++) {
      const file = RULES.filter(() => random() < 0.1);
      const compiled = compileAttributeFile(file);
      for (const el of elements) if (matchesAttributeFile(el, compiled, true) !== el.matches(file.join(','))) wrong.push(`${i} ${el.outerHTML}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reads a style attribute set through the CSSOM as the engine does', () => {
    const el = document.createElement('a');
    document.body.append(el);
    el.style.color = 'red';
    for (const rule of ['a[style="color: red;"]', '[style^="color"]', '[style*="red"]', '[style$="blue;"]']) {
      expect(matchesAttributeFile(el, compileAttributeFile([rule]), true), rule).toBe(el.matches(rule));
    }
    expect(matchesAttributeFile(el, compileAttributeFile(['a[style="color: red;"]']), true)).toBe(true);
    el.remove();
  });

  it('leaves XML documents to the engine, where names keep their case', () => {
    const xml = new DOMParser().parseFromString(`<html xmlns="${XHTML}"><body><a id="lower" href="https://ads.example/"/><a id="upper" HREF="https://ads.example/"/></body></html>`, 'application/xhtml+xml');
    expect(exactFor(xml)).toBe(false);
    const file = compileAttributeFile(['a[HREF^="https://ads."]']);
    for (const el of xml.querySelectorAll('a')) expect(matchesAttributeFile(el, file, exactFor(xml)), el.id).toBe(el.matches('a[HREF^="https://ads."]'));
    expect(matchesAttributeFile(xml.getElementById('upper')!, file, false)).toBe(true);
    expect(matchesAttributeFile(xml.getElementById('lower')!, file, false)).toBe(false);
  });
});

describe('matchFilterRules and ruleMatching with compiled attribute rules', () => {
  const asRules = RULES.map((selector): FilterRule => ({ selector, extended: null, rule: `EasyList@1 ##${selector}` }));

  it('find over a subtree, and name for each element, what the selector engine finds', () => {
    const elements = generateElements(document);
    const root = document.getElementById('generated')!;
    const engine = elements.flatMap((el) => {
      const rule = asRules.find((r) => el.matches(r.selector!));
      return rule ? [{ element: el, rule: rule.rule }] : [];
    });
    // Not an empty answer by accident.
    expect(engine.length).toBeGreaterThan(100);
    // In document order, as the walk met them (the `matches` left to the engine go grouped by file).
    expect(matchFilterRules(root, asRules).filter((m) => m.element !== root)).toEqual(engine);
    for (const el of elements) expect(ruleMatching(el, asRules)?.rule, el.outerHTML).toBe(asRules.find((r) => el.matches(r.selector!))?.rule);
  });
});
