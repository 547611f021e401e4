/**
 * Amazon: Sponsored Products. In search results, a result (`[data-component-type="s-search-result"]`)
 * holding the `sp-sponsored-result` component, or showing a rendered "Sponsored" label (the hover copy of the
 * label is hidden until hover, and a hidden copy alone does not make an ad); on product pages, every card of
 * a carousel captioned "Sponsored" (`#sp_detail…`). Organic results and "Customers also viewed" carousels are
 * not ads. Fixture: e2e/sites/www.amazon.test/.
 */
import type { PlatformAdapter } from '../types';
import type { Detection } from '../types';
import { hasDisclosureLabel } from '../text/caption';
import { allAround, found, hasContent, outermostElements, SPONSORED_LABELS, unitsAround } from './common';

const ID = 'amazon';
const NETWORK = 'Amazon Ads';

const RESULTS = '[data-component-type="s-search-result"]';
const SPONSORED_COMPONENT = '[data-component-type="sp-sponsored-result"]';
/** A result's title, price and reviews: a product called "Sponsored …" is not labelled. */
const NOT_LABEL = 'h2, .a-price, [data-cy="reviews-block"], .a-carousel-card';
/** Carousels Amazon fills with Sponsored Products ads. */
const SPONSORED_CAROUSELS = '[id^="sp_detail"], [data-cel-widget^="sp_detail"], [cel_widget_id^="sp_detail"]';
const CAROUSEL = '.a-carousel-container';
const CARD = 'li.a-carousel-card';

export const amazon: PlatformAdapter = {
  id: ID,
  platforms: ['amazon'],
  detect(root, ctx) {
    const out: Detection[] = [];
    const seen = new Set<Element>();
    const add = (el: Element, unit: string) => {
      if (seen.has(el)) return;
      seen.add(el);
      out.push(found(el, ID, unit, 'shopping', NETWORK));
    };

    // The sponsored component sits inside its result; the ad is the whole result card.
    for (const component of unitsAround(root, SPONSORED_COMPONENT)) {
      if (hasContent(component)) add(component.parentElement?.closest(RESULTS) ?? component, 'sponsored-result');
    }
    for (const result of unitsAround(root, `${RESULTS}, .s-result-item.AdHolder`)) {
      if (seen.has(result) || !hasContent(result)) continue;
      if (result.matches('.AdHolder') || hasDisclosureLabel(result, SPONSORED_LABELS, ctx.isRendered, { exclude: NOT_LABEL })) {
        add(result, 'sponsored-result');
      }
    }

    // allAround includes the carousel enclosing root: a scan of cards added later still finds their carousel.
    for (const carousel of outermostElements(allAround(root, CAROUSEL))) {
      if (!isSponsoredCarousel(carousel, ctx.isRendered)) continue;
      for (const card of carousel.querySelectorAll(CARD)) if (hasContent(card)) add(card, 'sponsored-carousel-card');
    }
    return out;
  },
};

/** A carousel inside a Sponsored Products widget, or whose header captions it "Sponsored". */
function isSponsoredCarousel(carousel: Element, isRendered: (el: Element) => boolean): boolean {
  if (carousel.closest(SPONSORED_CAROUSELS)) return true;
  // The caption sits in the carousel's header row, or just above the carousel in the widget holding it alone.
  const parent = carousel.parentElement;
  const widget = parent && parent.querySelectorAll(CAROUSEL).length === 1 ? parent : carousel;
  return hasDisclosureLabel(widget, SPONSORED_LABELS, isRendered, { exclude: `${CARD}, ol, ul` });
}
