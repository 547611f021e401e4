import type { Ad, AdRegistry } from './ad-registry';

/** How long to wait for the frame's own content script to report the click before inferring it. */
export const CONFIRM_WAIT_MS = 1000;

/** A Tab key press this recent moved focus by keyboard, not by a click. */
export const KEYBOARD_FOCUS_MS = 500;

/**
 * A trusted input in the page this recent, on anything but the ad, may be what activated the page and what
 * moved the focus (its handler called `iframe.focus()`): the browsers' transient user activation lasts 5 s
 * (Chromium's kActivationLifespan, Firefox's dom.user_activation.transient.timeout), so within it the
 * page's activation cannot tell a click in the frame from the page's own input.
 */
export const PAGE_INPUT_MS = 5000;

/**
 * A frame's report and a focus move into that frame are the same click when their times are this close:
 * the focus moves at the press, the report is sent at the release (a long press is seconds), and either
 * page may run late on a busy machine. Times are those of the events, not of the report's arrival, so a
 * report delayed however long still finds its focus move.
 */
export const SAME_CLICK_MS = 10_000;

/** An inferred click is remembered this long for the frame's report to confirm it. */
export const INFERRED_KEPT_MS = 60_000;

/** The inputs that give a page transient user activation (HTML's activation-triggering events), and click. */
const PAGE_INPUTS = ['pointerdown', 'mousedown', 'pointerup', 'touchend', 'keydown', 'click'] as const;

interface UserActivationApi {
  userActivation?: { isActive: boolean };
}

/**
 * The fallback for clicks inside ad iframes that run no script (a creative still loading, a browser that
 * does not inject there): a click into a frame moves focus to it, so the top window gets `blur`, or the
 * <iframe> element gets `focusin` when focus comes from another frame, with `document.activeElement` on
 * that iframe. Such a focus move is a click only when a person's input can be behind it:
 * - the page holds transient user activation (`navigator.userActivation.isActive`), which a click inside a
 *   child frame, even a cross-origin one, gives its ancestors; a page that focuses a frame by script
 *   (`iframe.focus()`, `contentWindow.focus()`) has none unless a person just did something. Where the
 *   browser has no such API nothing is inferred;
 * - the last trusted input the page itself saw in the last PAGE_INPUT_MS was not on something outside that
 *   ad (a page button whose handler focuses the frame);
 * - no Tab key press in the page moved the focus.
 * It is then recorded unless the frame's own content script reports the click within CONFIRM_WAIT_MS; a
 * report that comes later still (a busy machine) confirms the inferred click instead of adding one
 * (`childReported`). Inferred clicks are marked so (docs/measurement.md). The pointer's position cannot be
 * the test: Chromium reports no mouse events over an out-of-process frame to the page when the pointer
 * lands on it directly.
 *
 * `onInferredClick` returns what it recorded (or undefined when it recorded nothing), handed back by
 * `childReported` when the frame's report comes after all.
 */
export function watchFrameFocus<T>(registry: AdRegistry, onInferredClick: (ad: Ad, time: number) => T | undefined, signal: AbortSignal) {
  let lastTab = -Infinity;
  let lastInput: { time: number; path: EventTarget[] } | null = null;
  let pending: { ad: Ad; time: number; timer: ReturnType<typeof setTimeout> } | null = null;
  /** Clicks inferred and not yet confirmed by their frame's report. */
  let inferred: { ad: Ad; time: number; recorded: T; at: number }[] = [];
  /** Reports that matched no focus move (yet): a click in a frame that already had focus, or a report that came first. */
  let reports: { ad: Ad; time: number; at: number }[] = [];
  const isFrame = (el: unknown): el is HTMLIFrameElement | HTMLFrameElement =>
    el instanceof HTMLIFrameElement || el instanceof HTMLFrameElement;
  const near = (a: number, b: number) => Math.abs(a - b) <= SAME_CLICK_MS;
  const inside = (ad: Ad, path: EventTarget[]) => path.some((t) => t instanceof Element && registry.get(t)?.id === ad.id);
  const prune = (now: number) => {
    inferred = inferred.filter((c) => now - c.at < INFERRED_KEPT_MS);
    reports = reports.filter((r) => now - r.at < INFERRED_KEPT_MS);
  };

  document.addEventListener('keydown', (e) => e.key === 'Tab' && (lastTab = Date.now()), { capture: true, signal });
  for (const type of PAGE_INPUTS) {
    document.addEventListener(type, (e) => e.isTrusted && (lastInput = { time: Date.now(), path: e.composedPath() }), { capture: true, signal });
  }

  /** A focus move seen at `time`, with the page's activation then; activeElement is read a task later. */
  const checkFocus = (time: number, activated: boolean) => {
    const focused = document.activeElement;
    if (signal.aborted || !activated || !isFrame(focused) || time - lastTab < KEYBOARD_FOCUS_MS) return;
    const ad = registry.closest(focused);
    if (!ad || pending?.ad.id === ad.id) return;
    if (lastInput && time - lastInput.time < PAGE_INPUT_MS && !inside(ad, lastInput.path)) return;
    prune(Date.now());
    // The frame reported this click already (its report overtook the focus event): nothing to infer.
    const reported = reports.findIndex((r) => r.ad.id === ad.id && near(r.time, time));
    if (reported >= 0) {
      reports.splice(reported, 1);
      return;
    }
    if (pending) clearTimeout(pending.timer);
    pending = {
      ad,
      time,
      timer: setTimeout(() => {
        pending = null;
        if (signal.aborted) return;
        const recorded = onInferredClick(ad, time);
        if (recorded !== undefined) inferred.push({ ad, time, recorded, at: Date.now() });
      }, CONFIRM_WAIT_MS),
    };
  };
  const onFocusMove = () => {
    const time = Date.now();
    const activation = (navigator as Navigator & UserActivationApi).userActivation;
    const activated = activation?.isActive === true;
    setTimeout(() => checkFocus(time, activated), 0);
  };
  // Focus leaving the page for a frame blurs the window; focus moving from one frame to another does not,
  // but focuses the new <iframe> element. activeElement is updated after these events: read it a task later.
  window.addEventListener('blur', onFocusMove, { signal });
  document.addEventListener('focusin', (e) => isFrame(e.target) && onFocusMove(), { capture: true, signal });
  signal.addEventListener('abort', () => pending && clearTimeout(pending.timer), { once: true });
  return {
    /**
     * The frame's content script reported a click in this ad at `time` (the frame's clock, the same as this
     * page's). Returns what the inferred click recorded when the report is that click, come after the
     * wait: the caller confirms it rather than counting a second click. Null: the report is a click to count.
     */
    childReported(ad: Ad, time: number): { confirms: T } | null {
      prune(Date.now());
      if (pending?.ad.id === ad.id && near(pending.time, time)) {
        clearTimeout(pending.timer);
        pending = null;
        return null;
      }
      const match = inferred.findIndex((c) => c.ad.id === ad.id && near(c.time, time));
      if (match >= 0) return { confirms: inferred.splice(match, 1)[0]!.recorded };
      reports.push({ ad, time, at: Date.now() });
      return null;
    },
  };
}
