import type { Ad, AdRegistry } from './ad-registry';

/**
 * Trusted clicks on an ad or inside it: primary clicks and keyboard activations (both fire `click`) and middle
 * clicks (`auxclick` with button 1). Synthetic events dispatched by the page are not trusted and never count.
 */
export function watchClicks(registry: AdRegistry, onClick: (ad: Ad) => void, signal: AbortSignal): void {
  const handle = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    if (event.type === 'auxclick' && event.button !== 1) return;
    const ad = adOnPath(registry, event);
    if (ad) onClick(ad);
  };
  // Capture phase, so a page that stops propagation in its own handlers cannot hide the click.
  document.addEventListener('click', handle, { capture: true, signal });
  document.addEventListener('auxclick', handle, { capture: true, signal });
}

/**
 * Trusted presses (`pointerdown`) on an ad or inside it: the moment before a click that may take the page
 * away, while the page is still fully alive.
 */
export function watchPresses(registry: AdRegistry, onPress: (ad: Ad) => void, signal: AbortSignal): void {
  document.addEventListener(
    'pointerdown',
    (event) => {
      if (!event.isTrusted) return;
      const ad = adOnPath(registry, event);
      if (ad) onPress(ad);
    },
    { capture: true, signal },
  );
}

function adOnPath(registry: AdRegistry, event: Event): Ad | undefined {
  for (const target of event.composedPath()) {
    if (!(target instanceof Element)) continue;
    const ad = registry.get(target);
    if (ad) return ad;
  }
  return undefined;
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
