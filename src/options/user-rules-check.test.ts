// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isCssSelector, userRuleErrors } from './user-rules-check';

describe('userRuleErrors', () => {
  it('accepts valid rules, comments and blank lines', () => {
    expect(userRuleErrors('news.test#@#.ad-unit.house\n\n! note\n##.promo > a[href^="http"]\n')).toEqual([]);
  });

  it('reports each bad line by its number, with CSS checked by the DOM', () => {
    expect(isCssSelector('div[')).toBe(false);
    expect(isCssSelector('.ok')).toBe(true);
    const errors = userRuleErrors('news.test##.ad\nnot a rule\nnews.test##div[\n');
    expect(errors.map((e) => e.line)).toEqual([2, 3]);
    expect(errors[1]?.reason).toContain('not a valid CSS selector');
  });
});
