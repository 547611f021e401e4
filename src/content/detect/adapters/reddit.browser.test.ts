import { describe, expect, it } from 'vitest';
import { detectAds } from '../detect';
import { contextFor, ids, scan, summary } from './test-helpers';

const post = (id: string, title: string, credit = '<span>•</span> <time>5 hr. ago</time>', body = 'Body text.') => `
  <article><shreddit-post id="${id}" permalink="/r/sub/comments/${id}/">
    <span slot="credit-bar"><a href="/r/sub/"><img alt="" src="data:,"> r/sub</a> ${credit}</span>
    <a slot="title" href="/r/sub/comments/${id}/">${title}</a>
    <div slot="text-body" class="md"><p>${body}</p></div>
  </shreddit-post></article>`;
const adPost = (id: string) => `
  <shreddit-ad-post id="${id}" promoted="">
    <span slot="credit-bar"><a href="/user/acme/"><img alt="" src="data:,"> u/acme</a> <span>•</span> <span>Promoted</span></span>
    <a slot="title" href="https://ad.test/${id}">Ad title</a><a href="https://ad.test/${id}"><img alt="" src="data:,"></a>
  </shreddit-ad-post>`;
const oldThing = (id: string, promoted: boolean, title = 'A title') => `
  <div class="thing link ${promoted ? 'promotedlink promoted' : ''}" id="${id}" data-fullname="t3_${id}">
    <a class="thumbnail" href="/x"><img alt="" src="data:,"></a>
    <div class="entry"><p class="title"><a class="title" href="/x">${title}</a></p>
      <p class="tagline">${promoted ? '<span class="promoted-tag">promoted</span> by ' : 'submitted by '}<a class="author" href="/user/u">u</a></p></div>
  </div>`;

describe('reddit adapter', () => {
  it('finds shreddit-ad-post units among organic posts', () => {
    const found = scan('reddit', `<shreddit-feed>${post('p1', 'Just got promoted!')}${adPost('ad1')}${post('p2', 'Hello')}${adPost('ad2')}</shreddit-feed>`);
    expect(summary(found)).toEqual([
      ['ad1', 'adapter:reddit/ad-post', 'social', 'Reddit'],
      ['ad2', 'adapter:reddit/ad-post', 'social', 'Reddit'],
    ]);
  });

  it('finds old-reddit .promotedlink entries', () => {
    const found = scan('reddit', `<div id="siteTable">${oldThing('o1', true)}${oldThing('o2', false, 'My manager promoted me')}${oldThing('o3', true)}</div>`);
    expect(summary(found)).toEqual([
      ['o1', 'adapter:reddit/promotedlink', 'social', 'Reddit'],
      ['o3', 'adapter:reddit/promotedlink', 'social', 'Reddit'],
    ]);
  });

  it('finds a post element whose credit bar shows a rendered "Promoted" label', () => {
    const found = scan('reddit', post('p1', 'Title', '<span>•</span> <span>Promoted</span>') + post('p2', 'Title', '<span>•</span> <span style="display:none">Promoted</span>'));
    expect(summary(found)).toEqual([['p1', 'adapter:reddit/promoted-label', 'social', 'Reddit']]);
  });

  it('does not take "promoted" in titles or bodies, or an unfilled ad element', () => {
    const found = scan(
      'reddit',
      post('p1', 'Promoted', undefined, 'Promoted links everywhere') + post('p2', '<span>Promoted</span>', undefined, '<span>Promoted</span>') + '<shreddit-ad-post id="empty"></shreddit-ad-post>',
    );
    expect(found).toEqual([]);
  });

  it('runs only on Reddit, and detectAds reports the ad with the adapter rule', () => {
    expect(scan('x', adPost('ad1'))).toEqual([]);
    expect(ids(scan('reddit', adPost('ad1'), () => document.querySelector('[slot="credit-bar"]')!))).toEqual(['ad1']);
    expect(summary(detectAds(document, contextFor('reddit')))).toEqual([['ad1', 'adapter:reddit/ad-post', 'social', 'Reddit']]);
  });
});
