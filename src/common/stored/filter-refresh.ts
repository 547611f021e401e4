/**
 * The `filterListRefresh` key in storage.local: the last filter-list download AdTally tried, weekly or asked
 * for, so the options page can say when a weekly refresh last failed (a failure otherwise only reaches the
 * service worker's console, which nobody reads). Without a time and an outcome it reads as none.
 */
import type { RefreshAttempt } from '../types';
import type { StoredKey } from './stored-key';

export const FILTER_REFRESH: StoredKey<RefreshAttempt | null> = {
  area: 'local',
  key: 'filterListRefresh',
  parse(stored) {
    const v = stored as Partial<RefreshAttempt> | null | undefined;
    if (!v || typeof v.time !== 'number' || typeof v.ok !== 'boolean') return null;
    return { time: v.time, ok: v.ok, trigger: v.trigger === 'manual' ? 'manual' : 'weekly', error: typeof v.error === 'string' ? v.error : null };
  },
};
