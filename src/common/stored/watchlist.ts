/**
 * The `watchlist` key in storage.local: "My ads", an array of entries (common/watchlist.ts), edited on the
 * dashboard and exported with the aggregates. Only well-formed entries read back, each once.
 */
import { watchlistFrom } from '../watchlist';
import type { WatchEntry } from '../watchlist';
import type { StoredKey } from './stored-key';

export const WATCHLIST: StoredKey<WatchEntry[]> = { area: 'local', key: 'watchlist', parse: watchlistFrom };
