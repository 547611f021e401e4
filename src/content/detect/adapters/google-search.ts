/**
 * Google Search: text ads at the top (#tads) and bottom (#bottomads) of the results, one unit per
 * `[data-text-ad]` block, each captioned "Sponsored"; and Shopping ads (product listing ads), one unit per
 * `.pla-unit` card of the sponsored product carousel. Organic results (#rso) are never ads.
 * Fixture: e2e/sites/www.google.test/.
 */
import type { PlatformAdapter } from '../types';
import type { Detection } from '../types';
import { hasDisclosureLabel } from '../text/caption';
import { allAround, found, hasContent, SPONSORED_LABELS, unitsAround } from './common';

const ID = 'google-search';
const NETWORK = 'Google Ads';
/** Where Google puts its text-ad blocks. */
const AD_BLOCKS = '#tads, #bottomads';

export const googleSearch: PlatformAdapter = {
  id: ID,
  platforms: ['google'],
  detect(root, ctx) {
    const out: Detection[] = [];
    const textAds = unitsAround(root, '[data-text-ad]').filter(hasContent);
    for (const el of textAds) out.push(found(el, ID, 'text-ad', 'search', NETWORK));

    // A block child of #tads / #bottomads captioned "Sponsored" without the data-text-ad marker (a layout
    // Google has not shipped the marker in yet) is still one ad, as long as it holds a link.
    for (const block of allAround(root, AD_BLOCKS)) {
      for (const child of block.querySelectorAll(':scope > div')) {
        if (child.matches('[data-text-ad]') || child.querySelector('[data-text-ad], .pla-unit, #tads, #bottomads')) continue;
        if (!child.querySelector('a[href]')) continue;
        if (hasDisclosureLabel(child, SPONSORED_LABELS, ctx.isRendered, { exclude: '[role="heading"], h1, h2, h3' })) {
          out.push(found(child, ID, 'sponsored-result', 'search', NETWORK));
        }
      }
    }

    // .pla-unit is the product-listing-ad card; Google's free product listings use other markup.
    for (const el of unitsAround(root, '.pla-unit').filter(hasContent)) {
      out.push(found(el, ID, 'shopping-ad', 'shopping', NETWORK));
    }
    return out;
  },
};
