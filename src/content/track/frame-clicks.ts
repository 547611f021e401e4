import type { Browser } from 'webextension-polyfill';
import { unwrapLandingUrl } from '../attribution/landing-url';
import { contentSender, runtimeAlive } from '../messaging';

/**
 * The extension API as the browser gives it, without webextension-polyfill: frame.js runs in every child frame
 * of every page, and the polyfill's set-up cost ~0.18 ms per frame (4.4 s of main thread on the hostile bench
 * page's 25,000 empty AdSense frames, docs/performance.md). The one call made here, `runtime.sendMessage`,
 * returns a promise natively in Firefox (`browser`) and in Chromium's Manifest V3 (`chrome`).
 */
function extensionApi(): Browser | undefined {
  const scope = globalThis as { browser?: Browser; chrome?: Browser };
  return scope.browser ?? scope.chrome;
}

/**
 * In a child frame (an ad creative's iframe, often cross-origin) AdTally detects nothing itself: the top frame
 * owns every ad. It only reports trusted clicks, which the background passes to the top frame.
 */
export function reportFrameClicks(signal: AbortSignal, onInvalidated: () => void): void {
  const handle = (event: MouseEvent) => {
    if (!event.isTrusted || (event.type === 'auxclick' && event.button !== 1)) return;
    // The creative's own link is the landing page the top frame cannot see across origins.
    const link = event.composedPath().find((t): t is HTMLAnchorElement => t instanceof HTMLAnchorElement && !!t.href);
    const landingUrl = link ? unwrapLandingUrl(link.href, document.baseURI) : null;
    const api = extensionApi();
    if (!api) return onInvalidated();
    const send = contentSender((message) => api.runtime.sendMessage(message), onInvalidated, () => runtimeAlive(extensionApi()));
    // Any other failure (the service worker still starting) loses this one click.
    send('frameClick', { time: Date.now(), landingUrl }).catch(() => {});
  };
  document.addEventListener('click', handle, { capture: true, signal });
  document.addEventListener('auxclick', handle, { capture: true, signal });
}
