import { openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, upgrade } from './schema';
import type { AdTallyDB } from './schema';

let opening: Promise<IDBPDatabase<AdTallyDB>> | null = null;

/** Told when an upgrade of an existing database starts and when the database is open (storage/upgrade-notice.ts). */
export interface OpenListener {
  upgradeStarted(from: number, to: number): void;
  opened(): void;
}
let listener: OpenListener | null = null;

/** Set once by the background entry; the database modules themselves use no extension API (and are unit-tested without one). */
export function listenToOpen(l: OpenListener): void {
  listener = l;
}

/**
 * The database, opened lazily once per service-worker life and cached (docs/architecture.md, "Service-worker discipline"). A failed open is not
 * cached, so the next message tries again.
 */
export function getDb(): Promise<IDBPDatabase<AdTallyDB>> {
  opening ??= openDB<AdTallyDB>(DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => {
      if (oldVersion > 0) listener?.upgradeStarted(oldVersion, DB_VERSION);
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
      listener?.opened();
      return db;
    })
    .catch((error: unknown) => {
      opening = null;
      throw error;
    });
  return opening;
}
