/**
 * Each tab's site as the background named it, one `tabSite.<tabId>` key per tab in storage.session
 * (docs/architecture.md, "The popup names its tab's site from the background's note"): the host of the
 * tab's page and `siteOf` of it, written by the background as it sees each navigation
 * (background/tab-sites.ts), so the popup names the current site without tldts' public-suffix list in its
 * own script. In memory only, gone with the browser session; a tab's key goes with the tab.
 *
 * A site is a function of the page's host alone (common/site.ts: http or https, then the host), so a note
 * names the site of any page of its host, and a note of another host is never used: `knownSiteOf` answers
 * `undefined` (ask the background) rather than guess.
 */
import { siteHostOf } from '../site-host';
import type { StoredKey } from './stored-key';

export interface TabSite {
  /** The page's host, lower case, as `new URL(url).hostname` gives it. */
  host: string;
  /** `siteOf` of a page on that host: its registrable domain, private suffixes included. */
  site: string;
}

const isTabSite = (value: unknown): value is TabSite =>
  typeof value === 'object' && value !== null && typeof (value as TabSite).host === 'string' && typeof (value as TabSite).site === 'string';

/** The key of one tab's note; junk reads as no note. */
export function tabSiteKey(tabId: number): StoredKey<TabSite | null> {
  return { area: 'session', key: `tabSite.${tabId}`, parse: (stored) => (isTabSite(stored) ? { host: stored.host, site: stored.site } : null) };
}

/**
 * The site of a tab's page from its note, exactly what `siteOf(url)` answers: null for a page without a
 * site (no note needed), the note's site when the note is of the page's host, and `undefined` when the
 * note is missing or of another host, so only the background can say.
 */
export function knownSiteOf(url: string | undefined, note: TabSite | null): string | null | undefined {
  const host = siteHostOf(url);
  if (host === null) return null;
  return note?.host === host ? note.site : undefined;
}
