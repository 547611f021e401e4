import { unwrapLandingUrl } from '../attribution/landing-url';
import { extensionApi } from '../extension-api';
import { contentSender, runtimeAlive } from '../messaging';

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
