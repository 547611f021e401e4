/**
 * The database-upgrade notice in storage.local (common/db-upgrade.ts): set when an upgrade of an existing
 * database starts, removed once the database is open, which also clears the notice of an upgrade cut short
 * by a stopped service worker. Neither waits: the upgrade transaction must wait only for its own requests.
 */
import browser from 'webextension-polyfill';
import { DB_UPGRADE_KEY } from '../../common/db-upgrade';
import type { DbUpgrade } from '../../common/db-upgrade';
import type { OpenListener } from '../db/open';

export const upgradeNotice: OpenListener = {
  upgradeStarted(from, to) {
    void browser.storage.local.set({ [DB_UPGRADE_KEY]: { from, to, since: Date.now() } satisfies DbUpgrade }).catch(() => {});
  },
  opened() {
    void browser.storage.local.remove(DB_UPGRADE_KEY).catch(() => {});
  },
};
