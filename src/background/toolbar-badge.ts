/**
 * The number on AdTally's toolbar icon: the ads on the page in each tab, as its top frame reports them
 * (`pageAds`). Shown only where ads are counted and the person has not turned the badge off; a change of
 * settings applies to every open tab at once. The last count of each tab is kept for that, in memory only:
 * after the worker restarted, a tab's badge follows at its page's next change.
 */
import browser from 'webextension-polyfill';
import { urlWithoutFragment } from '../common/url-without-fragment';
import { isTracked } from '../common/settings';
import type { Settings } from '../common/settings';
import { siteOf } from '../common/site';

/** The badge's colour: AdTally's accent, readable with white digits in light and dark toolbars. */
const BADGE_COLOUR = '#3558d6';

const counts = new Map<number, { count: number; url: string | undefined }>();

/** The text for a count where the badge shows: nothing for no ads. */
export function badgeText(count: number, show: boolean): string {
  return show && count > 0 ? String(count) : '';
}

export function badgeShows(settings: Settings, url: string | undefined): boolean {
  const site = siteOf(url);
  return settings.toolbarBadge && !!site && isTracked(settings, site);
}

/** Sets a tab's badge for its page's count; answers whether it shows. */
export async function showPageAds(tabId: number, url: string | undefined, count: number, settings: Settings): Promise<boolean> {
  counts.set(tabId, { count, url });
  const show = badgeShows(settings, url);
  await setText(tabId, badgeText(count, show));
  return show;
}

/** After a change of settings: every tab's badge as the new settings say. */
export async function refreshBadges(settings: Settings): Promise<void> {
  await Promise.all([...counts].map(([tabId, { count, url }]) => setText(tabId, badgeText(count, badgeShows(settings, url)))));
}

export function forgetTab(tabId: number): void {
  counts.delete(tabId);
}

/**
 * A tab began loading another page: its badge goes blank until that page reports its own count (one second
 * into its page view), so a page AdTally does not run in never shows the last page's number. A jump to a
 * fragment of the same page (`#section`) is no new page view and keeps the badge.
 */
export async function tabLoading(tabId: number, url: string | undefined): Promise<void> {
  const known = counts.get(tabId);
  if (!known) return;
  if (url !== undefined && known.url !== undefined && urlWithoutFragment(url) === urlWithoutFragment(known.url)) return;
  counts.delete(tabId);
  await setText(tabId, '');
}

async function setText(tabId: number, text: string): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
  } catch {
    // The tab was closed meanwhile.
    counts.delete(tabId);
  }
}
