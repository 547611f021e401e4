import type { PageAddress } from './settings';
import { siteOf } from './site';

/** Longest page address stored; longer full URLs are cut (their query strings are the long part). */
export const MAX_PAGE_ADDRESS = 2048;

/**
 * The page address to store with an event, as much as the user's setting allows:
 * `site` stores none (the site is stored anyway); `path` keeps scheme, host and path; `full` keeps the query
 * and fragment too. The address the content script reported is used when it belongs to the sender tab's
 * site; otherwise (a hostile or broken page) the tab's own address is used.
 */
export function pageAddressFor(reported: string, tabUrl: string | undefined, site: string, detail: PageAddress): string | null {
  if (detail === 'site') return null;
  const source = siteOf(reported) === site ? reported : tabUrl;
  let url: URL;
  try {
    url = new URL(source ?? '');
  } catch {
    return null;
  }
  if (detail === 'path') return `${url.origin}${url.pathname}`.slice(0, MAX_PAGE_ADDRESS);
  return url.href.slice(0, MAX_PAGE_ADDRESS);
}
