// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { attributeAd } from './attribute';
import { cyrb53, fingerprintOf } from './fingerprint';

const FORMAT = /^fp-[0-9a-f]{14}$/;

const creative = {
  landingUrl: 'https://shop.example/shoes?id=42',
  creativeUrl: 'https://cdn.adserver.example/creatives/8812/banner.png',
  headline: 'Red shoes, 20% off',
};

describe('fingerprintOf', () => {
  it('is fp- followed by 14 hex digits, and the same for the same input', () => {
    const fp = fingerprintOf(creative);
    expect(fp).toMatch(FORMAT);
    expect(fingerprintOf({ ...creative })).toBe(fp);
    // One part is enough.
    expect(fingerprintOf({ landingUrl: null, creativeUrl: null, headline: 'Red shoes' })).toMatch(FORMAT);
    expect(fingerprintOf({ landingUrl: 'https://shop.example/', creativeUrl: null, headline: '' })).toMatch(FORMAT);
    expect(fingerprintOf({ landingUrl: null, creativeUrl: 'https://cdn.example/a.png', headline: '' })).toMatch(FORMAT);
  });

  it('is empty (no fingerprint) when landing URL, creative URL and headline are all empty', () => {
    expect(fingerprintOf({ landingUrl: null, creativeUrl: null, headline: '' })).toBe('');
    expect(fingerprintOf({ landingUrl: '', creativeUrl: '', headline: '' })).toBe('');
    // A headline of whitespace is no headline.
    expect(fingerprintOf({ landingUrl: null, creativeUrl: null, headline: ' \n\t ' })).toBe('');
  });

  it('is the same for the same creative with different cache busters, tracking parameters and fragments', () => {
    const onNews = fingerprintOf({
      landingUrl: 'https://shop.example/shoes?id=42&utm_source=news.test&gclid=abc',
      creativeUrl: 'https://cdn.adserver.example/creatives/8812/banner.png?ord=111&cb=5',
      headline: 'Red shoes, 20% off',
    });
    const onBlog = fingerprintOf({
      landingUrl: 'https://shop.example/shoes?utm_source=blog.test&id=42&fbclid=xyz#buy',
      creativeUrl: 'https://cdn.adserver.example/creatives/8812/banner.png?correlator=9&ord=222',
      headline: '  red SHOES, 20% off ',
    });
    expect(onNews).toBe(onBlog);
    expect(onNews).toBe(fingerprintOf(creative));
  });

  it('differs for a different headline, landing page or creative source', () => {
    const fp = fingerprintOf(creative);
    expect(fingerprintOf({ ...creative, headline: 'Blue shoes, 20% off' })).not.toBe(fp);
    expect(fingerprintOf({ ...creative, landingUrl: 'https://shop.example/shoes?id=43' })).not.toBe(fp);
    expect(fingerprintOf({ ...creative, landingUrl: 'https://other.example/shoes?id=42' })).not.toBe(fp);
    expect(fingerprintOf({ ...creative, landingUrl: null })).not.toBe(fp);
    expect(fingerprintOf({ ...creative, creativeUrl: 'https://cdn.adserver.example/creatives/8813/banner.png' })).not.toBe(fp);
  });

  it('does not mix up the parts (a headline is not a landing URL)', () => {
    expect(fingerprintOf({ landingUrl: null, creativeUrl: null, headline: 'https://shop.example/' })).not.toBe(
      fingerprintOf({ landingUrl: 'https://shop.example/', creativeUrl: null, headline: '' }),
    );
  });
});

describe('cyrb53', () => {
  it('is deterministic, fits 53 bits and depends on the seed', () => {
    expect(cyrb53('creative')).toBe(cyrb53('creative'));
    expect(cyrb53('creative')).not.toBe(cyrb53('creativf'));
    expect(cyrb53('creative', 1)).not.toBe(cyrb53('creative'));
    for (const text of ['', 'a', 'creative', 'x'.repeat(10_000)]) {
      const h = cyrb53(text);
      expect(Number.isSafeInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h.toString(16).length).toBeLessThanOrEqual(14);
    }
  });
});

describe('fingerprint of ads in a page', () => {
  function adIn(html: string): Element {
    document.body.innerHTML = html;
    return document.body.firstElementChild!;
  }

  it('is the same for one creative shown at two sizes on two pages', () => {
    const leaderboard = attributeAd(
      adIn(`<div style="width:728px;height:90px">
        <a href="https://www.googleadservices.com/pagead/aclk?sa=L&adurl=${encodeURIComponent('https://shop.example/shoes?id=42&utm_campaign=a')}">
          <img src="https://cdn.adserver.example/creatives/8812/banner.png?ord=1" width="728" height="90"><h3>Red shoes</h3></a></div>`),
    ).fingerprint;
    const box = attributeAd(
      adIn(`<aside style="width:300px;height:250px"><h3> Red  shoes </h3>
        <a href="https://shop.example/shoes?id=42&gclid=zz"><img src="https://cdn.adserver.example/creatives/8812/banner.png?ord=2&cb=3" width="300" height="250"></a></aside>`),
    ).fingerprint;
    expect(leaderboard).toMatch(FORMAT);
    expect(box).toBe(leaderboard);
  });

  it('is empty for opaque ads, so two of them are not taken for one creative', () => {
    const emptySlot = attributeAd(adIn(`<div id="div-gpt-ad-1" style="width:300px;height:250px"></div>`));
    const blankFrame = attributeAd(adIn(`<div id="div-gpt-ad-2"><iframe src="about:blank" width="728" height="90"></iframe></div>`));
    expect(emptySlot).toMatchObject({ landingUrl: null, creativeUrl: null, headline: '', fingerprint: '' });
    expect(blankFrame).toMatchObject({ landingUrl: null, creativeUrl: null, headline: '', fingerprint: '' });
  });
});
