import type { AdRegistry } from './ad-registry';
import type { ExposureTracker } from './exposure';

/** True when CSS lets a person see the element (not visibility:hidden, not opacity 0, not display:none). */
export function isRendered(el: Element): boolean {
  if (typeof el.checkVisibility === 'function') {
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  }
  const style = getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'hidden' && style.opacity !== '0';
}

/**
 * Whether a box, in viewport coordinates, lies within the page's reach (not above or left of it). A box
 * reaching past the viewport's top-left corner is, whatever the scroll: the scroll offsets, which force a
 * layout when the page has changed since the observer's last report (10–20 ms per callback on the page
 * bench's news page, whose images load as it scrolls), are read only for a box above or left of the
 * viewport, and only until the ad is measured: an ad scrolled past, or bait at -10000px.
 */
function inPage(right: number, bottom: number): boolean {
  if (right > 0 && bottom > 0) return true;
  return right + window.scrollX > 0 && bottom + window.scrollY > 0;
}

/**
 * Feeds the exposure tracker from one IntersectionObserver for every ad of the page view, and from page
 * visibility, which IntersectionObserver ignores (Chrome stops its callbacks in background tabs:
 * Fyrd/caniuse#4214). Ads stay observed for the whole page view, for viewability and dwell.
 */
export function watchViewport(registry: AdRegistry, exposure: ExposureTracker, signal: AbortSignal) {
  const observed = new Set<Element>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const ad = registry.get(entry.target);
        if (!ad) continue;
        const ratio = entry.isIntersecting ? entry.intersectionRatio : 0;
        const { width, height, right, bottom } = entry.boundingClientRect;
        // Style is read only when geometry alone would count: getComputedStyle is the costly part.
        const rendered = ratio >= 0.3 ? isRendered(entry.target) : true;
        // Whether the box is within the page's reach only decides whether the ad is measured, once.
        exposure.observe(ad.id, { ratio, width, height, rendered, inPage: exposure.isMeasured(ad.id) || inPage(right, bottom) });
      }
    },
    { threshold: [0, 0.3, 0.5] },
  );
  document.addEventListener('visibilitychange', () => exposure.setPageVisible(document.visibilityState === 'visible'), {
    signal,
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      observed.clear();
    },
    { once: true },
  );
  return {
    observe: (el: Element) => {
      if (signal.aborted) return;
      observer.observe(el);
      observed.add(el);
    },
    unobserve: (el: Element) => {
      observer.unobserve(el);
      observed.delete(el);
    },
    /** How many elements this page view's observer watches (0 once it ended): the leak check counts it. */
    get observedCount() {
      return observed.size;
    },
  };
}
