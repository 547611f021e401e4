/**
 * The "My ads" watchlist as AdTally's pages read and write it (common/stored/watchlist.ts): the dashboard
 * edits it, the options page exports it with the aggregates JSON.
 */
import browser from 'webextension-polyfill';
import type { WatchEntry } from '../common/watchlist';
import { WATCHLIST } from '../common/stored/watchlist';
import { readStored, writeStored } from '../common/stored/stored-key';

export async function loadWatchlist(): Promise<WatchEntry[]> {
  return readStored(browser.storage.local, WATCHLIST);
}

export async function saveWatchlist(entries: WatchEntry[]): Promise<void> {
  return writeStored(browser.storage.local, WATCHLIST, entries);
}
