// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_TOKENS_PER_KIND, TokenSurvey, isEmpty } from './page-tokens';
import { engineHash, hrefTokenHashes } from '../common/engine-tokens';
import { buildTokenFilter, TokenFilter } from '../common/token-filter';

beforeEach(() => {
  document.body.innerHTML = '';
});

function el(html: string): Element {
  const box = document.createElement('div');
  box.innerHTML = html;
  const first = box.firstElementChild;
  if (!first) throw new Error('no element');
  document.body.append(first);
  return first;
}

const sorted = (t: { classes: string[]; ids: string[]; hrefs: string[] }) => ({
  classes: [...t.classes].sort(),
  ids: [...t.ids].sort(),
  hrefs: [...t.hrefs].sort(),
});

describe('TokenSurvey', () => {
  it('collects the classes, ids and link targets of the root and everything under it', () => {
    const root = el(`
      <section id="wrap" class="page main">
        <div class="ad-banner promo" id="ad_main"><a href="https://ads.example.com/c?1" class="link">ad</a></div>
        <p><span class="deep" id="inner">x</span><a href="/local">home</a><a>no href</a></p>
      </section>`);
    expect(sorted(new TokenSurvey().collect(root))).toEqual({
      classes: ['ad-banner', 'deep', 'link', 'main', 'page', 'promo'],
      ids: ['ad_main', 'inner', 'wrap'],
      hrefs: ['/local', 'https://ads.example.com/c?1'],
    });
  });

  it('takes the href of the root when the root is a link, but not an href on another element', () => {
    const link = el('<a href="https://ads.example.com/x">ad</a>');
    expect(new TokenSurvey().collect(link)).toEqual({ classes: [], ids: [], hrefs: ['https://ads.example.com/x'] });
    const notLink = el('<div href="/root" id="r"><link class="css" href="/style.css"><div class="box" href="/not-a-link"></div></div>');
    expect(sorted(new TokenSurvey().collect(notLink))).toEqual({ classes: ['box', 'css'], ids: ['r'], hrefs: [] });
  });

  it('does not look outside the root', () => {
    el('<div class="outside" id="out"></div>');
    const root = el('<div class="inside"></div>');
    expect(new TokenSurvey().collect(root)).toEqual({ classes: ['inside'], ids: [], hrefs: [] });
  });

  it('reports each token once, and on later calls only tokens not seen before', () => {
    const survey = new TokenSurvey();
    const first = el('<div class="a b" id="one"><span class="a"></span><a href="/x"></a></div>');
    expect(sorted(survey.collect(first))).toEqual({ classes: ['a', 'b'], ids: ['one'], hrefs: ['/x'] });
    // Same subtree again: nothing new.
    expect(survey.collect(first)).toEqual({ classes: [], ids: [], hrefs: [] });
    const second = el('<div class="b c" id="one"><i id="two" class="a"></i><a href="/x"></a><a href="/y"></a></div>');
    expect(survey.collect(second)).toEqual({ classes: ['c'], ids: ['two'], hrefs: ['/y'] });
  });

  it('keeps separate surveys apart', () => {
    const root = el('<div class="a"></div>');
    new TokenSurvey().collect(root);
    expect(new TokenSurvey().collect(root).classes).toEqual(['a']);
  });

  it('ignores tokens longer than 256 characters', () => {
    const long = 'c'.repeat(257);
    const edge = 'e'.repeat(256);
    const href = `/p?${'q'.repeat(300)}`;
    const root = el(`<div class="${long} ${edge} ok" id="${'i'.repeat(257)}"><a href="${href}"></a><a href="/short"></a></div>`);
    const survey = new TokenSurvey();
    expect(survey.collect(root)).toEqual({ classes: [edge, 'ok'], ids: [], hrefs: ['/short'] });
    // And never reports them later either.
    expect(survey.collect(root)).toEqual({ classes: [], ids: [], hrefs: [] });
  });
});

describe('TokenSurvey: cap', () => {
  it('reports at most maxPerKind distinct tokens of each kind in a page view, and counts those it leaves out', () => {
    const survey = new TokenSurvey(2);
    const root = el('<div class="a b c" id="one"><a href="/1"></a><a href="/2"></a><a href="/3"></a><a href="/3"></a></div>');
    expect(sorted(survey.collect(root))).toEqual({ classes: ['a', 'b'], ids: ['one'], hrefs: ['/1', '/2'] });
    // c once, /3 twice: repeats of a token left out count each time.
    expect(survey.overCap).toBe(3);
    // Tokens already reported are still known; new ones of a full kind are left out, other kinds go on.
    const more = el('<div class="a d" id="two"><i id="three"></i></div>');
    expect(survey.collect(more)).toEqual({ classes: [], ids: ['two'], hrefs: [] });
    expect(survey.overCap).toBe(5);
  });

  it('defaults to the 20,000 of each kind the background reads from one message', () => {
    expect(MAX_TOKENS_PER_KIND).toBe(20_000);
    expect(new TokenSurvey().maxPerKind).toBe(MAX_TOKENS_PER_KIND);
  });
});

describe('isEmpty', () => {
  it('is true only when all three lists are empty', () => {
    expect(isEmpty({ classes: [], ids: [], hrefs: [] })).toBe(true);
    expect(isEmpty({ classes: ['a'], ids: [], hrefs: [] })).toBe(false);
    expect(isEmpty({ classes: [], ids: ['a'], hrefs: [] })).toBe(false);
    expect(isEmpty({ classes: [], ids: [], hrefs: ['/a'] })).toBe(false);
  });

  it('tells a survey with nothing new', () => {
    const survey = new TokenSurvey();
    const root = el('<div class="a"></div>');
    expect(isEmpty(survey.collect(root))).toBe(false);
    expect(isEmpty(survey.collect(root))).toBe(true);
    expect(isEmpty(survey.collect(el('<div><p>plain</p></div>')))).toBe(true);
  });
});

describe('TokenSurvey with the background\'s token filter', () => {
  // Rules filed under the class ad-banner, the id ad_main and the link token "doubleclick".
  const filter = TokenFilter.from(
    buildTokenFilter({ classes: [engineHash('ad-banner')], ids: [engineHash('ad_main')], hrefs: [hrefTokenHashes('doubleclick')[0]!] }),
  );
  const html = `
    <section class="feed css-1dbjc4n">
      <div class="ad-banner post" id="ad_main"><a href="https://ad.doubleclick.net/clk?1">ad</a></div>
      <div class="post" id="p2"><a href="/status/2">post</a></div>
    </section>`;

  it('reports only the tokens a rule is filed under once it has the filter', () => {
    const survey = new TokenSurvey();
    survey.filterBy(filter);
    expect(sorted(survey.collect(el(html)))).toEqual({ classes: ['ad-banner'], ids: ['ad_main'], hrefs: ['https://ad.doubleclick.net/clk?1'] });
  });

  it('reports every new token before the filter came, and those it saw never again after', () => {
    const survey = new TokenSurvey();
    expect(sorted(survey.collect(el(html))).classes).toEqual(['ad-banner', 'css-1dbjc4n', 'feed', 'post']);
    survey.filterBy(filter);
    expect(isEmpty(survey.collect(el(html)))).toBe(true);
    expect(sorted(survey.collect(el('<p class="ad-banner-2 ad-banner"><a href="https://x.test/doubleclick">x</a></p>')))).toEqual({ classes: [], ids: [], hrefs: ['https://x.test/doubleclick'] });
  });
});
