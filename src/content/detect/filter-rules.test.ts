// @vitest-environment happy-dom
import { parse } from '@ghostery/adblocker-extended-selectors';
import { beforeEach, describe, expect, it } from 'vitest';
import { matchFilterRules } from './filter-rules';
import type { FilterMatch } from './filter-rules';
import type { FilterRule } from './types';
import { byId } from './test-page';

beforeEach(() => {
  document.body.innerHTML = `
    <main id="main">
      <div id="banner" class="ad-banner"><a id="adlink" href="https://ads.example.com/c?1">Buy</a></div>
      <div id="post1" class="post"><p>Real news</p></div>
      <div id="post2" class="post"><span>Sponsored</span><p>Buy things</p></div>
      <div id="slot" data-ad-slot="1"></div>
      <a id="home" href="/">Home</a>
    </main>`;
});

const plain = (selector: string): FilterRule => ({ selector, extended: null, rule: `EasyList@1 ##${selector}` });

function extended(selector: string): FilterRule {
  const ast = parse(selector);
  if (!ast) throw new Error(`cannot parse ${selector}`);
  return { selector: null, extended: ast, rule: `EasyList@1 ##${selector}` };
}

const summary = (found: FilterMatch[]) => found.map((m) => [m.element.id || m.element.tagName.toLowerCase(), m.rule]);

describe('matchFilterRules: plain selectors', () => {
  it('finds the elements each rule selects, with the rule that found them', () => {
    const rules = [plain('.ad-banner'), plain('a[href^="https://ads.example.com/"]'), plain('[data-ad-slot]'), plain('.nothing-here')];
    expect(summary(matchFilterRules(document, rules))).toEqual([
      ['banner', 'EasyList@1 ##.ad-banner'],
      ['adlink', 'EasyList@1 ##a[href^="https://ads.example.com/"]'],
      ['slot', 'EasyList@1 ##[data-ad-slot]'],
    ]);
  });

  it('matches the root element itself as well as its descendants', () => {
    const main = byId('main');
    expect(summary(matchFilterRules(main, [plain('main'), plain('div.post')]))).toEqual([
      ['main', 'EasyList@1 ##main'],
      ['post1', 'EasyList@1 ##div.post'],
      ['post2', 'EasyList@1 ##div.post'],
    ]);
    expect(summary(matchFilterRules(byId('banner'), [plain('.ad-banner')]))).toEqual([['banner', 'EasyList@1 ##.ad-banner']]);
  });

  it('looks only at or under the root', () => {
    expect(matchFilterRules(byId('post1'), [plain('.ad-banner'), plain('[data-ad-slot]')])).toEqual([]);
  });

  it('skips a selector the DOM rejects and goes on with the next rule', () => {
    const rules = [plain('div[[['), plain('.ad-banner:unknown-pseudo(x'), plain('#slot')];
    expect(() => matchFilterRules(document, rules)).not.toThrow();
    expect(summary(matchFilterRules(document, rules))).toEqual([['slot', 'EasyList@1 ###slot']]);
  });

  it('returns nothing for no rules, or a rule with neither selector nor AST', () => {
    expect(matchFilterRules(document, [])).toEqual([]);
    expect(matchFilterRules(document, [{ selector: null, extended: null, rule: 'EasyList@1 broken' }])).toEqual([]);
  });
});

describe('matchFilterRules: procedural rules', () => {
  it('evaluates :has-text through the extended-selectors AST', () => {
    const found = matchFilterRules(document, [extended('div:has-text(Sponsored)')]);
    expect(summary(found)).toEqual([['post2', 'EasyList@1 ##div:has-text(Sponsored)']]);
    expect(found[0]?.element).toBe(byId('post2'));
  });

  it('evaluates :has-text with a regular expression and :upward, scoped to an element root', () => {
    const rules = [extended('div:has-text(/^sponsored/i)'), extended('span:has-text(Sponsored):upward(1)')];
    expect(summary(matchFilterRules(byId('main'), rules))).toEqual([
      ['post2', 'EasyList@1 ##div:has-text(/^sponsored/i)'],
      ['post2', 'EasyList@1 ##span:has-text(Sponsored):upward(1)'],
    ]);
    expect(matchFilterRules(byId('post1'), rules)).toEqual([]);
  });

  it('keeps going after a procedural rule and mixes both kinds', () => {
    const rules = [extended('div:has-text(Sponsored)'), plain('.ad-banner')];
    // Plain rules run first, as one joined query; the order of matches does not matter to detectAds.
    expect(summary(matchFilterRules(document, rules))).toEqual([
      ['banner', 'EasyList@1 ##.ad-banner'],
      ['post2', 'EasyList@1 ##div:has-text(Sponsored)'],
    ]);
  });
});
