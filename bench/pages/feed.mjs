/**
 * An infinite-scroll social feed: the page starts with 10 posts and its script appends 20 more whenever the
 * end of the feed comes within 2,000 px of the viewport, up to 600 posts (~21,000 elements). Every 8th post is
 * sponsored, in three styles in turn: a "Sponsored" caption beside the brand name, a post with a class
 * EasyList hides (.sponsored-post), and a video ad in an iframe from ads1.test or ads2.test. The bench
 * scrolls it with the mouse wheel until all 600 posts exist.
 */
import { rng } from '../lib/prng.mjs';
import { h, icon, picture, sentence, title } from './markup.mjs';

export const FEED = { name: 'feed', host: 'feed.test', path: '/', expectedAds: 75, posts: 600 };

export function feedPage(port) {
  const r = rng(20260202);
  // The posts' text and pictures are drawn here, once, and shipped to the page's script as data; the script
  // builds the markup as a feed's client does.
  const data = [];
  for (let i = 0; i < FEED.posts; i++) {
    data.push({
      name: title(r, 2, 2),
      text: Array.from({ length: r.int(1, 3) }, () => sentence(r)).join(' '),
      tag: title(r, 1, 1).toLowerCase(),
      media: r.chance(0.5) ? picture(r, 500, 280) : '',
      likes: r.int(0, 999),
    });
  }
  const head = h('header', { class: 'topbar' }, h('a', { href: '/', class: 'logo' }, icon('logo'), 'Feedly Test'), h('nav', {}, ['Home', 'Explore', 'Notifications', 'Messages', 'Profile'].map((t) => h('a', { href: `/${t.toLowerCase()}` }, icon(t.toLowerCase()), t))));
  const side = h('aside', { class: 'trends' }, h('h3', {}, 'Trends for you'), h('ol', {}, Array.from({ length: 12 }, () => h('li', {}, h('a', { href: `/tag/${r.int(1, 999)}` }, '#' + title(r, 1, 2).replace(/ /g, '')), h('span', {}, `${r.int(1, 90)}K posts`)))));
  const script = `
(function(){
  var port=${port}, DATA=${JSON.stringify(data)}, feed=document.getElementById('feed'), count=0, MAX=${FEED.posts};
  function esc(s){return s.replace(/&/g,'&amp;').replace(/</g,'&lt;');}
  function actions(n){ var names=['Reply','Repost','Like','Share'], out='';
    for (var k=0;k<4;k++) out+='<button class="act act-'+names[k].toLowerCase()+'" aria-label="'+names[k]+'"><svg class="icon" width="16" height="16" viewBox="0 0 16 16"><path d="M2 2h12v12H2z"/></svg><span>'+(k===2?n:'')+'</span></button>';
    return '<footer class="actions">'+out+'</footer>'; }
  function post(i){ var d=DATA[i], sp=i%8===7, style=Math.floor(i/8)%3, host='http://ads'+(1+Math.floor(i/8)%2)+'.test:'+port;
    var who = sp ? '<a class="name" href="'+host+'/click?p='+i+'">'+esc(d.name)+' Store</a><span class="label">Sponsored</span>'
                 : '<a class="name" href="/u/'+i+'">'+esc(d.name)+'</a><span class="handle">@u'+i+'</span><time>'+(1+i%23)+'h</time>';
    var media = sp && style===2 ? '<div class="video"><iframe width="500" height="280" frameborder="0" src="'+host+'/creative.html?kind=video&w=500&h=280&n='+i+'"></iframe></div>'
              : sp ? '<a class="media" href="'+host+'/click?p='+i+'&m=1">'+(d.media||'<svg width="500" height="280"><rect width="500" height="280" fill="#ccc"/></svg>')+'</a><a class="cta" href="'+host+'/click?p='+i+'&c=1">Learn more</a>'
              : d.media ? '<figure class="media">'+d.media+'</figure>' : '';
    return '<article class="post'+(sp&&style===1?' sponsored-post':'')+'" data-i="'+i+'"><header class="post-head"><a class="avatar" href="/u/'+i+'"><svg width="40" height="40"><circle cx="20" cy="20" r="20" fill="#9ab"/></svg></a>'+
      '<div class="who">'+who+'</div><button class="more" aria-label="More options"><svg width="16" height="16"><path d="M2 8h12"/></svg></button></header>'+
      '<div class="post-body"><p>'+esc(d.text)+' <a href="/tag/'+d.tag+'">#'+d.tag+'</a></p></div>'+media+actions(d.likes)+'</article>'; }
  function more(n){ var html=''; for (var k=0;k<n && count<MAX;k++) html+=post(count++); feed.insertAdjacentHTML('beforeend', html); document.body.dataset.posts=count; }
  more(10);
  var sentinel=document.getElementById('sentinel');
  new IntersectionObserver(function(entries){ if (entries[0].isIntersecting && count<MAX) more(20); }, {rootMargin:'2000px'}).observe(sentinel);
})();`;
  const css =
    'body{font:15px/1.4 system-ui,sans-serif;margin:0}.layout{display:flex;justify-content:center;gap:24px}#feed{width:600px}' +
    '.post{border-bottom:1px solid #ddd;padding:12px}.post-head{display:flex;gap:8px;align-items:center}.label{color:#666;font-size:12px;margin-left:6px}' +
    '.actions{display:flex;justify-content:space-between}.trends{width:300px}.topbar nav a{margin:0 8px}';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home / Feedly Test</title><style>${css}</style></head><body>${head}<div class="layout"><main><div id="feed"></div><div id="sentinel">Loading…</div></main>${side}</div><script>${script}</script></body></html>`;
}

/** Scrolls with the mouse wheel, as a reader flicking through the feed does, until all posts are on the page. */
export async function scrollFeed(page, { step = 2400, pauseMs = 40, maxWheels = 600 } = {}) {
  let wheels = 0;
  for (; wheels < maxWheels; wheels++) {
    await page.mouse.wheel(0, step);
    await page.waitForTimeout(pauseMs);
    if (wheels % 10 === 9) {
      const n = await page.evaluate(() => Number(document.body.dataset.posts ?? 0));
      if (n >= FEED.posts) break;
    }
  }
  return wheels;
}
