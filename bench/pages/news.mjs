/**
 * A heavy news front page: ~8,000 elements (nav, a long lead article, story grids, sidebars, footer) with 80
 * ads of mixed kinds and ~50 ad iframes from four other hosts (ads1…ads4.test, each its own site and so, under
 * site isolation, its own renderer process):
 *   20 Google Ad Manager slots (div#div-gpt-ad-…, iframe#google_ads_iframe_…), 8 of them filled by the page's
 *      script after load, in two bursts, as GPT does
 *   12 AdSense units (ins.adsbygoogle with iframe#aswift_N)
 *   20 boxes with classes EasyList hides (.ad-slot, .ad.box, .dfp-ad …), half of them with an iframe
 *   10 boxes captioned "Advertisement" around an iframe
 *   14 native "Sponsored" cards among the stories
 *    4 Taboola/Outbrain-style recommendation widgets
 * The page also runs a live ticker (one text change a second) and formats its <time> elements at load.
 */
import { rng } from '../lib/prng.mjs';
import { esc, h, icon, paragraph, picture, sentence, title, words } from './markup.mjs';

export const NEWS = { name: 'news', host: 'news.test', path: '/', expectedAds: 80 };

export function newsPage(port) {
  const r = rng(20260101);
  const adHost = (n) => `http://ads${n}.test:${port}`;
  const creative = (n, i, w, hh, kind = 'display') => `${adHost(n)}/creative.html?kind=${kind}&w=${w}&h=${hh}&n=${i}`;
  let adSeq = 0;

  const gpt = (i, filled) =>
    h(
      'div',
      { class: 'ad-container', 'data-slot': `slot${i}` },
      h(
        'div',
        { id: `div-gpt-ad-1612345678901-${i}`, style: 'min-width:300px;min-height:250px', 'data-fill': filled ? null : `${i}` },
        filled
          ? h('iframe', { id: `google_ads_iframe_/21775744923/news/slot${i}_0`, title: '3rd party ad content', width: 300, height: 250, frameborder: 0, scrolling: 'no', src: creative(1, ++adSeq, 300, 250) })
          : '',
      ),
    );
  const adsense = (i) =>
    h(
      'ins',
      { class: 'adsbygoogle', style: 'display:block;width:300px;height:250px', 'data-ad-client': 'ca-pub-1234567890123456', 'data-ad-slot': String(1000 + i), 'data-ad-format': 'auto' },
      h('iframe', { id: `aswift_${i}`, width: 300, height: 250, frameborder: 0, src: creative(2, ++adSeq, 300, 250) }),
    );
  const CLASS_ADS = ['ad-slot', 'ad box', 'ad-unit', 'top-ad', 'dfp-ad', 'ad-wrapper', 'native-ad', 'advertisement rectangle', 'ads widget', 'sidebar-ad'];
  const classAd = (i) => {
    const withFrame = i % 2 === 0;
    return h(
      'div',
      { class: CLASS_ADS[i % CLASS_ADS.length], 'data-pos': String(i) },
      withFrame
        ? h('iframe', { width: 300, height: 250, frameborder: 0, scrolling: 'no', src: creative(3, ++adSeq, 300, 250) })
        : h('a', { href: `${adHost(3)}/click?n=${++adSeq}`, target: '_blank', rel: 'sponsored' }, picture(r, 300, 250, 'Ad'), h('span', {}, title(r, 2, 4))),
    );
  };
  const labelled = (i) =>
    h(
      'aside',
      { class: 'promo-box', 'data-pos': String(i) },
      h('div', { class: 'promo-caption' }, 'Advertisement'),
      h('iframe', { width: 728, height: 90, frameborder: 0, scrolling: 'no', src: creative(4, ++adSeq, 728, 90) }),
    );
  const sponsoredCard = (i) =>
    h(
      'article',
      { class: 'story-card promoted-card' },
      h('a', { href: `${adHost(4)}/click?n=${++adSeq}`, class: 'thumb' }, picture(r, 160, 90)),
      h('span', { class: 'kicker' }, 'Sponsored'),
      h('h3', {}, h('a', { href: `${adHost(4)}/click?n=${adSeq}` }, esc(title(r)))),
      h('p', { class: 'dek' }, esc(sentence(r))),
      h('span', { class: 'byline' }, `Brand ${i}`),
    );
  const widget = (i) => {
    const taboola = i % 2 === 0;
    const items = [];
    for (let k = 0; k < 6; k++) {
      items.push(
        h(
          'div',
          { class: taboola ? 'trc_spotlight_item' : 'ob-dynamic-rec-container' },
          h('a', { href: `${adHost(i + 1)}/rec?w=${i}&k=${k}`, target: '_blank' }, picture(r, 140, 80), h('span', { class: 'rec-title' }, esc(title(r))), h('span', { class: 'rec-brand' }, `Brand ${k}`)),
        ),
      );
    }
    return taboola
      ? h('div', { id: i === 0 ? 'taboola-below-article-thumbnails' : `taboola-mid-${i}`, class: 'trc_related_container' }, h('div', { class: 'trc_header' }, 'You May Like'), items)
      : h('div', { class: 'OUTBRAIN', 'data-widget-id': `AR_${i}` }, h('div', { class: 'ob-widget-header' }, 'Recommended for you'), items);
  };

  // Ordinary content.
  const storyCard = () =>
    h(
      'article',
      { class: 'story-card' },
      h('a', { href: `/story/${r.int(10000, 99999)}`, class: 'thumb' }, picture(r, 160, 90)),
      h('span', { class: 'kicker' }, esc(title(r, 1, 2))),
      h('h3', {}, h('a', { href: `/story/${r.int(10000, 99999)}` }, esc(title(r)))),
      h('p', { class: 'dek' }, esc(sentence(r))),
      h('div', { class: 'meta' }, h('span', { class: 'byline' }, 'By ' + esc(title(r, 2, 2))), h('time', { datetime: `2026-01-0${r.int(1, 9)}T0${r.int(0, 9)}:00:00Z` }, 'today'), h('span', { class: 'comments' }, icon('comment'), String(r.int(0, 400)))),
    );
  const navMenu = (i) =>
    h('li', { class: 'nav-item' }, h('a', { href: `/section/${i}` }, esc(title(r, 1, 2))), h('ul', { class: 'submenu' }, Array.from({ length: 10 }, (_, k) => h('li', {}, h('a', { href: `/section/${i}/${k}` }, esc(title(r, 1, 3)))))));
  const list = (n) => h('ol', { class: 'most-read' }, Array.from({ length: n }, () => h('li', {}, h('a', { href: `/story/${r.int(10000, 99999)}` }, esc(title(r))), h('span', { class: 'count' }, String(r.int(100, 9000))))));

  // Deal the 80 ads into the page in a fixed order.
  const ads = [];
  for (let i = 0; i < 20; i++) ads.push(() => gpt(i, i < 12));
  for (let i = 0; i < 12; i++) ads.push(() => adsense(i));
  for (let i = 0; i < 20; i++) ads.push(() => classAd(i));
  for (let i = 0; i < 10; i++) ads.push(() => labelled(i));
  const sponsored = Array.from({ length: 14 }, (_, i) => () => sponsoredCard(i));
  const widgets = Array.from({ length: 4 }, (_, i) => () => widget(i));
  // Interleave display ads through the page: take the next one in a round-robin over the kinds.
  const order = [];
  for (let i = 0; i < 20; i++) {
    order.push(ads[i]);
    if (i < 12) order.push(ads[20 + i]);
    order.push(ads[32 + i]);
    if (i < 10) order.push(ads[52 + i]);
  }
  let next = 0;
  const ad = () => (next < order.length ? order[next++]() : '');

  const article = [];
  for (let p = 0; p < 48; p++) {
    article.push(paragraph(r, r.int(3, 6)));
    if (p % 6 === 5) article.push(h('figure', {}, picture(r, 640, 360), h('figcaption', {}, esc(sentence(r)))));
    if (p % 5 === 2) article.push(ad());
    if (p % 12 === 7) article.push(h('blockquote', {}, h('p', {}, esc(sentence(r))), h('cite', {}, esc(title(r, 2, 2)))));
  }
  const sections = [];
  let sp = 0;
  for (let s = 0; s < 22; s++) {
    const cards = [];
    for (let c = 0; c < 16; c++) {
      if ((s * 16 + c) % 16 === 9 && sp < sponsored.length) cards.push(sponsored[sp++]());
      else cards.push(storyCard());
    }
    sections.push(h('section', { class: 'story-grid', 'aria-labelledby': `sec${s}` }, h('h2', { id: `sec${s}` }, esc(title(r, 1, 3))), h('div', { class: 'grid' }, cards), ad(), s % 4 === 1 ? widgets[Math.floor(s / 4)]?.() ?? '' : ''));
  }
  while (sp < sponsored.length) sections.push(sponsored[sp++]());
  const sidebar = [];
  for (let k = 0; k < 12; k++) sidebar.push(h('div', { class: 'sidebar-box' }, h('h4', {}, esc(title(r, 2, 3))), list(10)), ad());

  const body = [
    h('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    h('header', { class: 'masthead' }, h('a', { href: '/', class: 'logo' }, picture(r, 180, 40, 'The Daily Test')), h('form', { class: 'search', action: '/search' }, h('input', { name: 'q', type: 'search' }), h('button', {}, icon('search'))), h('div', { id: 'ticker' }, h('span', { class: 'ticker-label' }, 'Live'), h('a', { href: '/live' }, esc(title(r))))),
    h('nav', { class: 'primary' }, h('ul', {}, Array.from({ length: 24 }, (_, i) => navMenu(i)))),
    ad(),
    h(
      'div',
      { class: 'layout' },
      h('main', { id: 'main' }, h('article', { class: 'lead' }, h('h1', {}, esc(title(r, 8, 12))), h('div', { class: 'meta' }, h('span', {}, 'By ' + esc(title(r, 2, 2))), h('time', { datetime: '2026-01-01T08:00:00Z' }, 'today')), picture(r, 960, 540), article), sections),
      h('aside', { class: 'rail' }, sidebar),
    ),
    h('footer', {}, Array.from({ length: 10 }, () => h('div', { class: 'footer-col' }, h('h5', {}, esc(title(r, 1, 2))), h('ul', {}, Array.from({ length: 14 }, () => h('li', {}, h('a', { href: `/about/${r.int(1, 999)}` }, esc(words(r, 2)))))))), h('p', { class: 'legal' }, esc(sentence(r, 20, 30)))),
  ];
  while (next < order.length) body.push(ad());

  // The page's own script: GPT-style lazy fill of the empty slots, a live ticker, relative times.
  const script = `
(function(){
  var port=${port}, seq=1000;
  function fill(from,to){ for (var i=from;i<to;i++){ var d=document.querySelector('[data-fill="'+i+'"]'); if(!d) continue;
    var f=document.createElement('iframe'); f.id='google_ads_iframe_/21775744923/news/slot'+i+'_0'; f.width=300; f.height=250; f.setAttribute('frameborder','0');
    f.src='http://ads1.test:'+port+'/creative.html?kind=display&w=300&h=250&n='+(seq++); d.appendChild(f);} }
  window.addEventListener('load', function(){ setTimeout(function(){fill(12,16)},300); setTimeout(function(){fill(16,20)},1200); });
  var times=document.querySelectorAll('time'); var now=Date.parse('2026-01-10T00:00:00Z');
  for (var i=0;i<times.length;i++){ var t=Date.parse(times[i].getAttribute('datetime')); times[i].textContent=Math.round((now-t)/3600000)+' hours ago'; }
  var heads=${JSON.stringify(Array.from({ length: 8 }, () => title(r)))}, k=0, a=document.querySelector('#ticker a');
  setInterval(function(){ a.textContent=heads[k++%heads.length]; }, 1000);
})();`;
  const css =
    'body{font:15px/1.5 Georgia,serif;margin:0}.layout{display:flex;gap:24px;max-width:1240px;margin:auto}main{flex:1}.rail{width:320px}' +
    '.grid{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}.submenu{display:none}.nav-item{display:inline-block;margin:0 6px}' +
    'nav ul{list-style:none;padding:0}.story-card h3{font-size:16px;margin:4px 0}.promo-caption{font:11px sans-serif;color:#777}footer{display:flex;flex-wrap:wrap}';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Daily Test: front page</title><style>${css}</style></head><body>${body.join('')}<script>${script}</script></body></html>`;
}
