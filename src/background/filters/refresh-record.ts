/**
 * The last filter-list download AdTally tried, weekly or asked for, as the background records and reads it
 * (common/stored/filter-refresh.ts).
 */
import browser from 'webextension-polyfill';
import { FILTER_REFRESH } from '../../common/stored/filter-refresh';
import { readStored, writeStored } from '../../common/stored/stored-key';
import type { RefreshAttempt } from '../../common/types';
import type { RefreshResult } from './refresh';

export async function recordRefresh(result: RefreshResult, trigger: RefreshAttempt['trigger'], time = Date.now()): Promise<void> {
  const attempt: RefreshAttempt = result.ok ? { time, trigger, ok: true, error: null } : { time, trigger, ok: false, error: result.error };
  await writeStored(browser.storage.local, FILTER_REFRESH, attempt);
}

export async function readLastRefresh(): Promise<RefreshAttempt | null> {
  return readStored(browser.storage.local, FILTER_REFRESH);
}
