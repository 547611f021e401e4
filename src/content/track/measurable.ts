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
  // Where the box sits in the page, scrolled containers undone: a post scrolled up out of a feed's
  // container is within reach, a slot at left:-1000000px is not. Containers scroll forward only, so a box
  // already within reach with the window's scroll alone needs no walk over its ancestors (80 ads × their
  // ancestors on the page bench's news page, at every count).
  if (box.right + window.scrollX <= 0 || box.bottom + window.scrollY <= 0) {
    let scrolledX = window.scrollX;
    let scrolledY = window.scrollY;
    for (let p = el.parentElement; p; p = p.parentElement) {
      scrolledX += p.scrollLeft;
      scrolledY += p.scrollTop;
    }
    if (box.right + scrolledX <= 0 || box.bottom + scrolledY <= 0) return false;
  }
  if (box.left + window.scrollX >= document.documentElement.scrollWidth) return false;
  return isRendered(el);
}
