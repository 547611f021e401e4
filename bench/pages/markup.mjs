/**
 * Shared markup for the generated pages: an element builder, prose from a fixed vocabulary, inline-SVG
 * pictures (no image requests, but real element counts) and the ad creatives served by the ad hosts.
 */

export const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** h('div', {class: 'x'}, child, …): an HTML string. Attributes with null/false values are left out. */
export function h(tag, attrs = {}, ...children) {
  let a = '';
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    a += v === true ? ` ${k}` : ` ${k}="${esc(v)}"`;
  }
  const inner = children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false).join('');
  return ['img', 'input', 'br', 'hr', 'meta', 'link'].includes(tag) ? `<${tag}${a}>` : `<${tag}${a}>${inner}</${tag}>`;
}

const WORDS = (
  'the of and to in a is that for on with as by at from this be are was it an or have has more said year people ' +
  'city council market report new government minister company police court school water energy local price ' +
  'plan week team season data study health policy budget housing transport climate election vote research ' +
  'business workers union river storm museum festival review players coach match result growth rates bank ' +
  'officials residents project community hospital students teachers families summer winter morning evening'
).split(' ');

export function words(r, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(r.pick(WORDS));
  return out.join(' ');
}

export function sentence(r, min = 8, max = 20) {
  const s = words(r, r.int(min, max));
  return s[0].toUpperCase() + s.slice(1) + '.';
}

export function title(r, min = 4, max = 9) {
  return words(r, r.int(min, max)).replace(/(^|\s)(\w)/g, (m, sp, c) => sp + c.toUpperCase());
}

/** A paragraph with a few inline links and emphasis, as article text has. */
export function paragraph(r, sentences = 4) {
  const parts = [];
  for (let i = 0; i < sentences; i++) {
    const s = sentence(r);
    if (r.chance(0.25)) parts.push(h('a', { href: `/story/${r.int(1000, 9999)}` }, s));
    else if (r.chance(0.15)) parts.push(h('em', {}, s));
    else parts.push(esc(s));
  }
  return h('p', {}, parts.join(' '));
}

const COLORS = ['#8ab', '#c96', '#7a8', '#b7c', '#da5', '#69c', '#a66', '#5aa'];

/** A picture as inline SVG: a background, a few shapes; about 6 elements, like a photo with a caption frame. */
export function picture(r, w, h_, label = '') {
  const shapes = [];
  const n = r.int(2, 4);
  for (let i = 0; i < n; i++) {
    shapes.push(
      r.chance(0.5)
        ? h('circle', { cx: r.int(0, w), cy: r.int(0, h_), r: r.int(8, Math.max(9, h_ / 3)), fill: r.pick(COLORS) })
        : h('rect', { x: r.int(0, w / 2), y: r.int(0, h_ / 2), width: r.int(10, w / 2), height: r.int(10, h_ / 2), fill: r.pick(COLORS) }),
    );
  }
  return h(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width: w, height: h_, viewBox: `0 0 ${w} ${h_}`, role: 'img', 'aria-label': label || null },
    h('rect', { width: w, height: h_, fill: r.pick(COLORS) }),
    shapes,
  );
}

/** A small icon (3 elements). */
export function icon(name) {
  return h('svg', { class: `icon icon-${name}`, width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': 'true' }, h('path', { d: 'M2 2h12v12H2z', fill: 'currentColor' }));
}

/**
 * The page served in every ad iframe (http://adsN.test:PORT/creative.html): a creative with a picture, a
 * headline, a call to action and a small script, as an ad server's creative has.
 */
export function creativePage(url) {
  const kind = url.searchParams.get('kind') ?? 'display';
  const w = Number(url.searchParams.get('w') ?? 300);
  const hh = Number(url.searchParams.get('h') ?? 250);
  const seed = Number(url.searchParams.get('n') ?? 1);
  let s = seed;
  const r = { pick: (l) => l[(s = (s * 48271) % 2147483647) % l.length], int: (lo, hi) => lo + ((s = (s * 48271) % 2147483647) % (hi - lo + 1)), chance: () => false };
  const click = `http://${url.host}/click?n=${seed}`;
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>ad</title>' +
    `<style>body{margin:0;font:13px sans-serif}a{color:#124;display:block;width:${w}px;height:${hh}px;overflow:hidden;background:#f4f4f4}` +
    '.cta{position:absolute;bottom:8px;right:8px;background:#e60;color:#fff;padding:4px 8px}</style></head><body>' +
    h(
      'div',
      { class: `creative creative-${kind}`, style: 'position:relative' },
      h(
        'a',
        { href: click, target: '_blank', rel: 'noopener' },
        h('svg', { width: w, height: hh, viewBox: `0 0 ${w} ${hh}` }, h('rect', { width: w, height: hh, fill: r.pick(COLORS) }), h('circle', { cx: w / 2, cy: hh / 2, r: hh / 4, fill: r.pick(COLORS) }), h('text', { x: 10, y: 24 }, 'Brand ' + seed)),
        h('span', { class: 'headline' }, 'Offer ' + seed + ': ' + r.pick(['save today', 'new season', 'limited time', 'free delivery'])),
        h('span', { class: 'cta' }, 'Shop now'),
      ),
    ) +
    // A creative's own script: viewability ping and a rotating headline, as ad servers' creatives have.
    '<script>(function(){var n=0,h=document.querySelector(".headline");var io=new IntersectionObserver(function(e){n+=e.length;});' +
    'io.observe(document.body);setTimeout(function(){h.textContent=h.textContent+" \u2022";},700);})();</script>' +
    '</body></html>'
  );
}
