import { describe, expect, it } from 'vitest';
import { normaliseUrl, unwrapLandingUrl } from './landing-url';

const BASE = 'https://news.test/story/1';

describe('unwrapLandingUrl', () => {
  it('returns a plain http(s) link as it is', () => {
    expect(unwrapLandingUrl('https://shop.example/offer?id=7', BASE)).toBe('https://shop.example/offer?id=7');
    expect(unwrapLandingUrl('http://shop.example/', BASE)).toBe('http://shop.example/');
  });

  it("unwraps Google's /aclk?adurl=", () => {
    const href =
      'https://www.googleadservices.com/pagead/aclk?sa=L&ai=DChcSEwjX&ohost=www.google.com&cid=CAASJ&sig=AOD64_3&adurl=' +
      encodeURIComponent('https://shop.example/shoes?id=42&color=red');
    expect(unwrapLandingUrl(href, BASE)).toBe('https://shop.example/shoes?id=42&color=red');
  });

  it("unwraps Google's /url?q=", () => {
    const href = 'https://www.google.com/url?q=https://shop.example/sale&sa=D&source=editors&ust=1700000000000000';
    expect(unwrapLandingUrl(href, BASE)).toBe('https://shop.example/sale');
  });

  it("unwraps Facebook's l.php?u=", () => {
    const href = `https://l.facebook.com/l.php?u=${encodeURIComponent('https://shop.example/p?x=1')}&h=AT0abc&s=1`;
    expect(unwrapLandingUrl(href, BASE)).toBe('https://shop.example/p?x=1');
  });

  it('unwraps a redirector nested two levels deep', () => {
    const inner = `https://ad.doubleclick.net/ddm/trackclk/N123?dest=${encodeURIComponent('https://shop.example/final?id=9')}`;
    const href = `https://www.googleadservices.com/pagead/aclk?sa=L&adurl=${encodeURIComponent(inner)}`;
    expect(unwrapLandingUrl(href, BASE)).toBe('https://shop.example/final?id=9');
  });

  it('unwraps at most four levels', () => {
    let href = 'https://shop.example/final';
    const levels: string[] = [];
    for (let i = 0; i < 5; i++) {
      href = `https://r${i}.example/r?url=${encodeURIComponent(href)}`;
      levels.push(href);
    }
    expect(unwrapLandingUrl(levels[3]!, BASE)).toBe('https://shop.example/final');
    expect(unwrapLandingUrl(levels[4]!, BASE)).toBe(levels[0]);
  });

  it.each([
    ['javascript:', 'javascript:void(0)'],
    ['mailto:', 'mailto:sales@shop.example'],
    ['ftp:', 'ftp://files.example/brochure.pdf'],
    ['data:', 'data:text/html,<p>hi</p>'],
    ['tel:', 'tel:+15550100'],
  ])('rejects a %s link', (_name, href) => {
    expect(unwrapLandingUrl(href, BASE)).toBeNull();
  });

  it('does not unwrap to a non-http target', () => {
    const href = 'https://www.googleadservices.com/pagead/aclk?sa=L&adurl=javascript:alert(1)';
    const result = unwrapLandingUrl(href, BASE);
    expect(result).not.toMatch(/^javascript:/);
    expect(result).toBe(href);
  });

  it('returns null for an href that is not a URL at all', () => {
    expect(unwrapLandingUrl('https://exa mple.com/', BASE)).toBeNull();
    expect(unwrapLandingUrl('/offer', 'not a base')).toBeNull();
  });

  it('resolves a relative href against the base', () => {
    expect(unwrapLandingUrl('/landing?x=1', BASE)).toBe('https://news.test/landing?x=1');
    expect(unwrapLandingUrl('next', BASE)).toBe('https://news.test/story/next');
    expect(unwrapLandingUrl('//cdn.example/a', BASE)).toBe('https://cdn.example/a');
  });

  it('unwraps a relative redirector', () => {
    expect(unwrapLandingUrl('/url?q=https%3A%2F%2Fshop.example%2Fx', 'https://www.google.com/search?q=shoes')).toBe(
      'https://shop.example/x',
    );
  });

  it('ignores a q (or other target parameter) that is not a URL', () => {
    expect(unwrapLandingUrl('https://www.google.com/search?q=red+shoes', BASE)).toBe('https://www.google.com/search?q=red+shoes');
    expect(unwrapLandingUrl('https://shop.example/find?q=http&u=me&to=www.other.example', BASE)).toBe(
      'https://shop.example/find?q=http&u=me&to=www.other.example',
    );
  });

  it('takes the first parameter that holds a URL', () => {
    const href = `https://r.example/go?q=shoes&url=${encodeURIComponent('https://shop.example/a')}`;
    expect(unwrapLandingUrl(href, BASE)).toBe('https://shop.example/a');
  });
});

describe('normaliseUrl', () => {
  it('drops tracking ids, cache busters and the fragment', () => {
    expect(
      normaliseUrl(
        'https://shop.example/p?utm_source=news&utm_medium=display&utm_campaign=spring&gclid=Cj0K&fbclid=IwAR&ord=8812&correlator=123&cb=99&cachebuster=1&rnd=0.3&rand=5&random=6&ts=1700000000&timestamp=17&_=1700000000001#details',
      ),
    ).toBe('https://shop.example/p');
  });

  it('keeps meaningful parameters in their order', () => {
    expect(normaliseUrl('https://shop.example/p?id=7&utm_source=a&UTM_Medium=b&gclid=1&q=red+shoes&color=red#frag')).toBe(
      'https://shop.example/p?id=7&q=red+shoes&color=red',
    );
    expect(normaliseUrl('https://shop.example/p?order=1&cbx=2&utm=3')).toBe('https://shop.example/p?order=1&cbx=2&utm=3');
  });

  it('drops every copy of a repeated volatile parameter', () => {
    expect(normaliseUrl('https://ads.example/c.js?ord=1&slot=top&ord=2')).toBe('https://ads.example/c.js?slot=top');
  });

  it('makes two cache-busted requests of one creative equal', () => {
    const a = normaliseUrl('https://cdn.example/creative/123.html?ord=111&correlator=222&utm_source=a.test');
    const b = normaliseUrl('https://cdn.example/creative/123.html?correlator=999&ord=333&utm_source=b.test#x');
    expect(a).toBe(b);
    expect(a).toBe('https://cdn.example/creative/123.html');
  });

  it('is empty for null, empty and invalid input', () => {
    expect(normaliseUrl(null)).toBe('');
    expect(normaliseUrl('')).toBe('');
    expect(normaliseUrl('not a url')).toBe('');
  });
});
