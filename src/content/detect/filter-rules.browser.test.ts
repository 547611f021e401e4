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

/** What the selector engine alone says: every element any rule selects, with the first rule in the list's order. */
function engineAnswer(root: Element | Document, rules: FilterRule[]): string[] {
  const scope = root instanceof Document ? [...root.querySelectorAll('*')] : [root, ...root.querySelectorAll('*')];
  return scope.flatMap((el) => {
    const rule = rules.find((r) => el.matches(r.selector!));
    return rule ? [`${el.id} ${rule.selector}`] : [];
  }).sort();
}

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
