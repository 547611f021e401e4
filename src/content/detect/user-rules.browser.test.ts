import { beforeEach, describe, expect, it } from 'vitest';
import { parseUserRules } from '../../common/user-rules';
import { detectAds, detectAround } from './detect';
import { NO_CONTEXT } from './types';

const withRules = (text: string) => ({ ...NO_CONTEXT, userRules: parseUserRules(text).rules });
const ids = (found: { element: Element }[]) => found.map((d) => d.element.id);

beforeEach(() => {
  document.body.innerHTML = `
    <div id="div-gpt-ad-1"><a href="https://ad.example/"><img src="a.png"></a></div>
    <div id="house" class="promo-box"><a href="https://shop.example/"><img src="x.png"></a></div>
    <div id="card" class="card"><span>Sponsored</span><a href="https://brand.example/"><img src="y.png"></a></div>`;
});

describe('the user\'s own rules in detection', () => {
  it('without rules, finds the built-in ads only', () => {
    expect(ids(detectAds(document, NO_CONTEXT))).toEqual(['div-gpt-ad-1', 'card']);
  });

  it('adds the ads the user marked, with their rule line', () => {
    const found = detectAds(document, withRules('news.test##.promo-box'));
    expect(ids(found)).toEqual(['div-gpt-ad-1', 'house', 'card']);
    expect(found.find((d) => d.element.id === 'house')?.rule).toBe('user:news.test##.promo-box');
  });

  it('drops what the user marked as not an ad, whichever rule found it, also inside it', () => {
    expect(ids(detectAds(document, withRules('news.test#@##card')))).toEqual(['div-gpt-ad-1']);
    expect(ids(detectAds(document, withRules('#@#body')))).toEqual([]);
  });

  it('applies exclusions to elements added later too', () => {
    const slot = document.createElement('div');
    slot.id = 'div-gpt-ad-2';
    slot.innerHTML = '<a href="https://ad.example/2"><img src="b.png"></a>';
    document.body.append(slot);
    expect(ids(detectAround(slot, withRules('x.test#@##div-gpt-ad-2')))).toEqual([]);
    expect(ids(detectAround(slot, NO_CONTEXT))).toEqual(['div-gpt-ad-2']);
  });

  it('ignores a selector the DOM rejects instead of failing', () => {
    const ctx = { ...NO_CONTEXT, userRules: [{ kind: 'not-ad' as const, domains: [], selector: 'div[[', line: '#@#div[[' }, { kind: 'ad' as const, domains: [], selector: ':::', line: '##:::' }] };
    expect(ids(detectAds(document, ctx))).toEqual(['div-gpt-ad-1', 'card']);
  });
});
