/**
 * Hostile pages (issue 11, item 5 "Bounded cost, whatever the page holds"): pages made of ad markup, to show
 * that what AdTally does on a page stays bounded whatever the page holds.
 *
 *   hostile.test/   ~100,000 elements, nearly all of them ad markup, in four kinds dealt in turn:
 *                   boxes with class and id names EasyList hides (real generic rules of the build's list,
 *                   below), AdSense units (ins.adsbygoogle with an iframe#aswift_N; one in 20 loads a creative
 *                   from ads1…ads4.test, lazily, the others are empty frames), boxes with
 *                   aria-label="Advertisement" around a picture link, and "Sponsored" captions over a picture
 *                   link. Half are in the HTML; the page's script appends the other half in 50 bursts, 60 ms
 *                   apart, as an infinite feed does.
 *   captions.test/  10,000 captioned creatives ("Sponsored" caption, a picture and a headline link) in one
 *                   feed container: 4,000 in the HTML, then 30 bursts of 200 appended to the same container.
 *
 * Pictures are <img> with a data: URI (no request, real layout boxes). When the page has appended its last
 * burst it sets body[data-done]; `waitForDone` waits for it. The bench then waits until the page's main
 * thread is quiet (bench/lib/quiet.mjs) before it stops the trace.
 */
import { rng } from '../lib/prng.mjs';
import { esc, h, title, words } from './markup.mjs';

export const HOSTILE = { name: 'hostile', host: 'hostile.test', path: '/', elements: 100_000 };
export const CAPTIONS = { name: 'captions', host: 'captions.test', path: '/', creatives: 10_000 };

/**
 * Generic element-hiding rules of the build's EasyList (debian:webext-ublock-origin-chromium 1.67.0, list
 * sha256-c639747681d5), each a plain `##.name` or `###name` line with no exception (`#@#`) in the list, so
 * every box below is hidden by uBlock Origin and matched by AdTally's filter layer.
 */
export const EASYLIST_CLASSES = [
  'ad-slot', 'ad-wrapper', 'adunit', 'dfp-ad', 'banner-ad', 'top-ad', 'sponsored-post', 'ad_banner2', 'advert_leaderboard',
  'ad-728-90', 'ad__wrapper', 'ad_block', 'advertising-banner', 'ad--banner', 'ad--billboard', 'adsright', 'adBorder',
  'ad-unit-300', 'ad_728x90', 'ad--halfpage', 'adSlug', 'bannerAdTower', 'ads_160', 'adv-conteiner', 'ad-loader',
];
export const EASYLIST_IDS = ['ad-slot', 'ad-300x250', 'ad_banner', 'adsense2', 'ads-horizontal', 'ad-article', 'adbottom', 'banneradspace', 'ad-btm', 'advertBoxRight'];

// A 1×1 transparent GIF: every picture is an image without a network request; width and height size its box.
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** Markup for ad unit i of the hostile page, and its element count. Four kinds, dealt in turn. */
function hostileUnit(i, r, port) {
  const click = `http://ads${1 + (i % 4)}.test:${port}/click?n=${i}`;
  const pic = (w, hh) => h('img', { src: PIXEL, width: w, height: hh, alt: '' });
  switch (i % 4) {
    case 0: {
      // A box EasyList hides by class, one in five also by id (ids repeat, as copy-pasted ad code makes them).
      const id = i % 20 === 0 ? EASYLIST_IDS[(i / 20) % EASYLIST_IDS.length] : null;
      return [h('div', { class: EASYLIST_CLASSES[(i >> 2) % EASYLIST_CLASSES.length], id }, h('a', { href: click, rel: 'sponsored' }, pic(300, 250))), 3];
    }
    case 1: {
      // AdSense: the ins and its aswift iframe; one in 20 loads a real creative (lazily, so only those near
      // the viewport load), the others are the empty frames AdSense leaves before it fills them.
      const src = i % 20 === 1 ? `http://ads${1 + (i % 4)}.test:${port}/creative.html?kind=display&w=300&h=250&n=${i}` : null;
      return [
        h(
          'ins',
          { class: 'adsbygoogle', style: 'display:inline-block;width:300px;height:250px', 'data-ad-client': 'ca-pub-1234567890123456', 'data-ad-slot': String(1_000_000 + i) },
          h('iframe', { id: `aswift_${i}`, width: 300, height: 250, frameborder: 0, scrolling: 'no', loading: 'lazy', src }),
        ),
        2,
      ];
    }
    case 2:
      return [h('div', { class: 'promo-box', 'aria-label': 'Advertisement' }, h('a', { href: click }, pic(300, 250))), 3];
    default:
      return [h('div', { class: 'promo-card' }, h('span', { class: 'promo-caption' }, 'Sponsored'), h('a', { href: click }, pic(300, 250), esc(title(r, 2, 4)))), 4];
  }
}

/** Sections of units until `budget` elements (each section is one element more). */
function hostileSections(from, budget, perSection, r, port) {
  const sections = [];
  let i = from;
  let used = 0;
  while (used < budget) {
    const units = [];
    for (let k = 0; k < perSection && used < budget; k++) {
      const [markup, n] = hostileUnit(i++, r, port);
      units.push(markup);
      used += n;
    }
    sections.push(h('section', { class: 'ad-grid' }, units));
    used++;
  }
  return { sections, next: i };
}

export function hostilePage(port) {
  const r = rng(20261111);
  const half = HOSTILE.elements / 2;
  const initial = hostileSections(0, half, 100, r, port);
  // The appended half: 50 bursts, each a few sections, shipped to the page's script as strings.
  const bursts = [];
  let next = initial.next;
  for (let b = 0; b < 50; b++) {
    const burst = hostileSections(next, half / 50, 100, r, port);
    bursts.push(burst.sections.join(''));
    next = burst.next;
  }
  const script = appendInBursts(bursts);
  const css = 'body{font:14px/1.4 sans-serif;margin:0}.ad-grid{display:flex;flex-wrap:wrap;gap:4px}.promo-caption{display:block;font-size:11px;color:#777}';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile page</title><style>${css}</style></head><body><h1>${esc(title(r))}</h1><main id="feed">${initial.sections.join('')}</main><script>${script}</script></body></html>`;
}

/** The page's script: appends each burst of markup to #feed, 60 ms apart, as an infinite feed does, then sets body[data-done]. */
function appendInBursts(bursts) {
  return `
(function(){
  var BURSTS=${JSON.stringify(bursts)}, feed=document.getElementById('feed'), b=0;
  function more(){ if (b>=BURSTS.length){ document.body.dataset.done='1'; return; }
    feed.insertAdjacentHTML('beforeend', BURSTS[b++]); setTimeout(more, 60); }
  setTimeout(more, 60);
})();`;
}

/** One captioned creative: the caption, a picture and a headline link in one card (5 elements). */
function captionCard(i, r, port) {
  const click = `http://ads${1 + (i % 4)}.test:${port}/click?c=${i}`;
  return h(
    'article',
    { class: 'card', 'data-i': String(i) },
    h('div', { class: 'card-caption' }, 'Sponsored'),
    h('a', { href: click, class: 'card-link' }, h('img', { src: PIXEL, width: 240, height: 160, alt: '' }), h('span', { class: 'headline' }, `Brand ${i}: ${esc(words(r, 4))}`)),
  );
}

export function captionsPage(port) {
  const r = rng(20261212);
  const cards = Array.from({ length: 4000 }, (_, i) => captionCard(i, r, port));
  const bursts = [];
  for (let b = 0, i = 4000; b < 30; b++) {
    const burst = [];
    for (let k = 0; k < 200; k++) burst.push(captionCard(i++, r, port));
    bursts.push(burst.join(''));
  }
  const script = appendInBursts(bursts);
  const css = 'body{font:14px/1.4 sans-serif;margin:0}#feed{display:flex;flex-wrap:wrap;gap:6px}.card{width:240px}.card-caption{font-size:11px;color:#777}.headline{display:block}';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Captioned creatives</title><style>${css}</style></head><body><h1>${esc(title(r))}</h1><main id="feed">${cards.join('')}</main><script>${script}</script></body></html>`;
}

/** Waits until the page has appended its last burst (body[data-done]); resolves to the seconds waited. */
export async function waitForDone(page, { timeoutMs = 900_000 } = {}) {
  const t0 = Date.now();
  await page.waitForFunction(() => document.body?.dataset.done === '1', null, { timeout: timeoutMs, polling: 250 });
  return (Date.now() - t0) / 1000;
}
