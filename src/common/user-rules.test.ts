import { describe, expect, it } from 'vitest';
import { correctionLine, parseUserRules, userRulesFor } from './user-rules';

describe('parseUserRules', () => {
  it('reads ad and not-ad rules with and without domains, skipping blanks and comments', () => {
    const { rules, errors } = parseUserRules('! my corrections\n\nnews.test##.promo-box\nblog.test, shop.test#@#div.card\n##.everywhere-ad\n');
    expect(errors).toEqual([]);
    expect(rules).toEqual([
      { kind: 'ad', domains: ['news.test'], selector: '.promo-box', line: 'news.test##.promo-box' },
      { kind: 'not-ad', domains: ['blog.test', 'shop.test'], selector: 'div.card', line: 'blog.test, shop.test#@#div.card' },
      { kind: 'ad', domains: [], selector: '.everywhere-ad', line: '##.everywhere-ad' },
    ]);
  });

  it('reports each bad line by number and keeps the good ones', () => {
    const isSelector = (s: string) => !s.includes('[[');
    const { rules, errors } = parseUserRules('a.test##.ok\njust text\nbad domain!##.x\na.test##div[[\na.test##.x:has-text(Ad)\n', isSelector);
    expect(rules.map((r) => r.selector)).toEqual(['.ok']);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(errors[0]!.reason).toContain('not a rule');
    expect(errors[1]!.reason).toContain('not a list of domains');
    expect(errors[2]!.reason).toContain('not a valid CSS selector');
    expect(errors[3]!.reason).toContain('procedural');
  });
});

describe('userRulesFor', () => {
  it('applies domain rules to the domain and its subdomains, and rules without domains everywhere', () => {
    const { rules } = parseUserRules('news.test##.a\n##.b\nother.test##.c');
    expect(userRulesFor(rules, 'www.news.test').map((r) => r.selector)).toEqual(['.a', '.b']);
    expect(userRulesFor(rules, 'notnews.test').map((r) => r.selector)).toEqual(['.b']);
  });
});

describe('correctionLine', () => {
  it('scopes a correction to the page hostname', () => {
    expect(correctionLine('not-ad', 'WWW.News.test', '#x')).toBe('www.news.test#@##x');
    expect(parseUserRules(correctionLine('not-ad', 'www.news.test', '#x')).rules[0]).toMatchObject({ kind: 'not-ad', selector: '#x' });
  });
});
