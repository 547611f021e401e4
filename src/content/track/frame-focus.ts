import type { Ad, AdRegistry } from './ad-registry';

/** How long to wait for the frame's own content script to report the click before inferring it. */
export const CONFIRM_WAIT_MS = 1000;

/**
 * The fallback for clicks inside ad iframes that run no script (sandboxed without allow-scripts): a click
 * into a frame moves focus to it, so the top window gets `blur` with `document.activeElement` on that iframe.
 * Counted only when the pointer is over that iframe at that moment (a Tab key press into the frame is not a
 * click), and only when the frame's content script does not report the click itself within a second; such
 * clicks are marked inferred (docs/measurement.md).
 */
export function watchFrameFocus(registry: AdRegistry, onInferredClick: (ad: Ad) => void, signal: AbortSignal) {
  let hovered: Element | null = null;
  let pending: { ad: Ad; timer: ReturnType<typeof setTimeout> } | null = null;
  const isFrame = (el: unknown): el is HTMLIFrameElement | HTMLFrameElement =>
    el instanceof HTMLIFrameElement || el instanceof HTMLFrameElement;

  document.addEventListener('mouseover', (e) => (hovered = isFrame(e.target) ? e.target : null), { capture: true, signal });
  document.addEventListener('mouseout', (e) => e.target === hovered && (hovered = null), { capture: true, signal });
  window.addEventListener(
    'blur',
    () => {
      // activeElement is updated after blur is dispatched; read it on the next task.
      setTimeout(() => {
        const focused = document.activeElement;
        if (signal.aborted || !isFrame(focused) || focused !== hovered) return;
        const ad = registry.closest(focused);
        if (!ad) return;
        if (pending) clearTimeout(pending.timer);
        pending = {
          ad,
          timer: setTimeout(() => {
            pending = null;
            if (!signal.aborted) onInferredClick(ad);
          }, CONFIRM_WAIT_MS),
        };
      }, 0);
    },
    { signal },
  );
  signal.addEventListener('abort', () => pending && clearTimeout(pending.timer), { once: true });
  return {
    /** The frame's content script reported a click in this ad: nothing to infer. */
    childReported(ad: Ad): void {
      if (pending?.ad !== ad) return;
      clearTimeout(pending.timer);
      pending = null;
    },
  };
}
