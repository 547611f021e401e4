/**
 * SPA navigations: the URL changes without a new document (pushState, replaceState, back/forward between
 * history entries). Each is a new page view (docs/measurement.md). The Navigation API's
 * `currententrychange` reports them at once where it exists; `popstate` covers the rest of history
 * traversal, and a cheap URL check every 500 ms catches whatever else changed the URL. A change of the
 * fragment alone (#section) is a jump within the page, not a page view.
 */
import { urlWithoutFragment } from '../common/url-without-fragment';

const CHECK_MS = 500;

export function watchNavigations(onNavigate: () => void, signal: AbortSignal): void {
  let current = urlWithoutFragment(location.href);
  const check = () => {
    const now = urlWithoutFragment(location.href);
    if (now === current) return;
    current = now;
    onNavigate();
  };
  const navigation = (window as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', check, { signal });
  window.addEventListener('popstate', check, { signal });
  const timer = setInterval(check, CHECK_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
