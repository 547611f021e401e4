import { detectAds, detectAround } from './detect/detect';
import type { Detection } from './detect/detect';
import { isRendered } from './track/viewport';

/**
 * Runs detection over the whole document at start, then over subtrees the page adds, batched: pages add
 * nodes in bursts (an ad script injecting its iframe, a feed appending posts), and one scan per burst is
 * enough. Elements that cannot hold ads (scripts, styles) are skipped.
 */
const SKIP = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'BR']);
const BATCH_MS = 100;

export function watchForAds(onDetected: (found: Detection[]) => void, signal: AbortSignal): void {
  onDetected(detectAds(document, { isRendered, platform: null, filterRules: [] }));

  let added = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const scanAdded = () => {
    timer = null;
    const roots = [...added].filter((el) => el.isConnected && !hasAncestorIn(el, added));
    added = new Set();
    for (const root of roots) {
      // A label added inside a box means the box is the ad: scan from the parent so the container is seen.
      onDetected(detectAround(root, { isRendered, platform: null, filterRules: [] }));
    }
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && !SKIP.has(node.tagName)) added.add(node);
        else if (node.nodeType === Node.TEXT_NODE && node.parentElement) added.add(node.parentElement);
      }
    }
    if (added.size > 0 && timer === null) timer = setTimeout(scanAdded, BATCH_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
    },
    { once: true },
  );
}

function hasAncestorIn(el: Element, set: Set<Element>): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return true;
  return false;
}
