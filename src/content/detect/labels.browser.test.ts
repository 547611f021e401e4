import { beforeEach, describe, expect, it } from 'vitest';
import { containerOfLabel, findLabels } from './labels';

beforeEach(() => {
  document.body.innerHTML = '';
});

const containers = () => {
  const matches = findLabels(document);
  return matches.flatMap((m) => containerOfLabel(m, matches.map((x) => x.labelElement)));
};
const ids = (els: Element[]) => els.map((el) => el.id || el.className || el.tagName);

describe('findLabels', () => {
  it('finds text labels and aria-labels with their normalised label and kind', () => {
    document.body.innerHTML = `
      <div><span id="t">Sponsored</span><p>x</p></div>
      <div id="a" aria-label=" ADVERTISEMENT "><img src="/a.png"></div>
      <div><b id="z">Pro\u200bmoted</b><p>y</p></div>`;
    const found = findLabels(document).map((m) => [m.labelElement.id, m.fromText, m.label, m.kind]);
    expect(found).toEqual([
      ['t', true, 'sponsored', 'native'],
      ['a', false, 'advertisement', 'display'],
      ['z', true, 'promoted', 'native'],
    ]);
  });

  it('includes the root itself when it carries the aria-label', () => {
    document.body.innerHTML = '<div id="root" aria-label="Sponsored"><img src="/x.png"></div>';
    const root = document.getElementById('root')!;
    expect(findLabels(root).map((m) => m.labelElement)).toEqual([root]);
  });

  it('reads a caption around an inline script, as a person sees it', () => {
    document.body.innerHTML = '<h5 id="h"><script>var Sponsored = window.x || {};</script><span>Gesponsert</span></h5>';
    expect(findLabels(document).map((m) => [m.labelElement.tagName, m.label])).toEqual([['SPAN', 'gesponsert']]);
  });

  it('finds a caption with the label before or after a name, in several languages', () => {
    document.body.innerHTML = `
      <p><span id="a">Sponsored · Acme</span></p>
      <p><span id="b">Ad · example.com</span></p>
      <p><span id="c">Promoted by Acme</span></p>
      <p><span id="d">Acme | Sponsored</span></p>
      <p><span id="e">Gesponsert von Acme</span></p>
      <p><span id="f">Ad by CraftShop</span></p>
      <p><span id="g">Patrocinado por Acme</span></p>`;
    expect(findLabels(document).map((m) => [m.labelElement.id, m.label])).toEqual([
      ['a', 'sponsored'],
      ['b', 'ad'],
      ['c', 'promoted'],
      ['d', 'sponsored'],
      ['e', 'gesponsert'],
      ['f', 'ad'],
      ['g', 'patrocinado'],
    ]);
  });

  it('finds a label split into letters with hidden decoys, and one with a soft hyphen', () => {
    document.body.innerHTML = `
      <div id="s"><span>S</span><span style="display:none">x</span><span>p</span><span>o</span><span>n</span><span>s</span><span>o</span><span>r</span><span>e</span><span>d</span></div>
      <div><span id="h">Adver\u00adtisement</span></div>`;
    expect(findLabels(document).map((m) => [m.labelElement.id, m.label])).toEqual([
      ['s', 'sponsored'],
      ['h', 'advertisement'],
    ]);
  });

  it('ignores prose, long text, menus and script-like elements', () => {
    document.body.innerHTML = `
      <p>Sponsored by a very long company name that goes on. And on.</p>
      <p>This post is <b>sponsored</b> by nobody.</p>
      <div class="post">The moderators asked why this thread was labelled <b>Advertisement</b>.</div>
      <ul class="tags"><li><a href="/thema/politik">Politik</a></li><li><a href="/thema/werbung">Werbung</a></li></ul>
      <template><span>Sponsored</span></template>
      <script>Sponsored</script>
      <span>Adblock</span><span>Read</span>`;
    expect(findLabels(document)).toEqual([]);
  });

  it('ignores a caption the page does not render', () => {
    document.body.innerHTML = '<div><span id="x" style="display:none">Sponsored</span><span id="y" class="off">Sponsored</span></div>';
    expect(findLabels(document, (el) => !el.classList.contains('off'))).toEqual([]);
  });
});

describe('containerOfLabel', () => {
  it('returns the first ancestor with more than the label branch when it holds the ad', () => {
    document.body.innerHTML = '<main><div id="card"><div><span>Sponsored</span></div><img src="/x.png"></div><p>x</p></main>';
    expect(ids(containers())).toEqual(['card']);
  });

  it('returns nothing when only body or html would hold the label', () => {
    document.body.innerHTML = '<div><div><span>Sponsored</span></div></div><p>Other</p>';
    expect(containers()).toEqual([]);
  });

  it('returns an aria-labelled element with content itself, and climbs from one without', () => {
    document.body.innerHTML = `
      <main>
        <div id="ad" aria-label="Advertisement"><a href="https://x.example/">Go to the shop now</a></div>
        <div id="card"><i aria-label="Advertisement" style="display:inline-block;width:12px;height:12px"></i><p>copy</p><img src="/c.png"></div>
      </main>`;
    expect(ids(containers())).toEqual(['ad', 'card']);
  });

  it('climbs past a caption line (a name, a domain, an icon) to the card that holds the ad', () => {
    document.body.innerHTML = `
      <section id="feed">
        <article id="post"><div class="meta"><a href="/acme">Acme</a> · <span>Sponsored</span> <svg width="12" height="12"></svg></div>
          <p>Text</p><div><a href="https://b.example/"><img src="/p.png"></a></div></article>
        <article id="organic"><div class="meta"><a href="/bob">Bob</a></div><p>Hello</p></article>
      </section>`;
    expect(ids(containers())).toEqual(['post']);
  });

  it('never takes a list of ads: each captioned unit is its own ad, and a heading over them marks none', () => {
    document.body.innerHTML = `
      <div id="block"><h2>Sponsored</h2>
        <div class="ad" id="a1"><div class="line"><span>Ad</span> · <cite>one.example</cite></div><a href="https://one.example/">Cheap flights to Lisbon today</a></div>
        <div class="ad" id="a2"><div class="line"><span>Ad</span> · <cite>two.example</cite></div><a href="https://two.example/">Hotels in Lisbon from 40 euros</a></div>
        <div class="ad" id="a3"><div class="line"><span>Ad</span> · <cite>three.example</cite></div><a href="https://three.example/">Lisbon tours with a local guide</a></div>
      </div>`;
    expect(ids(containers())).toEqual(['a1', 'a2', 'a3']);
  });

  it('makes each unit under a heading an ad when the units carry no caption of their own', () => {
    document.body.innerHTML = `
      <div id="rail"><div class="head"><span>Sponsored</span> · <a href="/ads/create">Create Ad</a></div>
        <div class="unit" id="u1"><a href="https://one.example/"><img src="/1.png"></a>Shoes</div>
        <div class="unit" id="u2"><a href="https://two.example/"><img src="/2.png"></a>Bags</div>
      </div>
      <section id="results"><h3>Sponsored Results</h3><ul><li id="r1"><img src="/r1.png"><a href="/biz/1">Joe's Plumbing and Heating</a></li><li id="r2"><img src="/r2.png"><a href="/biz/2">Ace Plumbing Services Co</a></li></ul></section>`;
    expect(ids(containers())).toEqual(['u1', 'u2', 'r1', 'r2']);
  });

  it('makes the items of a sectioned list ads up to the next heading, and a deep wrapper no obstacle', () => {
    document.body.innerHTML = `
      <ul id="results">
        <li class="row"><div><h2>Sponsored Results</h2><button aria-label="About"><svg width="18" height="18"></svg></button></div></li>
        <li class="row" id="s1"><img src="/1.png"><a href="/adredir?b=1">Joe's Plumbing and Heating</a></li>
        <li class="row" id="s2"><img src="/2.png"><a href="/adredir?b=2">Ace Plumbing Services Co</a></li>
        <li class="row"><div><h2>All Results</h2></div></li>
        <li class="row" id="o1"><img src="/3.png"><a href="/biz/3">Bob's Pipes and Drains</a></li>
        <li class="row" id="o2"><img src="/4.png"><a href="/biz/4">City Plumbing of Springfield</a></li>
      </ul>
      <section id="zone"><h2><span>Paid Partner Content</span></h2><div class="container"><div class="links">
        <div class="card" id="p1"><a href="https://one.example/"><img src="/p1.png"><span>Cut your energy bill in half</span></a></div>
        <div class="card" id="p2"><a href="https://two.example/"><img src="/p2.png"><span>Five cards with zero percent APR</span></a></div>
      </div></div></section>`;
    expect(ids(containers())).toEqual(['s1', 's2', 'p1', 'p2']);
  });

  it('takes the ads under an "Ads related to: …" heading, whose "Why these ads?" link is no content', () => {
    document.body.innerHTML = `
      <div id="bottom"><div class="head"><h2><span>Ads related to: </span><b>camping tent</b></h2><a href="/why">Why these ads?</a></div>
        <ol><li id="y1"><h3><a href="https://one.example/">Camping Tents at Walmart - Save Money</a></h3></li>
            <li id="y2"><h3><a href="https://two.example/">Tents on Sale at Coleman Official Site</a></h3></li></ol></div>`;
    expect(ids(containers())).toEqual(['y1', 'y2']);
  });

  it('takes a post with a carousel as one ad, not its pictures as a list', () => {
    document.body.innerHTML = `
      <main><div id="post"><div class="head"><a href="/@acme">acme</a><span>Sponsored</span></div>
        <div class="text">Soft light, all evening. Our dimmable lamps turn any corner cozy.</div>
        <div class="carousel">
          <div class="pic"><a href="https://acme.example/1"><img src="/1.png"></a></div>
          <div class="pic"><a href="https://acme.example/2"><img src="/2.png"></a></div>
        </div></div></main>`;
    expect(ids(containers())).toEqual(['post']);
  });

  it('does not climb from an empty captioned slot into the article around it', () => {
    document.body.innerHTML = `
      <main><div id="body">
        <p>${'Long article text about the election. '.repeat(20)}<a href="/more">More on this story here</a></p>
        <div class="slot"><span>Advertisement</span><div id="div-gpt-ad-1"></div></div>
        <p>${'More article text follows the slot. '.repeat(20)}</p>
      </div></main>`;
    expect(containers()).toEqual([]);
  });

  it('stops at an item of a list: the item is the ad, not the list', () => {
    document.body.innerHTML = `
      <ul id="grid">
        <li class="tile" id="t1"><a href="/p/1">Kettle</a><span>Sponsored</span></li>
        <li class="tile" id="t2"><a href="/p/2"><img src="/2.png">Toaster</a></li>
        <li class="tile" id="t3"><a href="/p/3"><img src="/3.png">Blender</a></li>
      </ul>`;
    expect(ids(containers())).toEqual(['t1']);
  });

  it('finds the card when the caption sits inside its link', () => {
    document.body.innerHTML = '<ul><li id="item"><a href="https://b.example/"><div><span>Sponsored</span><span>Best deal on running shoes</span></div></a></li><li><a href="/x">x</a></li></ul>';
    expect(containers().map((el) => el.tagName)).toEqual(['A']);
  });

  it("reaches a post whose caption sits nine boxes below its content, past the author's avatar", () => {
    // Facebook's 2016-2017 stories: avatar row, names column, a spacer, the text lines, then the caption.
    document.body.innerHTML = `
      <div id="feed" role="feed"><div id="story" class="story">
        <div class="head"><div class="row"><a href="/acme"><img src="/avatar.png" width="40" height="40"></a>
          <div class="col"><div class="names"><div><div class="lines"><div class="spacer"></div>
            <div class="lines text"><h6><a href="/acme">Acme</a></h6>
              <div class="meta"><span class="logging"><a href="/about/ads">Sponsored</a> · <a href="#" aria-label="Public">o</a></span></div>
            </div></div></div></div></div></div></div>
        <div class="message"><p>Our new kettle boils in a minute.</p></div>
        <div class="attach"><a href="https://acme.example/kettle"><img src="/kettle.png" width="476" height="249"></a>
          <a href="https://acme.example/kettle">The kettle that boils in a minute</a></div>
      </div></div>`;
    expect(ids(containers())).toEqual(['story']);
  });

  it("reads no words between a carousel's heading and its units in the inline script after the list", () => {
    document.body.innerHTML = `
      <div id="car"><div class="hd"><h2>Sponsored products</h2><span class="pager">Page 1 of 1</span></div>
        <div class="body"><ol class="list">
          <li class="item" id="c1"><a href="/sspa/click?1"><img src="/1.png" width="180" height="180"></a><a href="/sspa/click?1">Pour-over coffee maker, glass</a></li>
          <li class="item" id="c2"><a href="/sspa/click?2"><img src="/2.png" width="180" height="180"></a><a href="/sspa/click?2">Burr coffee grinder, 18 settings</a></li>
        </ol></div>
        <script>window.cw = { slot: "sp_detail", impressions: ["B0C7KQ41AA", "B0BX2ZL9QP", "B0D1MMV7RT"] };</script>
      </div>`;
    expect(ids(containers())).toEqual(['c1', 'c2']);
  });

  it('lets a heading item that names a list head the items after it, though organic results come before it', () => {
    document.body.innerHTML = `
      <ul id="results">
        <li class="row" id="o1"><img src="/3.png" width="200" height="200"><a href="/biz/3">Bob's Pipes and Drains</a></li>
        <li class="row" id="o2"><img src="/4.png" width="200" height="200"><a href="/biz/4">City Plumbing of Springfield</a></li>
        <li class="row"><div><h2>Sponsored Results</h2></div></li>
        <li class="row" id="s1"><img src="/1.png" width="200" height="200"><a href="/adredir?b=1">Joe's Plumbing and Heating</a></li>
        <li class="row" id="s2"><img src="/2.png" width="200" height="200"><a href="/adredir?b=2">Ace Plumbing Services Co</a></li>
        <li class="row"><a href="?page=2">Next page</a></li>
      </ul>`;
    expect(ids(containers())).toEqual(['s1', 's2']);
  });

  it("takes each ad of a right column whose units all begin with the same options button ('#')", () => {
    // Facebook's 2017 right column: every ego unit starts with <a href="#"> (its menu), then its own links.
    document.body.innerHTML = `
      <div id="ego"><div class="head"><span>Sponsored</span> · <a href="/ads/create">Create Ad</a></div>
        <div class="ego_unit" id="e1"><a href="#" role="button" aria-label="Hide"></a><a href="/ajax/emu/end.php?eid=1"><img src="/1.png" width="254" height="133"></a><a href="https://one.example/">Balance your books in minutes</a></div>
        <div class="ego_unit" id="e2"><a href="#" role="button" aria-label="Hide"></a><a href="/ajax/emu/end.php?eid=2"><img src="/2.png" width="254" height="133"></a><a href="https://two.example/">Wait, that's it? Moving made easy</a></div>
      </div>`;
    expect(ids(containers())).toEqual(['e1', 'e2']);
  });

  it('returns nothing for a detached label', () => {
    const span = document.createElement('span');
    span.textContent = 'Sponsored';
    expect(containerOfLabel({ labelElement: span, fromText: true, label: 'sponsored', kind: 'native' })).toEqual([]);
  });
});
