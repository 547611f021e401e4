import { describe, expect, it } from 'vitest';
import { detectAds } from '../detect';
import { contextFor, ids, scan, summary } from './test-helpers';

const textAd = (id: string, label = '<span class="U3A9Ac qV8iec">Sponsored</span>') => `
  <div class="uEierd" data-text-ad="1" id="${id}">
    <div class="v5yQqb"><a class="sVXRqc" href="https://www.googleadservices.com/pagead/aclk?sa=L&ai=${id}">
      <div class="nMdasd"><img alt="" src="data:image/png;base64,AA=="><div>${label}<span>Advertiser ${id}</span></div></div>
      <div role="heading" aria-level="3"><span>Ad title ${id}</span></div></a></div>
    <div class="p4wth">Ad description.</div>
  </div>`;

const organic = (id: string, snippet = 'An organic snippet.') => `
  <div class="g" id="${id}"><div class="yuRUbf"><a href="https://example.test/${id}"><h3>Organic ${id}</h3></a></div><div class="VwiC3b">${snippet}</div></div>`;

const pla = (id: string) => `
  <div class="mnr-c pla-unit" id="${id}"><div class="pla-unit-container"><a class="clickable-card" href="https://www.googleadservices.com/pagead/aclk?pla=${id}"><img alt="" src="data:image/png;base64,AA=="><div>Product ${id}</div><div>$10.00</div></a></div></div>`;

describe('google-search adapter', () => {
  it('finds each [data-text-ad] block in #tads and #bottomads as one search ad', () => {
    const found = scan(
      'google',
      `<div id="tads" aria-label="Ads" role="region"><h1>Ads</h1>${textAd('t1')}${textAd('t2')}</div>
       <div id="rso">${organic('o1')}${organic('o2')}</div>
       <div id="bottomads"><div id="tadsb">${textAd('b1')}</div></div>`,
    );
    expect(summary(found)).toEqual([
      ['t1', 'adapter:google-search/text-ad', 'search', 'Google Ads'],
      ['t2', 'adapter:google-search/text-ad', 'search', 'Google Ads'],
      ['b1', 'adapter:google-search/text-ad', 'search', 'Google Ads'],
    ]);
  });

  it('finds each product listing ad card of the Shopping carousel as a shopping ad', () => {
    const found = scan(
      'google',
      `<div class="commercial-unit-desktop-top"><div><span>Sponsored</span><span>Shop shoes</span></div>
         <g-scrolling-carousel><div class="top-pla-group-inner">${pla('p1')}${pla('p2')}</div></g-scrolling-carousel></div>
       <div id="rso"><div class="xcR77"><div class="sh-dgr__content" id="free"><a href="/p"><img alt="" src="data:,">Free listing</a></div></div></div>`,
    );
    expect(summary(found)).toEqual([
      ['p1', 'adapter:google-search/shopping-ad', 'shopping', 'Google Ads'],
      ['p2', 'adapter:google-search/shopping-ad', 'shopping', 'Google Ads'],
    ]);
  });

  it('never takes organic results, even ones that mention "sponsored" or hide a "Sponsored" decoy', () => {
    const found = scan(
      'google',
      `<div id="rso">${organic('o1', 'Athletes sponsored by shoe makers.')}${organic('o2', '<span style="display:none">Sponsored</span>Plain')}
         <div class="g" id="o3"><span>Sponsored</span><a href="/x">x</a></div></div>`,
    );
    expect(found).toEqual([]);
  });

  it('takes a #tads block without the data-text-ad marker when it shows a rendered "Sponsored" label', () => {
    const found = scan(
      'google',
      `<div id="tads"><div id="u1"><a href="https://ad.test/1">Ad one</a><span>Sponsored</span></div>
         <div id="u2"><a href="https://ad.test/2">Ad two</a><span style="display:none">Sponsored</span></div>
         <div id="u3"><span>Sponsored</span></div></div>`,
    );
    expect(summary(found)).toEqual([['u1', 'adapter:google-search/sponsored-result', 'search', 'Google Ads']]);
  });

  it('skips an empty data-text-ad placeholder', () => {
    expect(scan('google', '<div id="tads"><div data-text-ad="1"></div></div>')).toEqual([]);
  });

  it('runs only on Google', () => {
    expect(scan('bing', `<div id="tads">${textAd('t1')}</div>`)).toEqual([]);
    expect(scan(null, `<div id="tads">${textAd('t1')}</div>`)).toEqual([]);
  });

  it('finds the ad enclosing a scan root inside it (a subtree added later)', () => {
    const found = scan('google', `<div id="tads">${textAd('t1')}</div>`, () => document.querySelector('#t1 .p4wth')!);
    expect(ids(found)).toEqual(['t1']);
  });

  it('makes detectAds report the whole text ad with the adapter rule', () => {
    document.body.innerHTML = `<div id="tads">${textAd('t1')}${textAd('t2')}</div><div id="rso">${organic('o1')}</div>`;
    const found = detectAds(document, contextFor('google'));
    expect(summary(found)).toEqual([
      ['t1', 'adapter:google-search/text-ad', 'search', 'Google Ads'],
      ['t2', 'adapter:google-search/text-ad', 'search', 'Google Ads'],
    ]);
  });
});
