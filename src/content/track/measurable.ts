import { isRendered } from './viewport';

/** Under this many CSS px in either direction an element is a pixel, a sync frame or a collapsed slot. */
export const MIN_MEASURABLE_PX = 2;

/**
 * Whether a person could see the element at all, now: rendered by CSS, at least 2×2 px, and within the
 * page's reach (not above or left of the page, where scrolling never brings it). An ad nobody can see is not
 * an ad to measure: hidden ad-tech frames, 1×1 ad-blocker bait, zero-size slots (docs/measurement.md, "Ad").
 * Reads layout: called for the listing of a page view's ads, never in a scan or an observer callback.
 */
export function isMeasurable(el: Element): boolean {
  const box = el.getBoundingClientRect();
  if (box.width < MIN_MEASURABLE_PX || box.height < MIN_MEASURABLE_PX) return false;
  if (box.right + window.scrollX <= 0 || box.bottom + window.scrollY <= 0) return false;
  if (box.left + window.scrollX >= document.documentElement.scrollWidth) return false;
  return isRendered(el);
}
