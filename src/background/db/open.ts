import { openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import browser from 'webextension-polyfill';
import { DB_UPGRADE_KEY } from '../../common/db-upgrade';
import type { DbUpgrade } from '../../common/db-upgrade';
import { DB_NAME, DB_VERSION, upgrade } from './schema';
import type { AdTallyDB } from './schema';

let opening: Promise<IDBPDatabase<AdTallyDB>> | null = null;

/**
 * The database, opened lazily once per service-worker life and cached (convention 7). A failed open is not
 * cached, so the next message tries again.
 */
export function getDb(): Promise<IDBPDatabase<AdTallyDB>> {
  opening ??= openDB<AdTallyDB>(DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => {
      // Not awaited: the upgrade transaction must not wait for anything but its own requests.
      if (oldVersion > 0) void browser.storage.local.set({ [DB_UPGRADE_KEY]: { from: oldVersion, to: DB_VERSION, since: Date.now() } satisfies DbUpgrade }).catch(() => {});
      return upgrade(db, oldVersion, tx);
    },
    // A newer AdTally (after an update) wants the database: let it, and reopen on next use.
    blocking: (_current, _blocked, event) => {
      (event.target as IDBDatabase).close();
      opening = null;
    },
    terminated: () => {
      opening = null;
    },
  })
    .then((db) => {
      // Done (or never needed); also clears the notice of an upgrade cut short by a stopped worker.
      void browser.storage.local.remove(DB_UPGRADE_KEY).catch(() => {});
      return db;
    })
    .catch((error: unknown) => {
      opening = null;
      throw error;
    });
  return opening;
}
