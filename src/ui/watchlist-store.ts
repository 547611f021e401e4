/**
 * The "My ads" watchlist as AdTally's pages read and write it: the dashboard edits it, the options page
 * exports it with the aggregates JSON. Kept in storage.local and validated on every read (common/watchlist.ts).
 */
import browser from 'webextension-polyfill';
import { WATCHLIST_KEY, watchlistFrom } from '../common/watchlist';
import type { WatchEntry } from '../common/watchlist';

export async function loadWatchlist(): Promise<WatchEntry[]> {
  return watchlistFrom((await browser.storage.local.get(WATCHLIST_KEY))[WATCHLIST_KEY]);
}

export async function saveWatchlist(entries: WatchEntry[]): Promise<void> {
  await browser.storage.local.set({ [WATCHLIST_KEY]: entries });
}
