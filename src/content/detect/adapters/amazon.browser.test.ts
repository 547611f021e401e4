import { describe, expect, it } from 'vitest';
import { detectAds } from '../detect';
import { contextFor, ids, scan, summary } from './test-helpers';

const STYLE = '<style>.puis-label-popover-hover { display: none }</style>';
const LABEL = `<div class="a-row"><a class="puis-label-popover puis-sponsored-label-text" href="javascript:void(0)"><span class="puis-label-popover-default"><span class="a-color-secondary">Sponsored</span></span><span class="puis-label-popover-hover"><span class="a-color-base">Sponsored</span></span></a></div>`;
const HOVER_ONLY = '<div class="a-row"><span class="puis-label-popover-hover"><span>Sponsored</span></span></div>';

const result = (id: string, o: { component?: boolean; adHolder?: boolean; label?: string; title?: string } = {}) => `
  <div data-component-type="s-search-result" data-asin="${id}" id="${id}" class="s-result-item s-asin${o.adHolder ? ' AdHolder' : ''}">
    <div class="sg-col-inner"><div class="a-section"${o.component ? ' data-component-type="sp-sponsored-result"' : ''}>
      <a href="/dp/${id}"><img class="s-image" alt="" src="data:,"></a>
      ${o.label ?? ''}
      <h2><a href="/dp/${id}"><span>${o.title ?? 'Camping tent'}</span></a></h2>
      <span class="a-price"><span class="a-offscreen">$10.00</span></span>
    </div></div>
  </div>`;

const card = (id: string) => `<li class="a-carousel-card" id="${id}"><div data-asin="${id}"><a href="/dp/${id}"><img alt="" src="data:,"><div>Product ${id}</div></a></div></li>`;
const carousel = (heading: string, label: string, cards: string[]) => `
  <div class="a-carousel-container"><div class="a-carousel-header-row"><div><h2 class="a-carousel-heading">${heading}</h2></div><div>${label}<span class="a-carousel-pager">Page 1 of 1</span></div></div>
    <div class="a-carousel-viewport"><ol class="a-carousel">${cards.join('')}</ol></div></div>`;

describe('amazon adapter', () => {
  it('finds the result card holding the sp-sponsored-result component, and one with a rendered "Sponsored" label', () => {
    const found = scan(
      'amazon',
      STYLE + `<div class="s-main-slot">${result('r1', { component: true, adHolder: true, label: LABEL })}${result('r2')}${result('r3', { label: LABEL })}</div>`,
    );
    expect(summary(found)).toEqual([
      ['r1', 'adapter:amazon/sponsored-result', 'shopping', 'Amazon Ads'],
      ['r3', 'adapter:amazon/sponsored-result', 'shopping', 'Amazon Ads'],
    ]);
  });

  it('takes a result with the AdHolder class or the component even before its label renders', () => {
    const found = scan('amazon', STYLE + result('r1', { adHolder: true }) + result('r2', { component: true }));
    expect(ids(found)).toEqual(['r2', 'r1']);
  });

  it('does not take organic results: hover copy of the label only, "Sponsored" in a title, badges', () => {
    const found = scan(
      'amazon',
      STYLE +
        result('r1', { label: HOVER_ONLY }) +
        result('r2', { title: 'Sponsored' }) +
        result('r3', { label: '<span class="a-badge-text">Best Seller</span>' }),
    );
    expect(found).toEqual([]);
  });

  it('finds every card of a Sponsored Products carousel and none of an organic one', () => {
    const spLabel = '<span class="sp_desktop_sponsored_label">Sponsored <i class="a-icon"></i></span>';
    const found = scan(
      'amazon',
      `<div id="sp_detail_feature_div" data-cel-widget="sp_detail"><div id="sp_detail">${carousel('Products related to this item', spLabel, [card('s1'), card('s2')])}</div></div>
       <div id="similarities">${carousel('Customers who viewed this item also viewed', '', [card('o1'), card('o2')])}</div>
       <div id="themis"><div>${carousel('4 stars and above', spLabel, [card('t1')])}</div></div>
       <div id="hidden-label"><div>${carousel('More items', '<span style="display:none">Sponsored</span>', [card('h1')])}</div></div>`,
    );
    expect(summary(found)).toEqual([
      ['s1', 'adapter:amazon/sponsored-carousel-card', 'shopping', 'Amazon Ads'],
      ['s2', 'adapter:amazon/sponsored-carousel-card', 'shopping', 'Amazon Ads'],
      ['t1', 'adapter:amazon/sponsored-carousel-card', 'shopping', 'Amazon Ads'],
    ]);
  });

  it('finds carousel cards added later, from a scan rooted inside the carousel', () => {
    const found = scan('amazon', `<div id="sp_detail">${carousel('Related', '', [card('s1'), card('s2')])}</div>`, () => document.querySelector('ol')!);
    expect(ids(found)).toEqual(['s1', 's2']);
  });

  it('runs only on Amazon, and detectAds reports the whole result with the adapter rule', () => {
    expect(scan('google', result('r1', { component: true, label: LABEL }))).toEqual([]);
    scan('amazon', STYLE + result('r1', { component: true, adHolder: true, label: LABEL }) + result('r2'));
    expect(summary(detectAds(document, contextFor('amazon')))).toEqual([['r1', 'adapter:amazon/sponsored-result', 'shopping', 'Amazon Ads']]);
  });
});
