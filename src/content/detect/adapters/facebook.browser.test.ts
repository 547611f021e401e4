import { describe, expect, it } from 'vitest';
import { detectAds } from '../detect';
import { contextFor, ids, scan, summary } from './test-helpers';

const STYLE = `<style>
  .xt0b8zv { display: none } .xdc::before { content: attr(data-content) } .xoff { position: absolute; left: -10000px }
  .xghost { width: 0; height: 0; overflow: hidden; display: inline-block } .defs { position: absolute; width: 0; height: 0; overflow: hidden }
</style>`;

/** A feed unit whose header's second line is `second`. */
const post = (n: number, second: string, message = 'Post text.') => `
  <div class="x1lliihq" data-pagelet="FeedUnit_${n}" id="p${n}">
    <div aria-posinset="${n + 1}" aria-labelledby="h${n}">
      <div class="header"><a href="/author${n}"><img alt="" src="data:,"></a>
        <div><h4 id="h${n}"><a href="/author${n}"><strong><span>Author ${n}</span></strong></a></h4>
          <div><span class="x4k7w5x">${second}<span aria-hidden="true"> · </span><svg width="12" height="12" aria-label="Shared with Public" role="img"></svg></span></div></div></div>
      <div data-ad-comet-preview="message" data-ad-preview="message"><div dir="auto">${message}</div></div>
      <img alt="" src="data:,"><div role="button">Like</div>
    </div>
  </div>`;
const feed = (...posts: string[]) => `${STYLE}<div role="feed"><h3>News Feed posts</h3>${posts.join('')}</div>`;
const time = '<span><a href="/permalink/1"><span>2h</span></a></span>';
const split = (word: string, decoy: (i: number) => string) =>
  `<span><a href="#"><span>${[...word].map((c, i) => `<span>${c}</span>${decoy(i)}`).join('')}</span></a></span>`;

describe('facebook adapter', () => {
  it('finds a post captioned "Sponsored" and not the organic posts beside it', () => {
    const found = scan('facebook', feed(post(0, time), post(1, '<span><a href="#"><span>Sponsored</span></a></span>'), post(2, time)));
    expect(summary(found)).toEqual([['p1', 'adapter:facebook/sponsored-post', 'social', 'Meta']]);
  });

  it('reads "Sponsored" split across letters with hidden decoy letters', () => {
    const decoys = (i: number) => (i % 3 === 1 ? '<span class="xt0b8zv">q</span>' : i === 4 ? '<span style="opacity:0">z</span>' : '');
    expect(ids(scan('facebook', feed(post(0, time), post(1, split('Sponsored', decoys)))))).toEqual(['p1']);
  });

  it('reads letters drawn from data-content attributes', () => {
    const dc = [...'Sponsored'].map((c) => `<span class="xdc" data-content="${c}"></span>`).join('');
    expect(ids(scan('facebook', feed(post(0, time), post(1, `<span><a href="#">${dc}</a></span>`))))).toEqual(['p1']);
  });

  it('reads the word drawn by an SVG <use> pointing at a <text>', () => {
    const use = (id: string) => `<span><a href="#"><svg width="62" height="14"><use href="#${id}"></use></svg></a></span>`;
    const found = scan(
      'facebook',
      `${feed(post(0, use('SvgT2')), post(1, use('SvgT1')))}
       <div class="defs"><svg><text id="SvgT1">Sponsored</text></svg></div><div class="defs"><svg><text id="SvgT2">2h</text></svg></div>`,
    );
    expect(ids(found)).toEqual(['p1']);
  });

  it('reads a label that is only in aria-labelledby', () => {
    const found = scan(
      'facebook',
      `${feed(post(0, time), post(1, '<span><a href="#" aria-labelledby="lbl1"><svg width="62" height="14"></svg></a></span>'))}
       <span id="lbl1" hidden>Sponsored</span>`,
    );
    expect(ids(found)).toEqual(['p1']);
  });

  it('finds a post owning a link to the "about this ad" page', () => {
    expect(ids(scan('facebook', feed(post(0, time), post(1, `<a href="/ads/about/?entry_product=ad_preferences">Why this ad?</a>`))))).toEqual(['p1']);
  });

  it('does not take hidden "Sponsored" decoys: off-screen, display:none, a zero-size ghost aria-label', () => {
    const found = scan(
      'facebook',
      feed(
        post(0, `${time}<span class="xoff">Sponsored</span>`),
        post(1, `${time}<span class="xt0b8zv">Sponsored</span>`),
        post(2, `${time}<div aria-label="Sponsored" class="xghost"></div>`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('does not take "Suggested for you" posts or posts whose text talks about sponsorship', () => {
    const found = scan(
      'facebook',
      feed(
        post(0, '<span>Suggested for you</span>'),
        post(1, time, 'Not sponsored, I just love these shoes!'),
        post(2, time, '<span>Sponsored</span>'),
        post(3, time, 'Promoted to team lead today!'),
      ),
    );
    expect(found).toEqual([]);
  });

  it('takes a top-level [role="article"] post but not one nested in it (a comment) as a second ad', () => {
    const found = scan(
      'facebook',
      `<div role="article" id="outer"><h4>Brand</h4><span>Sponsored</span><p>Text</p>
         <ul><li><div role="article" id="comment"><span>Sponsored</span><p>a comment</p></div></li></ul></div>`,
    );
    expect(ids(found)).toEqual(['outer']);
  });

  it('runs only on Facebook', () => {
    expect(scan('instagram', feed(post(1, '<span>Sponsored</span>')))).toEqual([]);
  });

  it('finds the post around a label filled in later, and detectAds reports the post with the adapter rule', () => {
    const html = feed(post(0, time), post(1, '<span id="late"><a href="#"><span>Sponsored</span></a></span>'));
    expect(ids(scan('facebook', html, () => document.getElementById('late')!))).toEqual(['p1']);
    expect(summary(detectAds(document, contextFor('facebook')))).toEqual([['p1', 'adapter:facebook/sponsored-post', 'social', 'Meta']]);
  });
});
