import { describe, expect, it } from 'vitest';
import { detectAds } from '../detect';
import { contextFor, ids, scan, summary } from './test-helpers';

/** A post; `label` goes where X puts "Ad" (header, right of the name), `bottom` under the post. */
const tweet = (id: string, o: { name?: string; text?: string; label?: string; media?: string; bottom?: string } = {}) => `
  <div data-testid="cellInnerDiv"><article data-testid="tweet" role="article" id="${id}">
    <div><a href="/${id}"><img alt="" src="data:,"></a></div>
    <div>
      <div><div data-testid="User-Name"><div><a href="/${id}" role="link"><div><span>${o.name ?? 'Someone'}</span></div></a></div>
        <div><a href="/${id}" role="link"><span>@${id}</span></a>${o.label ? '' : ` · <a href="/${id}/status/1"><time>2h</time></a>`}</div></div>
        <div>${o.label ? `<div><div dir="ltr"><span>${o.label}</span></div></div>` : ''}<div><button aria-label="More" data-testid="caret"><svg width="18" height="18"></svg></button></div></div></div>
      <div data-testid="tweetText"><span>${o.text ?? 'Hello.'}</span></div>
      ${o.media ?? ''}
      <div role="group"><button data-testid="reply">3</button><button data-testid="like">10</button></div>
      ${o.bottom ?? ''}
    </div>
  </article></div>`;

const player = '<div data-testid="placementTracking"><div data-testid="videoPlayer"><video></video></div></div>';

describe('x adapter', () => {
  it('finds a post labelled "Ad" in its header', () => {
    const found = scan('x', tweet('organic') + tweet('promo', { label: 'Ad' }));
    expect(summary(found)).toEqual([['promo', 'adapter:x/promoted-post', 'social', 'X']]);
  });

  it('finds a post with the older "Promoted" line under it, and translated labels', () => {
    const bottom = '<div><div><svg width="16" height="16"></svg><span>Promoted</span></div></div>';
    const found = scan('x', tweet('old', { bottom }) + tweet('de', { label: 'Anzeige' }));
    expect(ids(found)).toEqual(['old', 'de']);
  });

  it('does not take placementTracking alone: it wraps video players in organic posts', () => {
    expect(scan('x', tweet('video', { media: player, text: 'Watch this launch' }))).toEqual([]);
  });

  it('takes a promoted video post by its label, not by placementTracking', () => {
    expect(ids(scan('x', tweet('video', { media: player }) + tweet('promoVideo', { media: player, label: 'Ad' })))).toEqual(['promoVideo']);
  });

  it('does not read "Ad" in the post text, the author name, link cards or quoted posts', () => {
    const found = scan(
      'x',
      tweet('text', { text: 'Ad' }) +
        tweet('name', { name: 'Ad', text: 'Ad astra! #ad' }) +
        tweet('card', { media: '<div data-testid="card.wrapper"><a href="/c"><span>Ad</span></a></div>' }) +
        tweet('quote', { media: '<div role="link" tabindex="0"><div><span>Ad</span></div><div>quoted text</div></div>' }),
    );
    expect(found).toEqual([]);
  });

  it('does not take a hidden "Promoted" decoy or a post about promotions', () => {
    const found = scan(
      'x',
      tweet('hidden', { bottom: '<span style="display:none">Promoted</span>' }) +
        tweet('prose', { text: 'Who else got promoted this spring?' }) +
        tweet('loaded', { label: '<b>Lo</b><b>aded</b>' }),
    );
    expect(found).toEqual([]);
  });

  /** A trend of "What's happening": context line, name, description, and a meta line (x.com's markup). */
  const trend = (id: string, o: { context?: string; name: string; meta?: string }) => `
    <div data-testid="cellInnerDiv"><div><div role="link" tabindex="0" data-testid="trend" id="${id}"><div>
      <div><div dir="ltr"><span>${o.context ?? 'Trending in United Kingdom'}</span></div><div><button aria-label="More" data-testid="caret"><svg width="18" height="18"></svg></button></div></div>
      <div dir="ltr"><span>${o.name}</span></div>
      ${o.meta ? `<div><svg width="16" height="16"></svg><div dir="ltr"><span>${o.meta}</span></div></div>` : '<div dir="ltr"><span>41.7K posts</span></div>'}
    </div></div></div></div>`;

  it('finds a promoted trend by its "Promoted by <brand>" line, and not a trend named "Promoted" or "Ad Week"', () => {
    document.body.innerHTML = `<div data-testid="sidebarColumn"><section>
      ${trend('organic', { name: '#WorldCupDraw' })}
      ${trend('paid', { context: 'Track day season is here', name: 'Book a lap in a GT car this summer.', meta: 'Promoted by Trackside Motors' })}
      ${trend('named', { context: 'Music · Trending', name: 'Promoted' })}
      ${trend('adweek', { context: 'Business · Trending', name: 'Ad Week' })}
    </section></div>`;
    expect(summary(detectAds(document, contextFor('x')))).toEqual([['paid', 'adapter:x/promoted-trend', 'social', 'X']]);
  });

  it('runs on x and twitter only, and detectAds reports the post with the adapter rule', () => {
    expect(scan('facebook', tweet('promo', { label: 'Ad' }))).toEqual([]);
    expect(ids(scan('twitter', tweet('promo', { label: 'Ad' })))).toEqual(['promo']);
    scan('x', tweet('organic') + tweet('promo', { label: 'Ad' }));
    expect(summary(detectAds(document, contextFor('x')))).toEqual([['promo', 'adapter:x/promoted-post', 'social', 'X']]);
  });
});
