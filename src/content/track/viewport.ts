import type { AdRegistry } from './ad-registry';
import type { ImpressionTracker } from './impression-rule';

/** True when CSS lets a person see the element (not visibility:hidden, not opacity 0, not display:none). */
export function isRendered(el: Element): boolean {
  if (typeof el.checkVisibility === 'function') {
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  }
  const style = getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'hidden' && style.opacity !== '0';
}

/**
 * Feeds the impression tracker from one IntersectionObserver for every ad, and from page visibility,
 * which IntersectionObserver ignores (Chrome stops its callbacks in background tabs: Fyrd/caniuse#4214).
 */
export function watchViewport(registry: AdRegistry, tracker: ImpressionTracker, signal: AbortSignal) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const ad = registry.get(entry.target);
        if (!ad) continue;
        const ratio = entry.isIntersecting ? entry.intersectionRatio : 0;
        const { width, height } = entry.boundingClientRect;
        // Style is read only when geometry alone would count: getComputedStyle is the costly part.
        tracker.observe(ad.id, { ratio, width, height, rendered: ratio >= 0.3 ? isRendered(entry.target) : true });
        if (tracker.hasImpression(ad.id)) observer.unobserve(entry.target);
      }
    },
    { threshold: [0, 0.3, 0.5] },
  );
  document.addEventListener('visibilitychange', () => tracker.setPageVisible(document.visibilityState === 'visible'), {
    signal,
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return {
    observe: (el: Element) => observer.observe(el),
  };
}
