/**
 * What the top frame tells the background when a creative first becomes viewable in a page view, for its
 * picture (docs/measurement.md, "Pictures"): once per fingerprint per page view (two ads of one creative
 * send one sighting), never for an ad with no fingerprint. Layout is read once, at that moment only: the
 * ad's box, the viewport, and its visible text (`innerText` leaves out what CSS hides).
 */
import { MAX_PICTURE_HEADLINE, MAX_PICTURE_TEXT, plainText } from '../../common/pictures';
import type { CreativeSighting } from '../../common/pictures';
import type { Attribution } from '../attribution/attribute';

/** The sighting of an ad's creative now: its box in the viewport, and its text as a person sees it. */
export function sightingOf(element: Element, attribution: Attribution): CreativeSighting {
  const box = element.getBoundingClientRect();
  const visible = element instanceof HTMLElement ? element.innerText : (element.textContent ?? '');
  return {
    fingerprint: attribution.fingerprint,
    rect: { x: box.x, y: box.y, width: box.width, height: box.height },
    // The whole viewport, scrollbars included, as the capture of the visible tab is.
    viewport: { width: window.innerWidth, height: window.innerHeight },
    devicePixelRatio: window.devicePixelRatio,
    headline: plainText(attribution.headline, MAX_PICTURE_HEADLINE),
    text: plainText(visible, MAX_PICTURE_TEXT),
    creativeUrl: attribution.creativeUrl,
    landingUrl: attribution.landingUrl,
  };
}

/** Sends each fingerprint's first sighting of the page view; later ones (another ad of the same creative) are dropped. */
export function creativeSightings(send: (sighting: CreativeSighting) => void): { viewable(element: Element, attribution: Attribution): void } {
  const sent = new Set<string>();
  return {
    viewable(element, attribution) {
      if (!attribution.fingerprint || sent.has(attribution.fingerprint)) return;
      sent.add(attribution.fingerprint);
      send(sightingOf(element, attribution));
    },
  };
}
