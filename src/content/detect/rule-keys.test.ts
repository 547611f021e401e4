import { describe, expect, it } from 'vitest';
import { ruleKey } from './rule-keys';

describe('ruleKey: what an element a selector selects must carry', () => {
  it('reads the rightmost compound only', () => {
    expect(ruleKey('#main > .post a[href^="https://ads."]')).toEqual({ by: 'attribute', name: 'href' });
    expect(ruleKey('.feed article')).toEqual({ by: 'tag', name: 'article' });
    expect(ruleKey('div + .promo')).toEqual({ by: 'class', name: 'promo' });
    expect(ruleKey('aside ~ #sidebar-ad')).toEqual({ by: 'id', name: 'sidebar-ad' });
  });

  it('prefers an id to a class, a class to an attribute, an attribute to a tag', () => {
    expect(ruleKey('div[data-ad].box#slot')).toEqual({ by: 'id', name: 'slot' });
    expect(ruleKey('div[data-ad].box')).toEqual({ by: 'class', name: 'box' });
    expect(ruleKey('DIV[Data-Testid="placementTracking"]')).toEqual({ by: 'attribute', name: 'data-testid' });
    expect(ruleKey('INS')).toEqual({ by: 'tag', name: 'ins' });
  });

  it('takes no key from an attribute value, a string or a functional pseudo-class', () => {
    expect(ruleKey('a[href*=".example.com/#x y > z"]')).toEqual({ by: 'attribute', name: 'href' });
    expect(ruleKey('div:not(.organic)')).toEqual({ by: 'tag', name: 'div' });
    expect(ruleKey(':is(.a, .b)')).toEqual({ by: 'none' });
    expect(ruleKey('*:has(> iframe)')).toEqual({ by: 'none' });
    expect(ruleKey('[title="a]b"].x')).toEqual({ by: 'class', name: 'x' });
  });

  it('gives no key where it is not sure: escapes, namespaces, lists, bare pseudo-classes', () => {
    expect(ruleKey('.ad\\:banner')).toEqual({ by: 'none' });
    expect(ruleKey('svg|a')).toEqual({ by: 'none' });
    expect(ruleKey('[xlink|href]')).toEqual({ by: 'none' });
    expect(ruleKey('.a, .b')).toEqual({ by: 'none' });
    expect(ruleKey(':empty')).toEqual({ by: 'none' });
    expect(ruleKey('*')).toEqual({ by: 'none' });
  });
});
