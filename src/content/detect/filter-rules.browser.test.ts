import { beforeEach, describe, expect, it } from 'vitest';
import { matchFilterRules, ruleMatching } from './filter-rules';
import type { FilterMatch } from './filter-rules';
import type { FilterRule } from './types';

/**
 * The lone `.class` / `#id` rules are matched by set lookups rather than by the selector engine: in a real
 * browser (the test runner's page is in standards mode; happy-dom has no quirks mode to fall back from), the
 * answer must be the selector engine's, element for element and rule for rule.
 */
const plain = (selector: string): FilterRule => ({ selector, extended: null, rule: `EasyList@1 ##${selector}` });
const summary = (found: FilterMatch[]) => found.map((m) => `${m.element.id} ${m.rule.slice('EasyList@1 ##'.length)}`).sort();

/**
 * What the selector engine alone says: every element any rule selects, with the first rule in the list's order,
 * in document order (a subtree's root first).
 */
function engineInOrder(root: Element | Document, rules: FilterRule[]): string[] {
  const scope = root instanceof Document ? [...root.querySelectorAll('*')] : [root, ...root.querySelectorAll('*')];
  return scope.flatMap((el) => {
    const rule = rules.find((r) => el.matches(r.selector!));
    return rule ? [`${el.id} ${rule.selector}`] : [];
  });
}

const engineAnswer = (root: Element | Document, rules: FilterRule[]) => engineInOrder(root, rules).sort();

const RULES = [
  plain('.ad-banner'),
  plain('#sidebar-ad'),
  plain('div[id^="gpt-"]'),
  plain('.Promo'),
  plain('.sponsored-post'),
  plain('a[href*="/aclk?"]'),
  plain('.post.sponsored-post'),
  plain('.nothing-here'),
];

beforeEach(() => {
  document.body.innerHTML = `
    <main id="main" class="feed">
      <div id="banner" class="wide ad-banner"><a id="adlink" href="https://ads.example/aclk?x=1">Buy</a></div>
      <aside id="sidebar-ad"><img id="pic" src="data:,"></aside>
      <div id="gpt-slot-1" class="ad-banner"></div>
      <div id="lower" class="promo"></div>
      <div id="upper" class="Promo"></div>
      <article id="post" class="post sponsored-post"><p id="para">Text</p></article>
      <article id="plain-post" class="post"></article>
    </main>`;
});

describe('matchFilterRules by names, in a real browser', () => {
  it('is in standards mode here, so the name lookups are what runs', () => {
    expect(document.compatMode).toBe('CSS1Compat');
  });

  it('finds over the document what the selector engine finds, with the first rule in the list', () => {
    expect(summary(matchFilterRules(document, RULES))).toEqual(engineAnswer(document, RULES));
    // Case matters in standards mode: `.Promo` is not class "promo"; the first rule wins over a later one.
    expect(summary(matchFilterRules(document, RULES))).toEqual([
      'adlink a[href*="/aclk?"]',
      'banner .ad-banner',
      'gpt-slot-1 .ad-banner',
      'post .sponsored-post',
      'sidebar-ad #sidebar-ad',
      'upper .Promo',
    ]);
  });

  it('finds over a subtree, its root included, what the selector engine finds', () => {
    for (const id of ['main', 'banner', 'post', 'sidebar-ad', 'plain-post']) {
      const root = document.getElementById(id)!;
      expect(summary(matchFilterRules(root, RULES))).toEqual(engineAnswer(root, RULES));
    }
  });

  it('files an attribute set with an upper-case name (setAttributeNS keeps its case) as the engine does', () => {
    const rules = [plain('[data-ad-slot]'), plain('div[data-testid="placementTracking"]')];
    const box = document.getElementById('plain-post')!;
    box.innerHTML = '<div id="slot"></div><div id="tracked"></div><div id="lower-slot" data-ad-slot="1"></div>';
    box.querySelector('#slot')!.setAttributeNS(null, 'DATA-AD-SLOT', '1');
    box.querySelector('#tracked')!.setAttributeNS(null, 'Data-TestId', 'placementTracking');
    expect(summary(matchFilterRules(box, rules))).toEqual(engineAnswer(box, rules));
    // In an HTML document the engine matches `[data-ad-slot]` only on the name the parser would write.
    expect(summary(matchFilterRules(box, rules))).toEqual(['lower-slot [data-ad-slot]']);
  });

  it('files an upper-case attribute name of an XML document under its rule, where names keep their case', () => {
    const XHTML = 'http://www.w3.org/1999/xhtml';
    const xml = new DOMParser().parseFromString(
      `<html xmlns="${XHTML}"><body><div id="feed"><a id="upper" HREF="https://ads.example/x"/><a id="lower" href="https://ads.example/x"/></div></body></html>`,
      'application/xhtml+xml',
    );
    const rules = [plain('a[HREF^="https://ads."]')];
    const feed = xml.getElementById('feed')!;
    expect(summary(matchFilterRules(feed, rules))).toEqual(engineAnswer(feed, rules));
    expect(summary(matchFilterRules(feed, rules))).toEqual(['upper a[HREF^="https://ads."]']);
  });

  it('names the first rule for an ancestor, and none for an element no rule selects', () => {
    expect(ruleMatching(document.getElementById('gpt-slot-1')!, RULES)?.selector).toBe('.ad-banner');
    expect(ruleMatching(document.getElementById('post')!, RULES)?.selector).toBe('.sponsored-post');
    expect(ruleMatching(document.getElementById('plain-post')!, RULES)).toBeUndefined();
    expect(ruleMatching(document.getElementById('lower')!, RULES)).toBeUndefined();
  });

  it('falls back to the selector engine in quirks mode, where class names match ignoring case', () => {
    const quirks = new DOMParser().parseFromString('<div id="lower" class="promo"></div><div id="ad" class="AD-BANNER"></div>', 'text/html');
    expect(quirks.compatMode).toBe('BackCompat');
    expect(summary(matchFilterRules(quirks, RULES))).toEqual(['ad .ad-banner', 'lower .Promo']);
    expect(summary(matchFilterRules(quirks.body, RULES))).toEqual(['ad .ad-banner', 'lower .Promo']);
  });
});

/**
 * The other rules are filed by what their rightmost compound requires (rule-keys.ts) and each element of a
 * subtree is tested only against the files of its own id, classes, attributes and tag: the answer must still
 * be the selector engine's, for the subtree's root and for each ancestor `ruleMatching` is asked about.
 */
const KEYED = [
  plain('[class^="ad-"]'),
  plain('a[href*="/aclk?"]'),
  plain('article[data-testid="placementTracking"]'),
  plain('DIV[Data-Slot]'),
  plain('.feed > .post.promoted'),
  plain('#timeline .cta'),
  plain('ins.adsbygoogle[data-ad-client]'),
  plain('section aside'),
  plain('svg rect.badge'),
  plain('foreignObject'),
  plain('div:not(.organic):empty'),
  plain(':is(.boost, .lift)'),
  plain('[title="a]b"].quoted'),
];

describe('matchFilterRules by rule keys, in a real browser', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <main id="timeline" class="feed">
        <article id="p1" class="post" data-testid="tweet"><p id="p1-text">Hello</p><div id="p1-empty" class="organic"></div></article>
        <article id="p2" class="post promoted" data-testid="placementTracking"><a id="p2-cta" class="cta" href="https://x.example/aclk?i=2">Shop</a></article>
        <div id="ad-top" class="ad-top wide"><span id="ad-in" class="ad-inner">x</span></div>
        <div id="slot" data-slot="1"><ins id="ins" class="adsbygoogle" data-ad-client="ca-1"></ins><ins id="ins-bare" class="adsbygoogle"></ins></div>
        <section id="sec"><div><aside id="aside-deep">x</aside></div></section>
        <aside id="aside-top">y</aside>
        <div id="empty"></div>
        <p id="boost" class="boost">b</p>
        <b id="quoted" class="quoted" title="a]b">q</b>
        <svg id="svg"><rect id="badge" class="badge" width="4" height="4"></rect><foreignObject id="fo"></foreignObject></svg>
      </main>`;
  });

  it('finds over each subtree, its root included, what the selector engine finds', () => {
    for (const el of [document.getElementById('timeline')!, ...document.getElementById('timeline')!.querySelectorAll('[id]')]) {
      expect(summary(matchFilterRules(el, KEYED)), el.id).toEqual(engineAnswer(el, KEYED));
    }
    // The answer is not empty by accident: every kind of key selects something here.
    expect(summary(matchFilterRules(document.getElementById('timeline')!, KEYED))).toEqual([
      'ad-in [class^="ad-"]',
      'ad-top [class^="ad-"]',
      'aside-deep section aside',
      'badge svg rect.badge',
      'boost :is(.boost, .lift)',
      'empty div:not(.organic):empty',
      'fo foreignObject',
      'ins ins.adsbygoogle[data-ad-client]',
      'p2 article[data-testid="placementTracking"]',
      'p2-cta a[href*="/aclk?"]',
      'quoted [title="a]b"].quoted',
      'slot DIV[Data-Slot]',
    ]);
  });

  it('names for each element the first rule the selector engine names', () => {
    for (const el of document.getElementById('timeline')!.querySelectorAll('[id]')) {
      const engine = KEYED.find((r) => el.matches(r.selector!));
      expect(ruleMatching(el, KEYED)?.selector, el.id).toBe(engine?.selector);
    }
  });
});

/**
 * The walk tests its `matches` grouped by file, not element by element, and looks up each candidate's first
 * rule grouped by rule: what it returns must still be the selector engine's answer in the order of old, the
 * walk's document order (the subtree's root first), element for element and rule for rule.
 */
describe('matchFilterRules grouped by selector, in a real browser', () => {
  const inOrder = (found: FilterMatch[]) => found.map((m) => `${m.element.id} ${m.rule.slice('EasyList@1 ##'.length)}`);

  it('returns the candidates of many files in document order, the root first', () => {
    // Files interleaved in the document: class `x` (the root's too), attributes `href` and `alt`, id `s1`,
    // class `tagged`, tags `b` and `p`; some elements carry a file and miss it.
    const rules = ['img.x', 'a[href][title]', '#s1.tagged', 'span.tagged', 'b', 'img[alt="b"]', 'main > p', 'main.x'].map(plain);
    document.body.innerHTML = `
      <main id="root" class="x"><img id="i0" class="x" alt="a">
        <a id="a0" href="/0">no title</a><p id="p0"><b id="b0">b</b></p><img id="i1" class="y" alt="b">
        <span id="s0" class="tagged"></span><a id="a1" href="/1" title="t"></a><span id="s1" class="tagged"></span>
        <img id="i2" class="x"><a id="a2" href="/2" title="t"><b id="b1"></b></a><p id="p1"></p>
      </main>`;
    const root = document.getElementById('root')!;
    expect(inOrder(matchFilterRules(root, rules))).toEqual(engineInOrder(root, rules));
    expect(inOrder(matchFilterRules(root, rules))).toEqual([
      'root main.x',
      'i0 img.x',
      'p0 main > p',
      'b0 b',
      'i1 img[alt="b"]',
      's0 span.tagged',
      'a1 a[href][title]',
      's1 #s1.tagged',
      'i2 img.x',
      'a2 a[href][title]',
      'b1 b',
      'p1 main > p',
    ]);
  });

  it('names the first rule in the list for an element several files select, a lone name among them', () => {
    document.body.innerHTML = `<main id="root"><div id="hero" class="promo wide" data-ad="1" title="t"><img id="pic" class="promo" src="data:,"></div></main>`;
    const hero = document.getElementById('hero')!;
    // Files: id `hero`, class `promo`, attribute `data-ad`, tag `div`; `.wide` a lone name; `:is(…)` no key.
    const files = ['#hero.wide', '.promo[data-ad]', '[data-ad="1"][title]', 'main > div', ':is(#hero)'];
    for (let first = 0; first < files.length; first++) {
      const order = [...files.slice(first), ...files.slice(0, first)];
      for (const lone of [0, 2, order.length]) {
        const rules = [...order.slice(0, lone), '.wide', ...order.slice(lone)].map(plain);
        const root = document.getElementById('root')!;
        expect(inOrder(matchFilterRules(root, rules)), rules.map((r) => r.selector).join(' ')).toEqual(engineInOrder(root, rules));
        expect(ruleMatching(hero, rules)?.selector).toBe(rules.find((r) => hero.matches(r.selector!))!.selector);
        expect(ruleMatching(hero, rules)?.selector).toBe(lone === 0 ? '.wide' : order[0]);
      }
    }
  });

  it('puts an element only unkeyed rules select after the walk, as before', () => {
    document.body.innerHTML = `<main id="root"><p id="first" class="boost"></p><b id="second" class="ad"></b></main>`;
    const rules = [':is(.boost)', 'b.ad'].map(plain);
    expect(inOrder(matchFilterRules(document.getElementById('root')!, rules))).toEqual(['second b.ad', 'first :is(.boost)']);
  });

  // A small deterministic generator: the same cases every run.
  let seed = 3;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  it('finds over generated subtrees what the selector engine finds, in document order', () => {
    const TAGS = ['div', 'span', 'a', 'img', 'section', 'p'];
    const CLASSES = ['ad', 'post', 'promo', 'card', 'wide'];
    const ATTRIBUTES = ['href', 'data-ad', 'title', 'data-testid'];
    const VALUES = ['ad', 'https://ads.example/1', 'x', 'promo-1'];
    const compound = () => {
      const kind = random();
      const tag = random() < 0.4 ? pick(TAGS) : '';
      if (kind < 0.3) return `${tag}.${pick(CLASSES)}${random() < 0.5 ? `.${pick(CLASSES)}` : ''}`;
      if (kind < 0.4) return `${tag}#e${Math.floor(random() * 40)}${random() < 0.5 ? `.${pick(CLASSES)}` : ''}`;
      if (kind < 0.8) return `${tag}[${pick(ATTRIBUTES)}${random() < 0.5 ? `^="${pick(VALUES).slice(0, 3)}"` : ''}]${random() < 0.3 ? `[${pick(ATTRIBUTES)}]` : ''}`;
      return pick(TAGS);
    };
    const rules = new Set<string>();
    while (rules.size < 120) {
      const r = random();
      rules.add(r < 0.3 ? `.${pick(CLASSES)}` : r < 0.6 ? compound() : `${pick(TAGS)}${pick([' ', ' > ', ' + ', ' ~ '])}${compound()}`);
    }
    const asRules = [...rules].map(plain);
    const build = (depth: number): string => {
      const tag = pick(TAGS);
      const attrs = [`id="e${Math.floor(random() * 40)}"`];
      if (random() < 0.6) attrs.push(`class="${pick(CLASSES)}${random() < 0.4 ? ` ${pick(CLASSES)}` : ''}"`);
      for (const name of ATTRIBUTES) if (random() < 0.25) attrs.push(`${name}="${pick(VALUES)}"`);
      const children = depth < 3 ? Array.from({ length: Math.floor(random() * 4) }, () => build(depth + 1)).join('') : '';
      return tag === 'img' ? `<img ${attrs.join(' ')}>` : `<${tag} ${attrs.join(' ')}>${children}</${tag}>`;
    };
    let candidates = 0;
    for (let i = 0; i < 20; i++) {
      document.body.innerHTML = `<main id="root">${build(0)}${build(0)}</main>`;
      for (const root of [document.getElementById('root')!, document.getElementById('root')!.firstElementChild!]) {
        const expected = engineInOrder(root, asRules);
        expect(inOrder(matchFilterRules(root, asRules)), root.outerHTML).toEqual(expected);
        candidates += expected.length;
      }
      for (const el of document.querySelectorAll('#root *')) expect(ruleMatching(el, asRules)?.selector, el.outerHTML).toBe(asRules.find((r) => el.matches(r.selector!))?.selector);
    }
    // Not an empty answer by accident.
    expect(candidates).toBeGreaterThan(300);
  });
});
