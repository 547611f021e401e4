import type { AdRegistry } from './ad-registry';

const BATCH_MS = 100;

/**
 * Watches the content of every registered ad: a virtualised list recycles a node for other content, and an
 * ad rotation swaps the creative in place. Changed ad elements are reported in batches; the page view then
 * checks whether each still shows the same creative.
 */
export function watchAdChanges(registry: AdRegistry, onChanged: (elements: Element[]) => void, signal: AbortSignal) {
  let changed = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      const ad = registry.closest(target);
      if (ad) changed.add(ad.element);
    }
    if (changed.size > 0 && timer === null) {
      timer = setTimeout(() => {
        timer = null;
        const batch = [...changed];
        changed = new Set();
        if (!signal.aborted) onChanged(batch);
      }, BATCH_MS);
    }
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
    },
    { once: true },
  );
  return {
    watch(element: Element): void {
      if (signal.aborted) return;
      observer.observe(element, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['src', 'href'] });
    },
  };
}
