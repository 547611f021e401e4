// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Detection } from '../detect/detect';
import { AdRegistry } from './ad-registry';
import type { Ad } from './ad-registry';
import { CONFIRM_WAIT_MS, KEYBOARD_FOCUS_MS, watchFrameFocus } from './frame-focus';

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

let registry: AdRegistry;
let ad1: Ad;
let ad2: Ad;
let controller: AbortController;
let onInferredClick: ReturnType<typeof vi.fn<(ad: Ad) => void>>;
let watcher: ReturnType<typeof watchFrameFocus>;

beforeEach(() => {
  vi.useFakeTimers();
  // happy-dom has no HTMLFrameElement (browsers do), which frame-focus.ts tests for.
  if (typeof globalThis.HTMLFrameElement === 'undefined') vi.stubGlobal('HTMLFrameElement', class HTMLFrameElement {});
  // Sandboxed creatives without scripts, the case this fallback exists for; srcdoc keeps happy-dom from fetching.
  document.body.innerHTML = `
    <div id="ad1"><p>Advertisement</p><iframe id="frame1" sandbox srcdoc="creative 1"></iframe></div>
    <div id="ad2"><iframe id="frame2" sandbox srcdoc="creative 2"></iframe></div>
    <iframe id="widget" srcdoc="comments"></iframe>
    <p id="text">Story</p>`;
  registry = new AdRegistry();
  ad1 = register(registry, el('ad1'));
  ad2 = register(registry, el('ad2'));
  controller = new AbortController();
  onInferredClick = vi.fn<(ad: Ad) => void>();
  watcher = watchFrameFocus(registry, onInferredClick, controller.signal);
});

afterEach(() => {
  controller.abort();
  delete (document as { activeElement?: unknown }).activeElement;
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
    expect(onInferredClick).toHaveBeenCalledWith(ad1);
    vi.advanceTimersByTime(10_000);
    expect(onInferredClick).toHaveBeenCalledTimes(1);
  });

  it('credits the ad that holds the focused frame', () => {
    hover(el('frame2'));
    blurInto(el('frame2'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS + 1);
    expect(onInferredClick.mock.calls).toEqual([[ad2]]);
  });

  it('infers nothing when the frame reports the click itself within the wait', () => {
    hover(el('frame1'));
    blurInto(el('frame1'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS / 2);
    watcher.childReported(ad1);
    vi.advanceTimersByTime(10_000);
    expect(onInferredClick).not.toHaveBeenCalled();
  });

  it('still infers the click when another ad reports a click', () => {
    hover(el('frame1'));
    blurInto(el('frame1'));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS / 2);
    watcher.childReported(ad2);
    vi.advanceTimersByTime(CONFIRM_WAIT_MS);
    expect(onInferredClick.mock.calls).toEqual([[ad1]]);
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
    expect(onInferredClick.mock.calls).toEqual([[ad1]]);
  });

  it('infers a click when focus moves from one frame into an ad frame (focusin on the iframe, no window blur)', () => {
    Object.defineProperty(document, 'activeElement', { configurable: true, get: () => el('frame2') });
    el('frame2').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    vi.advanceTimersByTime(CONFIRM_WAIT_MS + 1);
    expect(onInferredClick.mock.calls).toEqual([[ad2]]);
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
    expect(onInferredClick.mock.calls).toEqual([[ad1]]);
  });
});
