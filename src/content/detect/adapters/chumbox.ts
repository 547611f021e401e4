/**
 * Recommendation widgets ("chumboxes") on any site: Taboola and Outbrain mix paid cards (advertisers' links)
 * with organic ones (the publisher's own articles) in one widget. Each paid card is its own ad, the widget is
 * not; organic cards are not ads (adscraper's chumbox handling, detection.md "Generic pages").
 * Taboola marks paid cards `syndicatedItem` / `data-item-syndicated="true"`; Outbrain marks them `ob-p`
 * (organic `ob-o`), `ob-rec-link-paid`, or links them through paid.outbrain.com. Fixture: e2e/sites/widgets.test/.
 */
import type { PlatformAdapter } from '../types';
import type { Detection } from '../types';
import { found, hasContent, unitsAround } from './common';

const ID = 'chumbox';

const TABOOLA_CARDS = '.videoCube, .trc_spotlight_item';
const TABOOLA_PAID = '.syndicatedItem, [data-item-syndicated="true"]';
const OUTBRAIN_CARDS = '.ob-dynamic-rec-container';
const WIDGETS = '.trc_rbox_container, [id^="taboola-"], .OUTBRAIN, .ob-widget';
const OUTBRAIN_PAID =
  '.ob-p, [data-paid="true"], .ob-rec-link-paid, a[href*="paid.outbrain.com"], a[data-redirect*="paid.outbrain.com"]';

export const chumbox: PlatformAdapter = {
  id: ID,
  platforms: ['*'],
  detect(root) {
    const out: Detection[] = [];
    for (const card of unitsAround(root, TABOOLA_CARDS)) {
      if (hasContent(card) && (card.matches(TABOOLA_PAID) || card.querySelector(TABOOLA_PAID))) {
        out.push(found(card, ID, 'taboola', 'native', 'Taboola'));
      }
    }
    for (const card of unitsAround(root, OUTBRAIN_CARDS)) {
      if (hasContent(card) && !card.matches('.ob-o') && (card.matches(OUTBRAIN_PAID) || card.querySelector(OUTBRAIN_PAID))) {
        out.push(found(card, ID, 'outbrain', 'native', 'Outbrain'));
      }
    }
    return out;
  },
  owns(root) {
    const inside = [...root.querySelectorAll(WIDGETS)];
    const around = root instanceof Element ? root.closest(WIDGETS) : null;
    return around ? [around, ...inside] : inside;
  },
};
