import type { Ad, AdRegistry } from './ad-registry';

/** How long to wait for the frame's own content script to report the click before inferring it. */
export const CONFIRM_WAIT_MS = 1000;

/** A Tab key press this recent moved focus by keyboard, not by a click. */
export const KEYBOARD_FOCUS_MS = 500;

/**
 * The fallback for clicks inside ad iframes that run no script (a creative still loading, a browser that
 * does not inject there): a click into a frame moves focus to it, so the top window gets `blur`, or the
 * <iframe> element gets `focusin` when focus comes from another frame, with `document.activeElement` on
 * that iframe. Not counted when a Tab key press in the page moved the focus, nor when the frame's own
 * content script reports the click within a second; such clicks are marked inferred (docs/measurement.md).
 * The pointer's position cannot be the test: Chromium reports no mouse events over an out-of-process frame
 * to the page when the pointer lands on it directly.
 */
export function watchFrameFocus(registry: AdRegistry, onInferredClick: (ad: Ad) => void, signal: AbortSignal) {
  let lastTab = -Infinity;
  let pending: { ad: Ad; timer: ReturnType<typeof setTimeout> } | null = null;
  const isFrame = (el: unknown): el is HTMLIFrameElement | HTMLFrameElement =>
    el instanceof HTMLIFrameElement || el instanceof HTMLFrameElement;

  document.addEventListener('keydown', (e) => e.key === 'Tab' && (lastTab = Date.now()), { capture: true, signal });
  const checkFocus = () => {
    const focused = document.activeElement;
    if (signal.aborted || !isFrame(focused) || Date.now() - lastTab < KEYBOARD_FOCUS_MS) return;
    const ad = registry.closest(focused);
    if (!ad || pending?.ad === ad) return;
    if (pending) clearTimeout(pending.timer);
    pending = {
      ad,
      timer: setTimeout(() => {
        pending = null;
        if (!signal.aborted) onInferredClick(ad);
      }, CONFIRM_WAIT_MS),
    };
  };
  // Focus leaving the page for a frame blurs the window; focus moving from one frame to another does not,
  // but focuses the new <iframe> element. activeElement is updated after these events: read it a task later.
  window.addEventListener('blur', () => setTimeout(checkFocus, 0), { signal });
  document.addEventListener('focusin', (e) => isFrame(e.target) && setTimeout(checkFocus, 0), { capture: true, signal });
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
