/**
 * The last filter-list download AdTally tried, weekly or asked for, kept in storage.local so the options
 * page can say when a weekly refresh last failed (a failure otherwise only reaches the service worker's
 * console, which nobody reads).
 */
import browser from 'webextension-polyfill';
import type { RefreshAttempt } from '../../common/types';
import type { RefreshResult } from './refresh';

const KEY = 'filterListRefresh';

export async function recordRefresh(result: RefreshResult, trigger: RefreshAttempt['trigger'], time = Date.now()): Promise<void> {
  const attempt: RefreshAttempt = result.ok ? { time, trigger, ok: true, error: null } : { time, trigger, ok: false, error: result.error };
  await browser.storage.local.set({ [KEY]: attempt });
}

export async function readLastRefresh(): Promise<RefreshAttempt | null> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<RefreshAttempt> | undefined;
  if (!stored || typeof stored.time !== 'number' || typeof stored.ok !== 'boolean') return null;
  return { time: stored.time, ok: stored.ok, trigger: stored.trigger === 'manual' ? 'manual' : 'weekly', error: typeof stored.error === 'string' ? stored.error : null };
}
