import { openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, upgrade } from './schema';
import type { AdTallyDB } from './schema';
import { runBackfills } from './backfill';
import type { BackfillListener } from './backfill';

let opening: Promise<IDBPDatabase<AdTallyDB>> | null = null;

/**
 * Told when an upgrade of an existing database starts, how far its backfill is after each chunk, and when
 * nothing is left to backfill (at every open: storage/upgrade-notice.ts).
 */
export interface OpenListener extends BackfillListener {
  upgradeStarted(from: number, to: number): void;
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
      // The upgrade only created stores; what it needs summed from the events is walked now, a chunk at a
      // time, while the database answers (db/backfill.ts). A run cut short goes on at the next open.
      void runBackfills(db, listener ?? { progress: () => {}, finished: () => {} }).catch((error: unknown) => console.warn('AdTally: database backfill paused, will go on at the next start:', error));
      return db;
    })
    .catch((error: unknown) => {
      opening = null;
      throw error;
    });
  return opening;
}
