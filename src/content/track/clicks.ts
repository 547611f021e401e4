import type { Ad, AdRegistry } from './ad-registry';

/**
 * Trusted clicks on an ad or inside it: primary clicks and keyboard activations (both fire `click`) and middle
 * clicks (`auxclick` with button 1). Synthetic events dispatched by the page are not trusted and never count.
 */
export function watchClicks(registry: AdRegistry, onClick: (ad: Ad) => void, signal: AbortSignal): void {
  const handle = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    if (event.type === 'auxclick' && event.button !== 1) return;
    for (const target of event.composedPath()) {
      if (!(target instanceof Element)) continue;
      const ad = registry.get(target);
      if (ad) return onClick(ad);
    }
  };
  // Capture phase, so a page that stops propagation in its own handlers cannot hide the click.
  document.addEventListener('click', handle, { capture: true, signal });
  document.addEventListener('auxclick', handle, { capture: true, signal });
}

/**
 * The top frame's half of a click inside a cross-origin ad iframe: the frame's content script reported a
 * trusted click, and the iframe that holds focus in this document is the one that was clicked.
 */
export function adOfFocusedFrame(registry: AdRegistry): Ad | undefined {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLIFrameElement || focused instanceof HTMLFrameElement)) return undefined;
  return registry.closest(focused);
}
