import { existsSync, readFileSync } from 'node:fs';
import { FiltersEngine } from '@ghostery/adblocker';
import { describe, expect, it } from 'vitest';
import type { FilterListInfo, FilterRule } from '../../common/types';
import { detectionLines, ENGINE_OPTIONS } from './list-text.js';
import { pageRules } from './page-rules';
import type { PageTokens } from './page-rules';

const INFO: FilterListInfo = {
  id: 'easylist',
  name: 'EasyList',
  version: '202506151200',
  source: 'https://easylist.to/easylist/easylist.txt',
  obtained: '2025-06-15T12:00:00.000Z',
  sha256: 'ab'.repeat(32),
  cosmeticFilters: 0,
};

const LIST = [
  '[Adblock Plus 2.0]',
  '! Title: test list',
  '##.ad-banner',
  // The same rule twice: the engine keeps both, pageRules must report it once.
  '##.ad-banner',
  '###ad_main',
  '##a[href^="https://ads.example.com/"]',
  'example.com##.promo-slot',
  '##[data-ad-slot]',
  'example.com#@#.ad-banner',
  'example.com##div:has-text(Sponsored)',
  'example.com##+js(foo)',
  'example.com##.x:style(color: red)',
  // A generic style rule without a token sits with the untokenised generic rules, and so does a generic
  // rule with a negated hostname.
  '##[data-styled]:style(color: red)',
  '~example.com##[data-not-example]',
  // A request-blocking rule: detectionLines() drops it.
  '||ads.example.com^$third-party',
].join('\n');

/** Compiles a list as the build and the weekly refresh do. */
const compile = (text: string) => FiltersEngine.parse(detectionLines(text), ENGINE_OPTIONS);

const engine = compile(LIST);

/** Every token the list can key on, so only the hostname and `first` decide. */
function page(hostname: string, overrides: Partial<PageTokens> = {}): PageTokens {
  return {
    url: `https://${hostname}/article`,
    hostname,
    domain: hostname.replace(/^www\./, ''),
    classes: ['ad-banner', 'promo-slot', 'x'],
    ids: ['ad_main'],
    hrefs: ['https://ads.example.com/click?id=1'],
    first: true,
    ...overrides,
  };
}

const texts = (rules: FilterRule[]) => rules.map((r) => r.rule.replace(`EasyList@${INFO.version} `, ''));
const selectors = (rules: FilterRule[]) => rules.map((r) => r.selector);

describe('pageRules: rules keyed by the page tokens', () => {
  it('returns a generic class rule only when the page reports that class', () => {
    const withClass = pageRules(engine, INFO, page('other.org', { classes: ['ad-banner'], ids: [], hrefs: [], first: false }));
    expect(selectors(withClass)).toEqual(['.ad-banner']);
    const without = pageRules(engine, INFO, page('other.org', { classes: ['story'], ids: [], hrefs: [], first: false }));
    expect(selectors(without)).not.toContain('.ad-banner');
    expect(without).toEqual([]);
  });

  it('returns an id rule for the page id', () => {
    const rules = pageRules(engine, INFO, page('other.org', { classes: [], ids: ['ad_main'], hrefs: [], first: false }));
    expect(rules).toEqual([{ selector: '#ad_main', extended: null, rule: `EasyList@${INFO.version} ###ad_main` }]);
    expect(pageRules(engine, INFO, page('other.org', { classes: [], ids: ['main'], hrefs: [], first: false }))).toEqual([]);
  });

  it('returns an href rule for a link to the ad host, not for an unrelated link', () => {
    const rules = pageRules(engine, INFO, page('other.org', { classes: [], ids: [], first: false }));
    expect(rules).toEqual([
      {
        selector: 'a[href^="https://ads.example.com/"]',
        extended: null,
        rule: `EasyList@${INFO.version} ##a[href^="https://ads.example.com/"]`,
      },
    ]);
    // The engine narrows by a token of the href (a candidate, not a prefix match), so a link sharing no
    // token with the rule's URL gets nothing.
    const elsewhere = pageRules(engine, INFO, page('other.org', { classes: [], ids: [], hrefs: ['/local/story'], first: false }));
    expect(elsewhere).toEqual([]);
  });

  it('removes duplicate rules', () => {
    const rules = pageRules(engine, INFO, page('other.org', { classes: ['ad-banner'], ids: [], hrefs: [], first: false }));
    expect(texts(rules)).toEqual(['##.ad-banner']);
    const all = texts(pageRules(engine, INFO, page('other.org')));
    expect(new Set(all).size).toBe(all.length);
  });

  it('names every rule by list name, version and raw filter text', () => {
    const rules = pageRules(engine, INFO, page('www.example.com'));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.rule).toMatch(/^EasyList@202506151200 \S/);
    const other: FilterListInfo = { ...INFO, name: 'Other', version: '7' };
    expect(pageRules(engine, other, page('other.org', { classes: [], hrefs: [], first: false }))).toEqual([
      { selector: '#ad_main', extended: null, rule: 'Other@7 ###ad_main' },
    ]);
  });
});

describe('pageRules: hostname rules and untokenised generic rules', () => {
  it('returns a site rule for its site on the first call only', () => {
    expect(texts(pageRules(engine, INFO, page('www.example.com')))).toContain('example.com##.promo-slot');
    expect(texts(pageRules(engine, INFO, page('www.example.com', { first: false })))).not.toContain('example.com##.promo-slot');
    expect(texts(pageRules(engine, INFO, page('other.org')))).not.toContain('example.com##.promo-slot');
  });

  it('returns a generic rule without a token on the first call only', () => {
    const first = pageRules(engine, INFO, page('www.example.com', { classes: [], ids: [], hrefs: [] }));
    expect(first).toContainEqual({ selector: '[data-ad-slot]', extended: null, rule: `EasyList@${INFO.version} ##[data-ad-slot]` });
    const later = pageRules(engine, INFO, page('www.example.com', { classes: [], ids: [], hrefs: [], first: false }));
    expect(later).toEqual([]);
  });

  it('returns a generic rule with a negated hostname everywhere but on that hostname', () => {
    const onOther = pageRules(engine, INFO, page('other.org', { classes: [], ids: [], hrefs: [] }));
    expect(texts(onOther)).toContain('~example.com##[data-not-example]');
    expect(onOther.filter((r) => r.selector === '[data-not-example]')).toHaveLength(1);
    expect(texts(pageRules(engine, INFO, page('www.example.com')))).not.toContain('~example.com##[data-not-example]');
    expect(texts(pageRules(engine, INFO, page('other.org', { first: false })))).not.toContain('~example.com##[data-not-example]');
  });

  it('returns the full expected set for the site on the first call', () => {
    expect(texts(pageRules(engine, INFO, page('www.example.com'))).sort()).toEqual(
      [
        '###ad_main',
        '##[data-ad-slot]',
        '##a[href^="https://ads.example.com/"]',
        'example.com##.promo-slot',
        'example.com##div:has-text(Sponsored)',
      ].sort(),
    );
    expect(texts(pageRules(engine, INFO, page('other.org'))).sort()).toEqual(
      [
        '##.ad-banner',
        '###ad_main',
        '##[data-ad-slot]',
        '##a[href^="https://ads.example.com/"]',
        '~example.com##[data-not-example]',
      ].sort(),
    );
  });
});

describe('pageRules: exceptions and rules that are not detectors', () => {
  it('drops a rule the site excepts (#@#), on that site only, on every call', () => {
    expect(selectors(pageRules(engine, INFO, page('www.example.com')))).not.toContain('.ad-banner');
    expect(selectors(pageRules(engine, INFO, page('www.example.com', { first: false })))).not.toContain('.ad-banner');
    expect(selectors(pageRules(engine, INFO, page('other.org')))).toContain('.ad-banner');
    expect(selectors(pageRules(engine, INFO, page('other.org', { first: false })))).toContain('.ad-banner');
  });

  it('returns a procedural rule as an extended AST with no plain selector', () => {
    const rules = pageRules(engine, INFO, page('www.example.com'));
    const procedural = rules.find((r) => r.rule.endsWith('example.com##div:has-text(Sponsored)'));
    expect(procedural).toBeDefined();
    expect(procedural?.selector).toBeNull();
    expect(procedural?.extended).toMatchObject({ type: 'compound' });
    expect(JSON.stringify(procedural?.extended)).toContain('has-text');
    // Plain rules carry no AST.
    for (const rule of rules.filter((r) => r !== procedural)) {
      expect(typeof rule.selector).toBe('string');
      expect(rule.extended).toBeNull();
    }
  });

  it('never returns a scriptlet or a style rule', () => {
    for (const first of [true, false]) {
      const all = texts(pageRules(engine, INFO, page('www.example.com', { first })));
      expect(all.some((t) => t.includes('+js('))).toBe(false);
      expect(all.some((t) => t.includes(':style('))).toBe(false);
      expect(texts(pageRules(engine, INFO, page('other.org', { first }))).some((t) => t.includes(':style('))).toBe(false);
    }
  });

  it('drops an untokenised generic rule the site excepts (#@#) on the first call, and only on that site', () => {
    const excepted = compile(['##[data-ad-slot]', 'example.com#@#[data-ad-slot]', '##[data-other-slot]'].join('\n'));
    const onSite = pageRules(excepted, INFO, page('www.example.com', { classes: [], ids: [], hrefs: [] }));
    expect(selectors(onSite)).not.toContain('[data-ad-slot]');
    expect(selectors(onSite)).toEqual(['[data-other-slot]']);
    const elsewhere = pageRules(excepted, INFO, page('other.org', { classes: [], ids: [], hrefs: [] }));
    expect(selectors(elsewhere).sort()).toEqual(['[data-ad-slot]', '[data-other-slot]']);
    expect(elsewhere.filter((r) => r.selector === '[data-ad-slot]')).toHaveLength(1);
    // Asking again (the engine's rules are cached) gives the same answer.
    expect(selectors(pageRules(excepted, INFO, page('www.example.com', { classes: [], ids: [], hrefs: [] })))).toEqual(['[data-other-slot]']);
  });

  it('honours a $generichide exception: no generic rule for the site, its own rules still', () => {
    const withGenerichide = compile(`${LIST}\n@@||example.com^$generichide`);
    const onSite = texts(pageRules(withGenerichide, INFO, page('www.example.com')));
    // Neither class/id/href-keyed generic rules nor untokenised ones.
    expect(onSite).not.toContain('###ad_main');
    expect(onSite).not.toContain('##a[href^="https://ads.example.com/"]');
    expect(onSite).not.toContain('##[data-ad-slot]');
    expect(onSite.sort()).toEqual(['example.com##.promo-slot', 'example.com##div:has-text(Sponsored)'].sort());
    expect(pageRules(withGenerichide, INFO, page('www.example.com', { first: false }))).toEqual([]);
    expect(texts(pageRules(withGenerichide, INFO, page('other.org'))).sort()).toEqual(
      [
        '##.ad-banner',
        '###ad_main',
        '##[data-ad-slot]',
        '##a[href^="https://ads.example.com/"]',
        '~example.com##[data-not-example]',
      ].sort(),
    );
    // Without the exception the same site does get the generic rules.
    expect(texts(pageRules(engine, INFO, page('www.example.com')))).toContain('##[data-ad-slot]');
    expect(texts(pageRules(engine, INFO, page('www.example.com')))).toContain('###ad_main');
  });
});

const EASYLIST = '.cache/filter-lists/easylist.txt';

describe('pageRules with the real EasyList', () => {
  it.skipIf(!existsSync(EASYLIST))('returns a few rules for the page tokens, never the whole list', { timeout: 60_000 }, () => {
    const easylist = compile(readFileSync(EASYLIST, 'utf8'));
    expect(easylist.cosmetics.getFilters().length).toBeGreaterThan(20_000);
    const rules = pageRules(
      easylist,
      INFO,
      page('news.test', { classes: ['adsbygoogle'], ids: ['div-gpt-ad-1'], hrefs: [] }),
    );
    expect(rules.some((r) => r.selector?.includes('adsbygoogle'))).toBe(true);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.length).toBeLessThan(500);
    const all = rules.map((r) => r.rule);
    expect(new Set(all).size).toBe(all.length);
  });
});
