/**
 * The "My ads" watchlist as the dashboard reads and writes it: storage.local, validated on every read
 * (common/watchlist.ts). Exported with the aggregates JSON from the options page.
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
