/**
 * The database-upgrade notice in storage.local (common/stored/db-upgrade-notice.ts): set when an upgrade of
 * an existing database starts, kept with the backfill's progress while it walks the events (db/backfill.ts),
 * removed once nothing is left to backfill, which also clears the notice of an upgrade cut short. None
 * waits: the upgrade transaction must wait only for its own requests.
 *
 * The progress write after each chunk also keeps Chromium's service worker alive through a long backfill:
 * an extension API call resets its 30-second idle timer, IndexedDB work does not.
 */
import browser from 'webextension-polyfill';
import { DB_UPGRADE_NOTICE } from '../../common/stored/db-upgrade-notice';
import type { DbUpgrade } from '../../common/stored/db-upgrade-notice';
import { readStored, removeStored, writeStored } from '../../common/stored/stored-key';
import type { OpenListener } from '../db/open';
import { DB_VERSION } from '../db/schema';

let current: DbUpgrade | null = null;

export const upgradeNotice: OpenListener = {
  upgradeStarted(from, to) {
    current = { from, to, since: Date.now() };
    void writeStored(browser.storage.local, DB_UPGRADE_NOTICE, current).catch(() => {});
  },
  progress({ done, total }) {
    void (async () => {
      // A worker restarted mid-backfill did not see the upgrade start: the stored notice says when it did.
      current ??= (await readStored(browser.storage.local, DB_UPGRADE_NOTICE)) ?? { from: DB_VERSION - 1, to: DB_VERSION, since: Date.now() };
      await writeStored(browser.storage.local, DB_UPGRADE_NOTICE, { ...current, done, total });
    })().catch(() => {});
  },
  finished() {
    current = null;
    void removeStored(browser.storage.local, DB_UPGRADE_NOTICE).catch(() => {});
  },
};

/**
 * Whether an upgrade was left unfinished (its notice is still stored): then the background opens the
 * database as it starts, so the backfill goes on without waiting for a message that needs the database.
 */
export async function upgradeLeftUnfinished(): Promise<boolean> {
  return (await readStored(browser.storage.local, DB_UPGRADE_NOTICE).catch(() => null)) !== null;
}
