import { describe, expect, it } from 'vitest';
import { detectAds } from '../detect';
import { adaptersFor } from './index';
import { contextFor, ids, scan, summary } from './test-helpers';

const tbCard = (id: string, paid: boolean) => `
  <div class="videoCube trc_spotlight_item origin-default ${paid ? 'syndicatedItem' : ''} textItem" id="${id}"${paid ? ' data-item-syndicated="true"' : ''}>
    <a class="item-thumbnail-href" href="${paid ? 'https://advertiser.test/' : '/news/'}${id}"><div class="thumbBlock_holder"><span class="thumbBlock"></span></div></a>
    <a class="item-label-href" href="/x"><span class="video-label-box"><span class="video-title">Title ${id}</span>${paid ? '<span class="branding">Advertiser</span>' : ''}</span></a>
  </div>`;
const taboola = (...cards: string[]) => `
  <div id="taboola-below-article-thumbnails" class="trc_related_container"><div class="trc_rbox_container"><div class="trc_rbox">
    <div class="trc_rbox_header"><span class="trc_rbox_header_span">You May Like</span><a class="trc_desktop_disclosure_link" href="/p">Sponsored Links by Taboola</a></div>
    <div class="trc_rbox_outer"><div class="trc_rbox_div">${cards.join('')}</div></div></div></div></div>`;
const obCard = (id: string, kind: 'paid' | 'paid-link' | 'organic') => `
  <div class="ob-dynamic-rec-container ${kind === 'paid' ? 'ob-p' : kind === 'organic' ? 'ob-o' : ''}" id="${id}">
    <a class="ob-dynamic-rec-link" href="${kind === 'organic' ? '/news/a' : 'https://advertiser.test/b'}"${kind === 'paid-link' ? ' data-redirect="https://paid.outbrain.com/network/redir?p=1"' : ''}>
      <img class="ob-rec-image" alt="" src="data:,"><span class="ob-rec-source">Source</span><span class="ob-rec-text">Title</span></a>
  </div>`;
const outbrain = (...cards: string[]) => `
  <div class="OUTBRAIN" data-widget-id="AR_1"><div class="ob-widget"><div class="ob-widget-header">Around the Web</div><div class="ob-widget-items-container">${cards.join('')}</div></div></div>`;

describe('chumbox adapter', () => {
  it('finds each sponsored Taboola card as its own native ad, not the organic ones or the widget', () => {
    const found = scan('news', taboola(tbCard('t1', true), tbCard('t2', false), tbCard('t3', true)));
    expect(summary(found)).toEqual([
      ['t1', 'adapter:chumbox/taboola', 'native', 'Taboola'],
      ['t3', 'adapter:chumbox/taboola', 'native', 'Taboola'],
    ]);
  });

  it('finds each paid Outbrain card (ob-p, or linked through paid.outbrain.com), not the organic ones', () => {
    const found = scan('news', outbrain(obCard('o1', 'paid'), obCard('o2', 'organic'), obCard('o3', 'paid-link')));
    expect(summary(found)).toEqual([
      ['o1', 'adapter:chumbox/outbrain', 'native', 'Outbrain'],
      ['o3', 'adapter:chumbox/outbrain', 'native', 'Outbrain'],
    ]);
  });

  it('runs on every site, also when the platform is unknown', () => {
    expect(adaptersFor('anything').map((a) => a.id)).toContain('chumbox');
    expect(adaptersFor(null).map((a) => a.id)).toEqual(['chumbox']);
    expect(ids(scan(null, taboola(tbCard('t1', true))))).toEqual(['t1']);
  });

  it('skips empty placeholder cards and widgets with organic cards only', () => {
    expect(scan('news', taboola(tbCard('t1', false)) + outbrain(obCard('o1', 'organic')) + '<div class="videoCube syndicatedItem"></div>')).toEqual([]);
  });

  it('finds cards added later into a widget, and detectAds keeps each card as its own ad', () => {
    expect(ids(scan('news', taboola(tbCard('t1', true), tbCard('t2', true)), () => document.querySelector('.trc_rbox_div')!))).toEqual(['t1', 't2']);
    scan('news', `<article><p>Story not sponsored by anyone.</p></article>${taboola(tbCard('t1', true), tbCard('t2', false))}${outbrain(obCard('o1', 'paid'))}`);
    expect(summary(detectAds(document, contextFor('news')))).toEqual([
      ['t1', 'adapter:chumbox/taboola', 'native', 'Taboola'],
      ['o1', 'adapter:chumbox/outbrain', 'native', 'Outbrain'],
    ]);
  });
});
