import { openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, upgrade } from './schema';
import type { AdTallyDB } from './schema';

let opening: Promise<IDBPDatabase<AdTallyDB>> | null = null;

/**
 * The database, opened lazily once per service-worker life and cached (convention 7). A failed open is not
 * cached, so the next message tries again.
 */
export function getDb(): Promise<IDBPDatabase<AdTallyDB>> {
  opening ??= openDB<AdTallyDB>(DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
    // A newer AdTally (after an update) wants the database: let it, and reopen on next use.
    blocking: (_current, _blocked, event) => {
      (event.target as IDBDatabase).close();
      opening = null;
    },
    terminated: () => {
      opening = null;
    },
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}
