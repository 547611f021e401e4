/**
 * The popup's first screen read straight from IndexedDB, in the popup's own page (docs/architecture.md,
 * "The popup reads its first screen itself"): extension pages share the background's database, so the
 * all-time row of each site, already summed by every write (background/db/schema.ts, `allTime`), is one
 * `getAll` away without waking the service worker.
 *
 * Read-only and never in the way of the background:
 *  - the database is opened WITHOUT a version, so this page can neither start nor block an upgrade: its
 *    connection closes as soon as the background asks for a new version, and right after its one read is
 *    issued, so an upgrade waits for that read only;
 *  - a database that does not exist yet is not created (the open's upgrade is aborted, and the answer is no
 *    rows: nothing was stored);
 *  - it is read only at the version this build's background wants and has said it runs (the stored
 *    `dbSchema`, common/stored/db-schema.ts) with no upgrade under way; anything else is the background's.
 * Null means "ask the background": its answer is the reference, and this read returns the same rows the
 * background's `readSiteTotals` would (proved by background/db/all-time-sites.test.ts against the real
 * schema and e2e/popup-first-read.spec.ts in Chromium and Firefox), unsorted: the popup sorts by the
 * person's choice.
 */
import { addCounts, pickCounts, ZERO_COUNTS } from './counts';
import type { DbSchema } from './stored/db-schema';
import type { KeyTotals, SiteStats } from './types';

/** The store and key range of the all-time site rows: [dimension, key] keys, as schema.ts declares them. */
const ALL_TIME_STORE = 'allTime';
const SITE_ROWS = (): IDBKeyRange => IDBKeyRange.bound(['site', ''], ['site', '\uffff']);

/**
 * Every site's all-time totals, or null when only the background may answer (see above). The database is
 * opened at once, while `mayRead` is still being decided (the stored `dbSchema` names this build's schema
 * and no upgrade runs): the open and the storage reads overlap, which is most of the popup's wait at a
 * million events. A connection waiting for `mayRead` closes as soon as the background asks for a new
 * version, and then answers null.
 */
export function readAllTimeSites(factory: IDBFactory, wanted: DbSchema, mayRead: Promise<boolean>): Promise<SiteStats[] | null> {
  const allowed = mayRead.catch(() => false);
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(wanted.name);
    } catch {
      resolve(null);
      return;
    }
    // Only a database that does not exist yet gets an upgrade from a versionless open: nothing is stored, so
    // there is no row, which is the background's answer too. The upgrade is aborted, so the background still
    // creates the database with its schema.
    let missing = false;
    request.onupgradeneeded = () => {
      missing = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault();
      if (!missing) resolve(null);
      else void allowed.then((ok) => resolve(ok ? [] : null));
    };
    request.onsuccess = () => {
      const db = request.result;
      let released = false;
      db.onversionchange = () => {
        released = true;
        db.close();
      };
      void allowed.then((ok) => {
        if (released || !ok || db.version !== wanted.version || !db.objectStoreNames.contains(ALL_TIME_STORE)) {
          db.close();
          resolve(null);
          return;
        }
        try {
          const read = db.transaction(ALL_TIME_STORE, 'readonly').objectStore(ALL_TIME_STORE).getAll(SITE_ROWS());
          read.onsuccess = () => resolve((read.result as KeyTotals[]).map((row) => ({ site: row.key, ...pickCounts(addCounts(ZERO_COUNTS, row)) })));
          read.onerror = (event) => {
            event.preventDefault();
            resolve(null);
          };
        } catch {
          resolve(null);
        } finally {
          // Closing lets the read's transaction finish; an upgrade waiting for this connection then goes ahead.
          db.close();
        }
      });
    };
  });
}
