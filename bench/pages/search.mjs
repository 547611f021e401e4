/**
 * A search results page (search.test/search?q=…): 10 organic results with sitelinks, 4 sponsored text ads
 * above them and 2 below (each captioned "Sponsored", links to an ad click host), a sponsored shopping
 * carousel of 10 products, a "People also ask" box, a knowledge panel, related searches and a footer.
 */
import { rng } from '../lib/prng.mjs';
import { esc, h, icon, picture, sentence, title } from './markup.mjs';

export const SEARCH = { name: 'search', host: 'search.test', path: '/search?q=trail+running+shoes', expectedAds: 7 };

export function searchPage(_port) {
  const r = rng(20260303);
  // Ad links point at the real click host, as a search engine's do (never followed: nothing is clicked).
  const adClick = (i) => `https://www.googleadservices.com/pagead/aclk?sa=L&ai=${i}&adurl=https%3A%2F%2Fshop${i}.example%2F`;
  const textAd = (i) =>
    h(
      'div',
      { class: 'ad-result' },
      h('div', { class: 'ad-head' }, h('span', { class: 'ad-label' }, 'Sponsored'), h('span', { class: 'ad-domain' }, `shop${i}.example`)),
      h('a', { href: adClick(i), class: 'ad-title' }, h('h3', {}, esc(title(r, 4, 8)))),
      h('div', { class: 'ad-desc' }, esc(sentence(r, 12, 22))),
      h('ul', { class: 'ad-sitelinks' }, Array.from({ length: 4 }, (_, k) => h('li', {}, h('a', { href: adClick(i * 10 + k) }, esc(title(r, 1, 3)))))),
    );
  const organic = (i) =>
    h(
      'div',
      { class: 'result' },
      h('div', { class: 'result-head' }, h('span', { class: 'favicon' }, icon('site')), h('cite', {}, `https://www.site${i}.example › ${esc(title(r, 1, 2).toLowerCase())}`)),
      h('a', { href: `https://www.site${i}.example/page` }, h('h3', {}, esc(title(r, 5, 9)))),
      h('div', { class: 'snippet' }, h('span', { class: 'date' }, `Jan ${r.int(1, 28)}, 2026 — `), esc(sentence(r, 20, 30))),
      i < 3 ? h('table', { class: 'sitelinks' }, h('tbody', {}, Array.from({ length: 3 }, () => h('tr', {}, Array.from({ length: 2 }, () => h('td', {}, h('a', { href: `https://www.site${i}.example/${r.int(1, 99)}` }, esc(title(r, 1, 3))), h('div', {}, esc(sentence(r, 5, 8))))))))) : '',
    );
  const product = (i) =>
    h(
      'div',
      { class: 'pla-unit' },
      h('a', { href: adClick(100 + i) }, picture(r, 120, 120), h('div', { class: 'pla-title' }, esc(title(r, 3, 6))), h('div', { class: 'pla-price' }, `$${r.int(40, 220)}.${r.int(10, 99)}`), h('div', { class: 'pla-merchant' }, `store${i}.example`)),
      h('div', { class: 'pla-rating' }, '★'.repeat(r.int(3, 5)), h('span', {}, `(${r.int(10, 900)})`)),
    );
  const paa = h('div', { class: 'related-questions' }, h('h2', {}, 'People also ask'), Array.from({ length: 4 }, () => h('details', {}, h('summary', {}, esc(title(r, 5, 9)) + '?'), h('p', {}, esc(sentence(r, 20, 30))))));
  const panel = h('aside', { class: 'kp' }, picture(r, 320, 200), h('h2', {}, 'Trail running shoe'), h('p', {}, esc(sentence(r, 30, 40))), h('dl', {}, Array.from({ length: 6 }, () => [h('dt', {}, esc(title(r, 1, 2))), h('dd', {}, esc(title(r, 1, 4)))])));
  const card = (cls, w, hh) => h('div', { class: cls }, h('a', { href: `https://media${r.int(1, 99)}.example/${r.int(1, 9999)}` }, picture(r, w, hh), h('div', { class: 'card-title' }, esc(title(r, 4, 8))), h('div', { class: 'card-meta' }, h('span', {}, `site${r.int(1, 40)}.example`), h('span', {}, `${r.int(1, 23)} hours ago`))));
  const videos = h('div', { class: 'video-carousel' }, h('h2', {}, 'Videos'), Array.from({ length: 8 }, () => card('video-card', 200, 112)));
  const stories = h('div', { class: 'top-stories' }, h('h2', {}, 'Top stories'), Array.from({ length: 8 }, () => card('story-card', 160, 100)));
  const images = h('div', { class: 'image-row' }, h('h2', {}, 'Images'), Array.from({ length: 12 }, () => h('a', { href: `/imgres?i=${r.int(1, 9999)}` }, picture(r, 120, 90))));
  const results = [];
  for (let i = 0; i < 10; i++) {
    results.push(organic(i));
    if (i === 1) results.push(stories);
    if (i === 3) results.push(paa);
    if (i === 5) results.push(videos);
    if (i === 7) results.push(images);
  }
  const apps = h('div', { class: 'apps-menu', hidden: true }, h('ul', {}, Array.from({ length: 36 }, (_, i) => h('li', {}, h('a', { href: `https://app${i}.example/` }, picture(r, 48, 48), h('span', {}, esc(title(r, 1, 2))))))));
  const filters = h('div', { class: 'filter-chips' }, Array.from({ length: 14 }, () => h('a', { href: `/search?chip=${r.int(1, 999)}`, class: 'chip' }, esc(title(r, 1, 2)))));
  const body = [
    h('header', { class: 'sb' }, h('a', { href: '/', class: 'logo' }, picture(r, 92, 30, 'Search')), h('form', { action: '/search', role: 'search' }, h('input', { name: 'q', value: 'trail running shoes' }), h('button', { 'aria-label': 'Search' }, icon('search'))), h('nav', { class: 'tabs' }, ['All', 'Images', 'Shopping', 'News', 'Videos', 'Maps'].map((t) => h('a', { href: `/search?tbm=${t}` }, t))), apps, filters),
    h(
      'div',
      { class: 'cols' },
      h(
        'div',
        { id: 'center' },
        h('div', { class: 'stats' }, 'About 48,100,000 results (0.41 seconds)'),
        h('div', { class: 'shopping-carousel' }, h('div', { class: 'pla-head' }, h('span', { class: 'ad-label' }, 'Sponsored'), h('h2', {}, 'Shop trail running shoes')), h('div', { class: 'pla-row' }, Array.from({ length: 10 }, (_, i) => product(i)))),
        h('div', { id: 'top-ads', class: 'ads-block' }, Array.from({ length: 4 }, (_, i) => textAd(i))),
        h('div', { id: 'results' }, results),
        h('div', { id: 'bottom-ads', class: 'ads-block' }, Array.from({ length: 2 }, (_, i) => textAd(4 + i))),
        h('div', { class: 'related' }, h('h2', {}, 'Related searches'), Array.from({ length: 8 }, () => h('a', { href: `/search?q=${r.int(1, 999)}` }, icon('search'), esc(title(r, 2, 4))))),
        h('nav', { class: 'pages' }, Array.from({ length: 10 }, (_, i) => h('a', { href: `/search?start=${i * 10}` }, String(i + 1)))),
      ),
      panel,
    ),
    h('footer', {}, h('div', { class: 'location' }, 'United States · Based on your past activity'), ['Help', 'Send feedback', 'Privacy', 'Terms', 'Settings', 'Advertising', 'Business', 'About'].map((t) => h('a', { href: `/${t}` }, t))),
  ];
  // The page's own script: autocomplete suggestions on focus and a click logger, as search pages have.
  const script = `(function(){var q=document.querySelector('input[name=q]');q.addEventListener('focus',function(){});
document.addEventListener('mousedown',function(e){var a=e.target.closest&&e.target.closest('a');if(a)a.dataset.ved='1';},true);
var links=document.querySelectorAll('#results a');for(var i=0;i<links.length;i++)links[i].setAttribute('data-pos',i);})();`;
  const css = 'body{font:14px arial,sans-serif;margin:0}.cols{display:flex;gap:40px;padding:0 160px}#center{width:650px}.kp{width:360px}.pla-row{display:flex;overflow-x:auto;gap:8px}.pla-unit{min-width:140px}.ad-label{font-weight:bold;margin-right:6px}';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>trail running shoes - Search</title><style>${css}</style></head><body>${body.join('')}<script>${script}</script></body></html>`;
}
