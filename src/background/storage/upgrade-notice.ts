/**
 * The database-upgrade notice in storage.local (common/stored/db-upgrade-notice.ts): set when an upgrade of
 * an existing database starts, removed once the database is open, which also clears the notice of an
 * upgrade cut short by a stopped service worker. Neither waits: the upgrade transaction must wait only for
 * its own requests.
 */
import browser from 'webextension-polyfill';
import { DB_UPGRADE_NOTICE } from '../../common/stored/db-upgrade-notice';
import { removeStored, writeStored } from '../../common/stored/stored-key';
import type { OpenListener } from '../db/open';

export const upgradeNotice: OpenListener = {
  upgradeStarted(from, to) {
    void writeStored(browser.storage.local, DB_UPGRADE_NOTICE, { from, to, since: Date.now() }).catch(() => {});
  },
  opened() {
    void removeStored(browser.storage.local, DB_UPGRADE_NOTICE).catch(() => {});
  },
};
