/**
 * The background's `dbUpgrade` notice as AdTally's pages read it (common/stored/db-upgrade-notice.ts): present
 * while a schema upgrade runs or its backfill walks the stored events, with how far the walk got.
 */
import browser from 'webextension-polyfill';
import { DB_UPGRADE_NOTICE } from '../common/stored/db-upgrade-notice';
import type { DbUpgrade } from '../common/stored/db-upgrade-notice';
import { readStored } from '../common/stored/stored-key';
import { watchStored } from './watch-stored';

export function readDbUpgrade(): Promise<DbUpgrade | null> {
  return readStored(browser.storage.local, DB_UPGRADE_NOTICE);
}

/** Calls `onChange` with the notice (null once the upgrade is done) whenever it changes; returns the function that stops it. */
export function watchDbUpgrade(onChange: (upgrade: DbUpgrade | null) => void): () => void {
  return watchStored(DB_UPGRADE_NOTICE, onChange);
}
