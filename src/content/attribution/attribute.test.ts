// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attributeAd } from './attribute';
import { fingerprintOf } from './fingerprint';

let base: HTMLBaseElement;

beforeEach(() => {
  base = document.createElement('base');
  base.href = 'https://news.test/story/1';
  document.head.appendChild(base);
});

afterEach(() => {
  base.remove();
  document.body.innerHTML = '';
});

function ad(html: string): Element {
  document.body.innerHTML = html;
  const el = document.getElementById('ad');
  if (!el) throw new Error('no #ad');
  return el;
}

describe('attributeAd', () => {
  it('takes the landing URL from a link inside the ad, unwrapped', () => {
    const a = attributeAd(
      ad(`<div id="ad"><span>Ad</span><a href="https://www.google.com/url?q=${encodeURIComponent('https://shop.example/sale')}">Big sale</a></div>`),
    );
    expect(a.landingUrl).toBe('https://shop.example/sale');
  });

  it('takes the landing URL from the ad itself when it is an anchor', () => {
    const a = attributeAd(ad(`<a id="ad" href="https://shop.example/direct"><img src="/img/banner.jpg"></a>`));
    expect(a.landingUrl).toBe('https://shop.example/direct');
  });

  it('resolves a relative link against the page', () => {
    expect(attributeAd(ad(`<div id="ad"><a href="/partners/offer">Offer</a></div>`)).landingUrl).toBe('https://news.test/partners/offer');
  });

  it('has no landing URL without a link, or with a non-http link', () => {
    expect(attributeAd(ad(`<div id="ad"><img src="https://cdn.example/b.png"></div>`)).landingUrl).toBeNull();
    expect(attributeAd(ad(`<div id="ad"><a href="javascript:void(0)">Go</a></div>`)).landingUrl).toBeNull();
    // An anchor without href is not a link.
    expect(attributeAd(ad(`<div id="ad"><a name="x">Go</a></div>`)).landingUrl).toBeNull();
  });

  it('takes the creative URL from an image, made absolute', () => {
    expect(attributeAd(ad(`<div id="ad"><a href="https://shop.example/"><img src="/creatives/b.png?ord=1"></a></div>`)).creativeUrl).toBe(
      'https://news.test/creatives/b.png?ord=1',
    );
  });

  it('takes the creative URL from the ad itself when it is an iframe or an image', () => {
    // Detached, so happy-dom does not try to load it; the ad's document is still the page.
    const frame = document.createElement('iframe');
    frame.setAttribute('src', '/frames/ad.html?slot=1');
    expect(attributeAd(frame).creativeUrl).toBe('https://news.test/frames/ad.html?slot=1');
    expect(attributeAd(ad(`<img id="ad" src="https://cdn.example/a.gif">`)).creativeUrl).toBe('https://cdn.example/a.gif');
  });

  it('takes the creative URL from a video source', () => {
    expect(attributeAd(ad(`<div id="ad"><video><source src="https://cdn.example/v.mp4"></video></div>`)).creativeUrl).toBe(
      'https://cdn.example/v.mp4',
    );
  });

  it('ignores a data: image as creative URL', () => {
    const a = attributeAd(ad(`<div id="ad"><a href="https://shop.example/"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a></div>`));
    expect(a.creativeUrl).toBeNull();
    expect(a.landingUrl).toBe('https://shop.example/');
  });

  it('skips a data: placeholder and takes the first creative with a real source', () => {
    const a = attributeAd(
      ad(`<div id="ad"><a href="https://shop.example/"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><img src="/creatives/real.jpg"><img src="https://cdn.example/second.png"></a></div>`),
    );
    expect(a.creativeUrl).toBe('https://news.test/creatives/real.jpg');
    expect(a.fingerprint).toBe(fingerprintOf({ landingUrl: 'https://shop.example/', creativeUrl: 'https://news.test/creatives/real.jpg', headline: '' }));
  });

  it('has no creative URL for an about:blank frame, nor for the ad that is one', () => {
    // Detached, so happy-dom does not try to load them; the ad's document is still the page.
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<iframe src="about:blank"></iframe>';
    expect(attributeAd(wrapper).creativeUrl).toBeNull();
    const frame = document.createElement('iframe');
    frame.setAttribute('src', 'about:blank');
    expect(attributeAd(frame).creativeUrl).toBeNull();
    // A frame that starts blank next to a real image: the image is the creative.
    wrapper.innerHTML = '<iframe src="about:blank"></iframe><img src="https://cdn.example/b.png">';
    expect(attributeAd(wrapper).creativeUrl).toBe('https://cdn.example/b.png');
  });

  it('has no creative URL when there is no creative element', () => {
    expect(attributeAd(ad(`<div id="ad"><p>Text ad</p></div>`)).creativeUrl).toBeNull();
  });

  it('takes the headline from a heading rather than the link text', () => {
    const a = attributeAd(ad(`<div id="ad"><a href="https://shop.example/">Learn more</a><h2>Red shoes, 20% off</h2></div>`));
    expect(a.headline).toBe('Red shoes, 20% off');
    expect(attributeAd(ad(`<div id="ad"><div role="heading">Role heading</div><a href="/x">Link</a></div>`)).headline).toBe('Role heading');
  });

  it('takes the headline from the link text when there is no heading', () => {
    expect(attributeAd(ad(`<div id="ad"><span>Sponsored</span><a href="https://shop.example/">Best coffee in town</a></div>`)).headline).toBe(
      'Best coffee in town',
    );
  });

  it('has an empty headline without heading or link', () => {
    expect(attributeAd(ad(`<div id="ad"><img src="https://cdn.example/a.png"></div>`)).headline).toBe('');
  });

  it('collapses whitespace in the headline', () => {
    expect(attributeAd(ad(`<div id="ad"><h3>\n   Red\tshoes  \n  <b>now</b>   </h3></div>`)).headline).toBe('Red shoes now');
  });

  it('caps the headline at 200 characters', () => {
    const long = 'word '.repeat(100);
    const headline = attributeAd(ad(`<div id="ad"><h3>${long}</h3></div>`)).headline;
    expect(headline).toHaveLength(200);
    expect(headline).toBe(long.trim().slice(0, 200));
  });

  it('fingerprints what it found', () => {
    const a = attributeAd(
      ad(`<div id="ad"><h4>Headline</h4><a href="https://shop.example/p?utm_source=x"><img src="https://cdn.example/c.png?cb=1"></a></div>`),
    );
    expect(a).toEqual({
      landingUrl: 'https://shop.example/p?utm_source=x',
      creativeUrl: 'https://cdn.example/c.png?cb=1',
      headline: 'Headline',
      fingerprint: fingerprintOf({ landingUrl: 'https://shop.example/p', creativeUrl: 'https://cdn.example/c.png', headline: 'headline' }),
    });
  });
});
