import { describe, expect, it } from 'vitest';
import { detectAds } from '../detect';
import { contextFor, ids, scan, summary } from './test-helpers';

const article = (id: string, second: string, caption = 'A caption.', top = '') => `
  <article id="${id}">${top}
    <div class="header"><a href="/${id}/"><img alt="" src="data:,"></a>
      <div><div><span><a href="/${id}/"><span>${id}</span></a></span><span> • </span><div role="button">Follow</div></div>
        ${second ? `<div>${second}</div>` : ''}</div></div>
    <div><img alt="" src="data:,"></div>
    <section><svg aria-label="Like" width="24" height="24"></svg></section>
    <div class="caption"><span><a href="/${id}/">${id}</a></span> <span>${caption}</span></div>
  </article>`;

describe('instagram adapter', () => {
  it('finds a feed post with "Sponsored" under the account name', () => {
    const found = scan('instagram', `<main>${article('organic', '<span>Portland, Oregon</span>')}${article('ad', '<span>Sponsored</span>')}</main>`);
    expect(summary(found)).toEqual([['ad', 'adapter:instagram/sponsored-post', 'social', 'Meta']]);
  });

  it('reads a label with zero-width characters and one in another language', () => {
    const found = scan('instagram', `${article('zw', '<span>Spon\u200bso\u200bred</span>')}${article('de', '<span>Gesponsert</span>')}`);
    expect(ids(found)).toEqual(['zw', 'de']);
  });

  it('does not take paid partnerships, suggested posts, captions about sponsorship or hidden decoys', () => {
    const found = scan(
      'instagram',
      article('partner', '<span>Paid partnership with <a href="/acme/">acme</a></span>') +
        article('suggested', '', 'Our new single origin is here.', '<div><span>Suggested for you</span></div>') +
        article('caption', '', 'Not sponsored, just obsessed. <span>Sponsored</span>') +
        article('hidden', '<span style="display:none">Sponsored</span><span>Original audio</span>'),
    );
    expect(found).toEqual([]);
  });

  it('runs only on Instagram, and detectAds reports the post with the adapter rule', () => {
    expect(scan('facebook', article('ad', '<span>Sponsored</span>'))).toEqual([]);
    scan('instagram', article('ad', '<span>Sponsored</span>'));
    expect(summary(detectAds(document, contextFor('instagram')))).toEqual([['ad', 'adapter:instagram/sponsored-post', 'social', 'Meta']]);
  });
});
