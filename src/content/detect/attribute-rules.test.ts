import { describe, expect, it } from 'vitest';
import { compileAttributeFile, parseAttributeRule } from './attribute-rules';

describe('parseAttributeRule: a lone attribute test, or nothing', () => {
  it('reads a tag, the attribute, the operator and the value as written', () => {
    expect(parseAttributeRule('a[href^="https://ads.example/"]')).toEqual({ tag: 'a', name: 'href', operator: '^=', value: 'https://ads.example/' });
    expect(parseAttributeRule("[href*='/aclk?']")).toEqual({ tag: null, name: 'href', operator: '*=', value: '/aclk?' });
    expect(parseAttributeRule('[href$=".php"]')).toEqual({ tag: null, name: 'href', operator: '$=', value: '.php' });
    expect(parseAttributeRule('div[data-testid="Ad"]')).toEqual({ tag: 'div', name: 'data-testid', operator: '=', value: 'Ad' });
    expect(parseAttributeRule('[data-x=plain-ident]')).toEqual({ tag: null, name: 'data-x', operator: '=', value: 'plain-ident' });
  });

  it('lowercases the names, never the value', () => {
    expect(parseAttributeRule('A[HREF^="HTTPS://X/"]')).toEqual({ tag: 'a', name: 'href', operator: '^=', value: 'HTTPS://X/' });
  });

  it('allows CSS whitespace inside the brackets, and keeps quotes and brackets inside the value', () => {
    expect(parseAttributeRule('[ href ^= "x" ]')).toEqual({ tag: null, name: 'href', operator: '^=', value: 'x' });
    expect(parseAttributeRule(`[title="it's ] [x]"]`)).toEqual({ tag: null, name: 'title', operator: '=', value: "it's ] [x]" });
    expect(parseAttributeRule(`[title='say "hi"']`)).toEqual({ tag: null, name: 'title', operator: '=', value: 'say "hi"' });
    expect(parseAttributeRule('[href=""]')).toEqual({ tag: null, name: 'href', operator: '=', value: '' });
  });

  it('leaves to the engine what is not one plain attribute test', () => {
    for (const selector of [
      'a[href^="x" i]', // a case flag
      'a[href^="x" s]',
      'a[href^="\\78"]', // an escape
      'a[href^="x"] > img', // a combinator
      'div a[href^="x"]',
      'a.ad[href^="x"]', // another simple selector
      'a[href^="x"][target]',
      'a[href^="x"]:not(.y)',
      '[href]', // presence only
      '[class~="ad"]', // ~= and |= are not compiled
      '[lang|="en"]',
      '*[href^="x"]', // a universal selector
      'svg|a[href^="x"]', // a namespace
      '[xlink|href^="x"]',
      ' a[href^="x"]', // whitespace around the selector
      'a[href^="x"],b[href^="y"]', // a list
      '[href=1x]', // not an identifier
      'a[data-é="x"]', // a name outside ASCII
      '[href="a\u00a0"]x', // trailing text
    ]) {
      expect(parseAttributeRule(selector), selector).toBeNull();
    }
  });

  it('leaves to the engine the attributes HTML matches ignoring case', () => {
    expect(parseAttributeRule('a[target="_blank"]')).toBeNull();
    expect(parseAttributeRule('input[TYPE="text"]')).toBeNull();
    expect(parseAttributeRule('[rel^="sponsored"]')).toBeNull();
    expect(parseAttributeRule('[data-type="ad"]')).not.toBeNull();
  });
});

describe('compileAttributeFile: one RegExp per attribute and tag', () => {
  const test = (selectors: string[], name: string, tag: string, value: string) => compileAttributeFile(selectors).tests.get(name)?.get(tag)?.test(value) ?? false;

  it('matches prefixes, suffixes, substrings and whole values as CSS does', () => {
    const rules = ['[href^="https://ad."]', '[href$=".exe"]', '[href*="/aclk?"]', '[href="/promo"]'];
    expect(test(rules, 'href', '', 'https://ad.example/x')).toBe(true);
    expect(test(rules, 'href', '', 'https://www.ad.example/x')).toBe(false);
    expect(test(rules, 'href', '', 'https://x/setup.exe')).toBe(true);
    expect(test(rules, 'href', '', 'https://x/setup.exe?')).toBe(false);
    expect(test(rules, 'href', '', 'https://g/aclk?sa=1')).toBe(true);
    expect(test(rules, 'href', '', '/promo')).toBe(true);
    expect(test(rules, 'href', '', '/promo/')).toBe(false);
    expect(test(rules, 'href', '', 'x/promo')).toBe(false);
    expect(test(rules, 'href', '', 'HTTPS://AD.EXAMPLE/')).toBe(false);
  });

  it('takes regular-expression characters in a value literally', () => {
    const rules = ['[href^="https://a.b/?x=(1)|[2]*"]'];
    expect(test(rules, 'href', '', 'https://a.b/?x=(1)|[2]*&y')).toBe(true);
    expect(test(rules, 'href', '', 'https://aXb/?x=1')).toBe(false);
    expect(test(rules, 'href', '', '2]*')).toBe(false);
  });

  it('files a rule with a tag under its tag, and drops empty prefixes, suffixes and substrings', () => {
    const file = compileAttributeFile(['a[href^="x"]', '[href^=""]', '[href*=""]', '[href$=""]']);
    expect([...file.tests.get('href')!.keys()]).toEqual(['a']);
    expect(file.rest).toBeNull();
    expect(test(['[href=""]'], 'href', '', '')).toBe(true);
    expect(test(['[href=""]'], 'href', '', 'x')).toBe(false);
  });

  it('keeps the other rules, joined, for the engine, and every rule for elements it cannot read', () => {
    const file = compileAttributeFile(['a[href^="x"]', 'a[href^="y" i]', '[href] > img']);
    expect(file.rest).toBe('a[href^="y" i],[href] > img');
    expect(file.all).toBe('a[href^="x"],a[href^="y" i],[href] > img');
  });
});
