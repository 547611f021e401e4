// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Detection } from '../detect/detect';
import { AdRegistry } from './ad-registry';
import type { Ad } from './ad-registry';
import { CONFIRM_WAIT_MS, INFERRED_KEPT_MS, KEYBOARD_FOCUS_MS, PAGE_INPUT_MS, SAME_CLICK_MS, watchFrameFocus } from './frame-focus';

function el(id: string): Element {
  const found = document.getElementById(id);
  if (!found) throw new Error(`no #${id}`);
  return found;
}

/** Registers an element as an ad and returns it. */
function register(registry: AdRegistry, element: Element): Ad {
  const detection: Detection = { element, rule: 'sig:gpt-div', kind: 'display', network: 'Google Ad Manager' };
  // add() is gaining an identity argument (virtualised lists); the ad is read back with closest() either way.
  (registry.add.bind(registry) as (detection: Detection, identity: string) => unknown)(detection, `fp-test|${element.id}`);
  const ad = registry.closest(element);
  if (!ad) throw new Error(`#${element.id} not registered`);
  return ad;
}

// The pointer's position plays no part (frame-focus.ts says why); tests keep hovering as a browser would.
const hover = (target: Element) => target.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));

/** The top window loses focus to `focused` (a click into a frame), as a browser reports it. */
function blurInto(focused: Element | null) {
  Object.defineProperty(document, 'activeElement', { configurable: true, get: () => focused });
  window.dispatchEvent(new Event('blur'));
}

/** The page's transient user activation (`navigator.userActivation`); `undefined` removes the API. */
function setActivation(isActive: boolean | undefined) {
  const value = isActive === undefined ? undefined : { isActive, hasBeenActive: isActive };
  Object.defineProperty(navigator, 'userActivation', { configurable: true, get: () => value });
}

/** A trusted input event of a person on `target` in the top document (dispatchEvent alone is untrusted). */
function personInput(target: Element, type = 'pointerdown') {
  const event = type === 'keydown' ? new KeyboardEvent(type, { bubbles: true, key: 'Enter' }) : new MouseEvent(type, { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

let registry: AdRegistry;
let ad1: Ad;
let ad2: Ad;
let controller: AbortController;
let onInferredClick: ReturnType<typeof vi.fn<(ad: Ad, time: number) => string | undefined>>;
let watcher: ReturnType<typeof watchFrameFocus<string>>;

beforeEach(() => {
  vi.useFakeTimers();
  // happy-dom has no HTMLFrameElement (browsers do), which frame-focus.ts tests for.
  if (typeof globalThis.HTMLFrameElement === 'undefined') vi.stubGlobal('HTMLFrameElement', class HTMLFrameElement {});
  // Sandboxed creatives without scripts, the case this fallback exists for; srcdoc keeps happy-dom from fetching.
  document.body.innerHTML = `
    <div id="ad1"><p>Advertisement</p><iframe id="frame1" sandbox srcdoc="creative 1"></iframe></div>
    <div id="ad2"><iframe id="frame2" sandbox srcdoc="creative 2"></iframe></div>
    <iframe id="widget" srcdoc="comments"></iframe>
    <p id="text">Story</p><button id="page-button">Show</button>`;
  registry = new AdRegistry();
  ad1 = register(registry, el('ad1'));
  ad2 = register(registry, el('ad2'));
  controller = new AbortController();
  // A click inside a frame activates the page (Chromium and Firefox: activation reaches the ancestors).
  setActivation(true);
  // What the caller recorded for each inferred click, handed back when the frame's report confirms it.
  onInferredClick = vi.fn<(ad: Ad, time: number) => string | undefined>((ad, time) => `click of ${ad.id} at ${time}`);
  watcher = watchFrameFocus(registry, onInferredClick, controller.signal);
});

afterEach(() => {
  controller.abort();
  delete (document as { activeElement?: unknown }).activeElement;
  delete (navigator as { userActivation?: unknown }).userActivation;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('watchFrameFocus', () => {
  it('infers one click when focus moves into the hovered iframe of an ad, after the confirmation wait', () => {
    hover(el('frame1'));
    blurInto(el('frame1'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS - 1);
    expect(onInferredClick).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(onInferredClick).toHaveBeenCalledTimes(1);
    expect(onInferredClick).toHaveBeenCalledWith(ad1, expect.any(Number));
    vi.advanceTimersByTime(10_000);
    expect(onInferredClick).toHaveBeenCalledTimes(1);
  });

  it('credits the ad that holds the focused frame', () => {
    hover(el('frame2'));
    blurInto(el('frame2'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS + 1);
    expect(onInferredClick.mock.calls.map(([ad]) => ad)).toEqual([ad2]);
  });

  it('infers nothing when the frame reports the click itself within the wait', () => {
    hover(el('frame1'));
    blurInto(el('frame1'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS / 2);
    watcher.childReported(ad1, Date.now());
    vi.advanceTimersByTime(10_000);
    expect(onInferredClick).not.toHaveBeenCalled();
  });

  it('still infers the click when another ad reports a click', () => {
    hover(el('frame1'));
    blurInto(el('frame1'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS / 2);
    watcher.childReported(ad2, Date.now());
    vi.advanceTimersByTime(CONFIRM_WAIT_MS);
    expect(onInferredClick.mock.calls.map(([ad]) => ad)).toEqual([ad1]);
  });

  it('infers nothing when a Tab key press in the page moved focus into the frame', () => {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    blurInto(el('frame1'));
    vi.advanceTimersByTime(10_000);
    expect(onInferredClick).not.toHaveBeenCalled();
  });

  it('a Tab press long before does not stop a later click from counting', () => {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    vi.advanceTimersByTime(KEYBOARD_FOCUS_MS + 100);
    blurInto(el('frame1'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS + 1);
    expect(onInferredClick.mock.calls.map(([ad]) => ad)).toEqual([ad1]);
  });

  it('infers a click when focus moves from one frame into an ad frame (focusin on the iframe, no window blur)', () => {
    Object.defineProperty(document, 'activeElement', { configurable: true, get: () => el('frame2') });
    el('frame2').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS + 1);
    expect(onInferredClick.mock.calls.map(([ad]) => ad)).toEqual([ad2]);
  });

  it('infers nothing when the focused iframe is not inside an ad', () => {
    hover(el('widget'));
    blurInto(el('widget'));
    vi.advanceTimersByTime(10_000);
    expect(onInferredClick).not.toHaveBeenCalled();
  });

  it('infers nothing when focus left for something that is not a frame (another window)', () => {
    hover(el('frame1'));
    blurInto(document.body);
    vi.advanceTimersByTime(10_000);
    expect(onInferredClick).not.toHaveBeenCalled();
  });

  it('infers nothing after the signal aborted', () => {
    controller.abort();
    hover(el('frame1'));
    blurInto(el('frame1'));
    vi.advanceTimersByTime(10_000);
    expect(onInferredClick).not.toHaveBeenCalled();
  });

  it('infers nothing when the signal aborts during the wait', () => {
    hover(el('frame1'));
    blurInto(el('frame1'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS / 2);
    controller.abort();
    vi.advanceTimersByTime(10_000);
    expect(onInferredClick).not.toHaveBeenCalled();
  });

  it('a second focus signal for the same frame during the wait adds nothing: one click', () => {
    blurInto(el('frame1'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS / 2);
    el('frame1').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS * 2);
    expect(onInferredClick).toHaveBeenCalledTimes(1);
  });

  it('works with real focus: iframe.focus() makes it the active element', () => {
    const frame = el('frame1') as HTMLIFrameElement;
    hover(frame);
    frame.focus();
    expect(document.activeElement).toBe(frame);
    window.dispatchEvent(new Event('blur'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS + 1);
    expect(onInferredClick.mock.calls.map(([ad]) => ad)).toEqual([ad1]);
  });
});

describe('watchFrameFocus: only a click by a person is inferred', () => {
  it('infers nothing where the browser has no userActivation API', () => {
    setActivation(undefined);
    blurInto(el('frame1'));
    vi.advanceTimersByTime(10_000);
    expect(onInferredClick).not.toHaveBeenCalled();
  });

  it('infers nothing when the page moves focus into ad frames by script, without activation', () => {
    setActivation(false);
    for (let i = 0; i < 31; i++) {
      const frame = el(i % 2 ? 'frame1' : 'frame2') as HTMLIFrameElement;
      frame.focus();
      window.dispatchEvent(new Event('blur'));
      vi.advanceTimersByTime(CONFIRM_WAIT_MS + 1);
    }
    expect(onInferredClick).not.toHaveBeenCalled();
  });

  it('infers nothing when a person clicked a page button whose handler focuses an ad frame', () => {
    personInput(el('page-button'), 'pointerdown');
    personInput(el('page-button'), 'click');
    blurInto(el('frame1'));
    vi.advanceTimersByTime(10_000);
    expect(onInferredClick).not.toHaveBeenCalled();
  });

  it('infers nothing after a key press on the page outside the ad', () => {
    personInput(el('text'), 'keydown');
    vi.advanceTimersByTime(PAGE_INPUT_MS - 10);
    blurInto(el('frame1'));
    vi.advanceTimersByTime(10_000);
    expect(onInferredClick).not.toHaveBeenCalled();
  });

  it('a page input PAGE_INPUT_MS before no longer stops a click in the frame', () => {
    personInput(el('page-button'), 'click');
    vi.advanceTimersByTime(PAGE_INPUT_MS);
    blurInto(el('frame1'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS + 1);
    expect(onInferredClick.mock.calls.map(([ad]) => ad)).toEqual([ad1]);
  });

  it('an input on the ad itself (its caption) does not stop it', () => {
    personInput(el('ad1').querySelector('p')!, 'pointerdown');
    blurInto(el('frame1'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS + 1);
    expect(onInferredClick.mock.calls.map(([ad]) => ad)).toEqual([ad1]);
  });

  it('input the page dispatches itself (untrusted) is not the input of a person', () => {
    el('page-button').dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
    blurInto(el('frame1'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS + 1);
    expect(onInferredClick.mock.calls.map(([ad]) => ad)).toEqual([ad1]);
  });
});

describe('watchFrameFocus: a frame report that comes late never adds a click', () => {
  /** A click into frame1 at the current time, inferred after the wait; returns the time of the focus move. */
  const inferClick = () => {
    const at = Date.now();
    blurInto(el('frame1'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS + 1);
    expect(onInferredClick).toHaveBeenCalledTimes(1);
    return at;
  };

  it('dates the inferred click at the focus move', () => {
    const at = inferClick();
    expect(onInferredClick.mock.calls[0]![1]).toBe(at);
  });

  it('a report of the same click arriving after the inference confirms it instead of counting another', () => {
    const at = inferClick();
    vi.advanceTimersByTime(2000);
    expect(watcher.childReported(ad1, at + 150)).toEqual({ confirms: `click of ${ad1.id} at ${at}` });
    expect(onInferredClick).toHaveBeenCalledTimes(1);
  });

  it('confirms each inferred click once: the next report is the next click', () => {
    const at = inferClick();
    expect(watcher.childReported(ad1, at + 150)).not.toBeNull();
    expect(watcher.childReported(ad1, at + 900)).toBeNull();
  });

  it('matches by when the click happened, not by when the report arrived: a report 30 s late still confirms', () => {
    const at = inferClick();
    vi.advanceTimersByTime(30_000);
    expect(watcher.childReported(ad1, at + 100)).not.toBeNull();
  });

  it('a report of a click long before the focus move is its own click, and the inferred one stays', () => {
    const at = inferClick();
    expect(watcher.childReported(ad1, at - SAME_CLICK_MS - 1)).toBeNull();
    expect(watcher.childReported(ad1, at + 100)).not.toBeNull();
  });

  it('a report from another ad never confirms this one', () => {
    const at = inferClick();
    expect(watcher.childReported(ad2, at + 100)).toBeNull();
    expect(watcher.childReported(ad1, at + 100)).not.toBeNull();
  });

  it('forgets an unconfirmed inferred click after INFERRED_KEPT_MS', () => {
    const at = inferClick();
    vi.advanceTimersByTime(INFERRED_KEPT_MS);
    expect(watcher.childReported(ad1, at + 100)).toBeNull();
  });

  it('a report that overtakes the focus event: the click is the report, nothing is inferred', () => {
    expect(watcher.childReported(ad1, Date.now())).toBeNull();
    blurInto(el('frame1'));
    vi.advanceTimersByTime(10_000);
    expect(onInferredClick).not.toHaveBeenCalled();
  });

  it('nothing is remembered when the caller recorded no click (the 500 ms gate): a report then counts', () => {
    onInferredClick.mockReturnValue(undefined);
    const at = inferClick();
    expect(watcher.childReported(ad1, at + 100)).toBeNull();
  });
});
