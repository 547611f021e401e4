import { beforeEach, describe, expect, it } from 'vitest';
import { detectAds } from './detect';
import { NO_CONTEXT } from './types';
import { detectAround } from './detect';
import type { Detection } from './detect';
import { byId, page } from './test-page';

/** The detections in a comparable form: element id (or tag), rule, kind, network. */
function summary(found: Detection[]) {
  return found.map((d) => ({
    el: d.element.id || d.element.tagName.toLowerCase(),
    rule: d.rule,
    kind: d.kind,
    network: d.network,
  }));
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('detectAds: selector signatures', () => {
  it('finds an AdSense ins slot', () => {
    page('<main><p>Story</p><ins id="slot" class="adsbygoogle" data-ad-client="ca-pub-1"><iframe src="/creative.html"></iframe></ins></main>');
    expect(summary(detectAds(document))).toEqual([
      { el: 'slot', rule: 'sig:adsense-ins', kind: 'display', network: 'AdSense' },
    ]);
  });

  it('does not take an ins without the adsbygoogle class', () => {
    page('<p>An <ins id="edit">inserted</ins> word.</p>');
    expect(detectAds(document)).toEqual([]);
  });

  it('finds a GPT slot div by its id prefix', () => {
    page('<div id="div-gpt-ad-1234567-0"><iframe src="/creative.html"></iframe></div><div id="not-div-gpt-ad"><iframe src="/creative.html"></iframe></div>');
    expect(summary(detectAds(document))).toEqual([
      { el: 'div-gpt-ad-1234567-0', rule: 'sig:gpt-div', kind: 'display', network: 'Google Ad Manager' },
    ]);
  });

  it('finds a GPT creative iframe outside a div-gpt-ad slot', () => {
    page('<div id="top-slot"><iframe id="google_ads_iframe_/1234/home_0" title="3rd party ad content"></iframe></div>');
    const found = detectAds(document);
    expect(found).toHaveLength(1);
    expect(found[0]!.element).toBe(document.querySelector('iframe'));
    expect(found[0]).toMatchObject({ rule: 'sig:gpt-iframe', kind: 'display', network: 'Google Ad Manager' });
  });

  it('finds an AdSense aswift iframe', () => {
    page('<div><iframe id="aswift_0"></iframe></div>');
    expect(summary(detectAds(document))).toEqual([
      { el: 'aswift_0', rule: 'sig:adsense-iframe', kind: 'display', network: 'AdSense' },
    ]);
  });

  it("finds Media.net's dynamic iframe, which has no src", () => {
    page('<div id="medianet"><div id="461374455"><script>window._mNHandle = {}</script><iframe id="_mN_dy_461374455" height="218"></iframe></div></div>');
    expect(summary(detectAds(document))).toEqual([
      { el: '_mN_dy_461374455', rule: 'sig:medianet-iframe', kind: 'display', network: 'Media.net' },
    ]);
  });
});

describe('detectAds: iframes from ad hosts', () => {
  it.each([
    ['https://tpc.googlesyndication.com/safeframe/1-0-40/html/container.html', 'Google'],
    ['https://googleads.g.doubleclick.net/pagead/ads?client=ca-pub-1', 'Google'],
    ['https://doubleclick.net/x', 'Google'],
    ['https://ads.pubmatic.com/AdServer/js/showad.js#PIX&kdntuid=1', 'PubMatic'],
    ['https://static.criteo.net/images/pixel.gif', 'Criteo'],
    ['https://a.b.criteo.net/delivery/ajs.php', 'Criteo'],
    ['https://ib.adnxs.com/tt?id=1', 'Xandr'],
    ['https://WWW.Media.Net/frame', 'Media.net'],
    ['http://disqusads.com/ads-iframe/adsnative/?category=news&position=top', 'Disqus'],
    ['https://falcon.pixanalytics.com/ad/embed/2008', 'PIXNET'],
  ])('an iframe from %s is an ad of %s', (src, network) => {
    page(`<div><iframe id="f" src="${src}"></iframe></div>`);
    expect(summary(detectAds(document))).toEqual([{ el: 'f', rule: 'sig:ad-frame-host', kind: 'display', network }]);
  });

  it.each([
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://disqus.com/embed/comments/?base=default&f=citytribune',
    'https://notdoubleclick.net.example.com/frame.html',
    'https://evil-doubleclick.net/frame.html',
    'https://doubleclick.network/frame.html',
    'https://example.com/?u=https://tpc.googlesyndication.com/',
    'https://example.com/tpc.googlesyndication.com/frame.html',
    'about:blank',
    'http://[bad',
  ])('an iframe from %s is not an ad', (src) => {
    page(`<div><iframe id="f" src="${src}"></iframe></div>`);
    expect(detectAds(document)).toEqual([]);
  });
});

describe('detectAds: disclosure labels', () => {
  it.each([
    ['Advertisement', 'label:advertisement', 'display'],
    ['Sponsored', 'label:sponsored', 'native'],
    ['Promoted', 'label:promoted', 'native'],
  ] as const)('the text label "%s" marks its container', (text, rule, kind) => {
    page(`
      <section>
        <div id="card"><span>${text}</span><a href="https://shop.example/">Buy</a></div>
        <p>Other</p>
      </section>`);
    expect(summary(detectAds(document))).toEqual([{ el: 'card', rule, kind, network: null }]);
  });

  it('climbs to the first ancestor that holds more than the label branch', () => {
    page(`
      <section>
        <div id="card">
          <div id="head"><div id="inner"><span>Sponsored</span></div></div>
          <p><a href="https://brand.example/">Brand copy</a></p>
        </div>
      </section>`);
    expect(summary(detectAds(document)).map((d) => d.el)).toEqual(['card']);
  });

  it('stops at an ancestor whose own text sits beside the label', () => {
    page('<section><div id="card">Brand name <span>Sponsored</span><a href="https://brand.example/">Shop</a></div><p>x</p></section>');
    expect(summary(detectAds(document)).map((d) => d.el)).toEqual(['card']);
  });

  it('never takes body as the container of a label', () => {
    page('<span>Advertisement</span>');
    expect(detectAds(document)).toEqual([]);
    page('<div><span>Advertisement</span></div>');
    expect(detectAds(document)).toEqual([]);
  });

  it('matches labels case-insensitively, trimmed, with zero-width characters stripped', () => {
    page(`
      <div id="a"><span>ADVERTISEMENT</span><img src="/a.png"></div>
      <div id="b"><span>  sPoNsOrEd \n</span><img src="/b.png"></div>
      <div id="c"><span>Spon\u200bso\u200cred</span><img src="/c.png"></div>
      <div id="d"><span>\ufeffPro\u2060moted\u200d</span><img src="/d.png"></div>`);
    expect(summary(detectAds(document)).map((d) => [d.el, d.rule])).toEqual([
      ['a', 'label:advertisement'],
      ['b', 'label:sponsored'],
      ['c', 'label:sponsored'],
      ['d', 'label:promoted'],
    ]);
  });

  it('takes a caption that is the whole text, one separated part of it, or a by-line; not a longer phrase', () => {
    page(`
      <div id="a"><span>Sponsored by Brand</span><img src="/a.png"></div>
      <div id="b"><span>Ad</span><img src="/b.png"></div>
      <div id="c"><span>Acme | Sponsored</span><img src="/c.png"></div>
      <div id="d"><span>Sponsored products we picked for you this week</span><img src="/d.png"></div>
      <div id="e"><span>Adblock detected</span><img src="/e.png"></div>`);
    expect(summary(detectAds(document)).map((d) => [d.el, d.rule])).toEqual([
      ['a', 'label:sponsored'],
      ['b', 'label:ad'],
      ['c', 'label:sponsored'],
    ]);
  });

  it('ignores prose that mentions sponsorship and "Advertise with us" links', () => {
    page(`
      <article><h1>Title</h1><p>This post is sponsored by nobody.</p></article>
      <footer>
        <ul><li><a href="/advertise">Advertise with us</a></li><li><a href="/about">About</a></li></ul>
      </footer>`);
    expect(detectAds(document)).toEqual([]);
  });

  it('ignores a label word that is one text node of a longer sentence', () => {
    page('<article><h1>Title</h1><p id="p"></p></article>');
    const p = byId('p');
    for (const part of ['This post is ', 'Sponsored', ' by nobody.']) p.appendChild(document.createTextNode(part));
    expect(detectAds(document)).toEqual([]);
  });

  it('ignores a label word set in its own element inside a sentence', () => {
    page(`
      <article><h1>Title</h1>
        <p>This post is <b>sponsored</b> by nobody.</p>
        <p>Read our <a href="/ads"><em>Advertisement</em></a> policy.</p>
      </article>`);
    expect(detectAds(document)).toEqual([]);
  });

  it('still takes a caption set apart by punctuation only', () => {
    page('<div id="card"><span>Sponsored</span> · <a href="https://brand.example/">Brand</a></div>');
    expect(detectAds(document).map((d) => [d.element.id, d.rule])).toEqual([['card', 'label:sponsored']]);
  });

  it('ignores label text in scripts, styles and the title', () => {
    document.head.innerHTML = '<title>Sponsored</title><style>/*x*/</style>';
    page(`
      <div><script>Advertisement</script><p>a</p></div>
      <div><style>Sponsored</style><p>b</p></div>
      <div><noscript>Promoted</noscript><p>c</p></div>`);
    try {
      expect(detectAds(document)).toEqual([]);
    } finally {
      document.head.innerHTML = '';
    }
  });

  it('takes an aria-labelled element holding creative content as the ad itself', () => {
    page(`
      <aside id="sidebar">
        <h2>More</h2>
        <div id="slot" aria-label="Advertisement"><iframe src="https://cdn.example.org/creative.html"></iframe></div>
        <div id="slot2" aria-label="advertisement"><div><img src="/banner.png"></div></div>
      </aside>`);
    expect(summary(detectAds(document))).toEqual([
      { el: 'slot', rule: 'label:advertisement', kind: 'display', network: null },
      { el: 'slot2', rule: 'label:advertisement', kind: 'display', network: null },
    ]);
  });

  it('takes an aria-labelled iframe as the ad', () => {
    page(`
      <aside>
        <h2>More</h2>
        <iframe id="frame" aria-label="Advertisement" src="https://cdn.example.org/x.html"></iframe>
      </aside>`);
    expect(summary(detectAds(document))).toEqual([
      { el: 'frame', rule: 'label:advertisement', kind: 'display', network: null },
    ]);
  });

  it('treats an aria-label without creative content as a caption inside the ad', () => {
    page('<section><div id="post"><span aria-label="Sponsored" style="display:inline-block;width:60px;height:12px"></span><p><a href="https://brand.example/">Brand text</a></p></div><p>x</p></section>');
    expect(summary(detectAds(document))).toEqual([
      { el: 'post', rule: 'label:sponsored', kind: 'native', network: null },
    ]);
  });

  it('ignores aria-labels that only contain a label word', () => {
    page(`
      <nav>
        <a id="l" href="/advertise" aria-label="Advertise with us"><img src="/megaphone.png"></a>
        <a href="/">Home</a>
      </nav>`);
    expect(detectAds(document)).toEqual([]);
  });

  it('ignores a label for which isRendered is false, and passes it the label element', () => {
    page(`
      <div id="hidden-card"><span class="hidden">Sponsored</span><img src="/h.png"></div>
      <div id="shown-card"><span>Sponsored</span><img src="/s.png"></div>
      <div id="hidden-slot" class="hidden" aria-label="Advertisement"><iframe src="/x.html"></iframe></div>`);
    const asked: Element[] = [];
    const found = detectAds(document, {
      ...NO_CONTEXT,
      isRendered: (el) => {
        asked.push(el);
        return !el.classList.contains('hidden');
      },
    });
    expect(summary(found).map((d) => d.el)).toEqual(['shown-card']);
    expect(asked).toContain(document.querySelector('#hidden-card span'));
    expect(asked).toContain(byId('hidden-slot'));
  });
});

describe('detectAds: things that are not ads', () => {
  it('ignores decoy class names and an article photo of ad size', () => {
    page(`
      <div class="header"><img src="/logo.png"><a href="/">Home</a></div>
      <div class="shadow"><img src="/s.png"></div>
      <a class="download" href="/file.zip">Download</a>
      <span class="badge">New</span>
      <address class="address">1 Road</address>
      <div class="loading"><iframe src="https://www.youtube.com/embed/x"></iframe></div>
      <article><h1>Story</h1><p>Text</p><img width="300" height="250" src="/photo.jpg" alt="A photo"></article>`);
    expect(detectAds(document)).toEqual([]);
  });
});

describe('detectAds: nesting and order', () => {
  it('collapses nested matches to the outermost, which inherits the inner network', () => {
    page(`
      <section>
        <div id="wrap">
          <span>Advertisement</span>
          <div id="div-gpt-ad-1-0">
            <iframe id="google_ads_iframe_/1/top_0"
              src="https://tpc.googlesyndication.com/safeframe/1-0-40/html/container.html"></iframe>
          </div>
        </div>
        <p>Story</p>
      </section>`);
    expect(summary(detectAds(document))).toEqual([
      { el: 'wrap', rule: 'label:advertisement', kind: 'display', network: 'Google Ad Manager' },
    ]);
  });

  it('takes the network of an ad-host iframe inside a labelled box', () => {
    page(`
      <section>
        <div id="box"><span>Sponsored</span><iframe src="https://ads.pubmatic.com/x"></iframe></div>
        <p>x</p>
      </section>`);
    expect(summary(detectAds(document))).toEqual([
      { el: 'box', rule: 'label:sponsored', kind: 'native', network: 'PubMatic' },
    ]);
  });

  it('keeps the outermost network when it has one', () => {
    page('<div id="div-gpt-ad-9"><ins class="adsbygoogle"><iframe src="/creative.html"></iframe></ins></div>');
    expect(summary(detectAds(document))).toEqual([
      { el: 'div-gpt-ad-9', rule: 'sig:gpt-div', kind: 'display', network: 'Google Ad Manager' },
    ]);
  });

  it('returns ads in document order, whatever rule found them', () => {
    page(`
      <section><div id="first"><span>Sponsored</span><img src="/1.png"></div><p>x</p></section>
      <iframe id="second" src="https://ads.pubmatic.com/x"></iframe>
      <div id="div-gpt-ad-third"><iframe src="/creative.html"></iframe></div>
      <section><div id="fourth"><span>Promoted</span><img src="/4.png"></div><p>x</p></section>
      <ins id="fifth" class="adsbygoogle"><iframe src="/creative.html"></iframe></ins>`);
    expect(summary(detectAds(document)).map((d) => d.el)).toEqual([
      'first',
      'second',
      'div-gpt-ad-third',
      'fourth',
      'fifth',
    ]);
  });

  it('returns an element matched by several rules once', () => {
    page('<iframe id="aswift_1" src="https://googleads.g.doubleclick.net/pagead/ads"></iframe>');
    expect(summary(detectAds(document))).toEqual([
      { el: 'aswift_1', rule: 'sig:adsense-iframe', kind: 'display', network: 'AdSense' },
    ]);
  });
});

describe('detectAds: empty slots', () => {
  it('does not take a slot, a labelled box or an aria-labelled box that holds no creative', () => {
    page(`
      <div id="div-gpt-ad-1-0"></div>
      <ins class="adsbygoogle" data-ad-client="ca-pub-1"></ins>
      <section><div id="card"><span>Sponsored</span><p>Loading…</p></div><p>x</p></section>`);
    expect(detectAds(document)).toEqual([]);
  });
});

describe('detectAround: after a mutation', () => {
  it('finds a slot that was empty at the first scan once its creative arrives, however deep', () => {
    page('<div id="div-gpt-ad-7-0"><div id="container"></div></div>');
    expect(detectAds(document)).toEqual([]);
    const frame = document.createElement('iframe');
    frame.id = 'google_ads_iframe_/1/x_0';
    byId('container').appendChild(frame);
    expect(summary(detectAround(frame)).map((d) => [d.el, d.rule])).toEqual([['div-gpt-ad-7-0', 'sig:gpt-div']]);
  });

  it('finds a box captioned "Advertisement" once its empty slot receives the creative', () => {
    page('<section><div id="box"><div class="cap">Advertisement</div><div><div id="slot"></div></div></div><p>Story</p></section>');
    expect(detectAds(document)).toEqual([]);
    const frame = document.createElement('iframe');
    byId('slot').appendChild(frame);
    expect(summary(detectAround(frame)).map((d) => [d.el, d.rule])).toEqual([['box', 'label:advertisement']]);
  });

  it('finds an ancestor that a filter-list rule selects once it holds a creative', () => {
    page('<div class="ad-box"><div><div id="host"></div></div></div>');
    const img = document.createElement('img');
    byId('host').appendChild(img);
    const filterRules = [{ selector: '.ad-box', extended: null, rule: 'EasyList@1 ##.ad-box' }];
    const found = detectAround(img, { ...NO_CONTEXT, filterRules });
    expect(found.map((d) => [d.element.className, d.rule])).toEqual([['ad-box', 'EasyList@1 ##.ad-box']]);
  });
});

describe('detectAds: filter-list rules', () => {
  it('takes elements a list rule selects when they hold a creative, with the rule text', () => {
    page(`
      <div id="banner" class="ad-banner"><a href="https://brand.example/"><img src="/b.png"></a></div>
      <div id="empty" class="ad-banner"></div>
      <div id="header" class="header"><a href="/">Home</a></div>`);
    const filterRules = [{ selector: '.ad-banner', extended: null, rule: 'EasyList@1 ##.ad-banner' }];
    expect(summary(detectAds(document, { ...NO_CONTEXT, filterRules })).map((d) => [d.el, d.rule])).toEqual([
      ['banner', 'EasyList@1 ##.ad-banner'],
    ]);
  });

  it('skips a rule whose selector the browser cannot parse and keeps the others', () => {
    page('<div id="x" class="promo-box"><img src="/p.png"></div>');
    const filterRules = [
      { selector: 'div:unknown-pseudo(1)', extended: null, rule: 'EasyList@1 ##div:unknown-pseudo(1)' },
      { selector: '.promo-box', extended: null, rule: 'EasyList@1 ##.promo-box' },
    ];
    expect(summary(detectAds(document, { ...NO_CONTEXT, filterRules })).map((d) => d.el)).toEqual(['x']);
  });
});

describe('detectAds on a subtree', () => {
  it('matches the root itself', () => {
    page(`
      <ins id="ins" class="adsbygoogle"><iframe src="/creative.html"></iframe></ins>
      <iframe id="frame" src="https://tpc.googlesyndication.com/safeframe/x.html"></iframe>
      <div id="slot" aria-label="Advertisement"><img src="/x.png"></div>
      <section><div id="card"><span>Sponsored</span><img src="/c.png"></div><p>x</p></section>`);
    expect(summary(detectAds(byId('ins')))).toEqual([
      { el: 'ins', rule: 'sig:adsense-ins', kind: 'display', network: 'AdSense' },
    ]);
    expect(summary(detectAds(byId('frame'))).map((d) => [d.el, d.rule])).toEqual([['frame', 'sig:ad-frame-host']]);
    expect(summary(detectAds(byId('slot'))).map((d) => [d.el, d.rule])).toEqual([['slot', 'label:advertisement']]);
    expect(summary(detectAds(byId('card'))).map((d) => [d.el, d.rule])).toEqual([['card', 'label:sponsored']]);
  });

  it('finds only what is at or under the root', () => {
    page(`
      <div id="a"><ins id="in-a" class="adsbygoogle"><iframe src="/creative.html"></iframe></ins></div>
      <div id="b"><ins id="in-b" class="adsbygoogle"><iframe src="/creative.html"></iframe></ins></div>`);
    expect(summary(detectAds(byId('b'))).map((d) => d.el)).toEqual(['in-b']);
  });
});

describe('detectAds: house promotions', () => {
  const rule = (selector: string) => ({ ...NO_CONTEXT, filterRules: [{ rule: `EasyList@1 ##${selector}`, selector, extended: null }] });

  it('does not count a filter-list match whose every link stays on the site and that holds no frame', () => {
    page(`
      <div id="promo"><img src="/prime.jpg" usemap="#m"><map name="m"><area href="${location.origin}/prime/signup"></map></div>
      <div id="editorial" class="ad-wrapper"><div class="slot"></div><a href="/news/1">Story one</a><a href="${location.origin}/news/2">Story two</a></div>
      <div id="paid" class="ad-wrapper"><a href="https://advertiser.example/"><img src="/b.png"></a></div>
      <div id="framed" class="ad-wrapper"><a href="/x">x</a><iframe src="/creative.html"></iframe></div>`);
    const found = detectAds(document, rule('#promo, .ad-wrapper'));
    expect(summary(found).map((d) => d.el)).toEqual(['paid', 'framed']);
  });

  it('still counts a captioned house ad: only filter-list matches are judged so', () => {
    page('<section><div id="house"><span>Advertisement</span><a href="/subscribe"><img src="/sub.png"></a></div><p>x</p></section>');
    expect(summary(detectAds(document, rule('#house'))).map((d) => [d.el, d.rule])).toEqual([['house', 'label:advertisement']]);
  });
});
