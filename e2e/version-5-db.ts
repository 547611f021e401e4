/**
 * AdTally's database as schema version 5 shipped it, holding the given events (a JSON array) and nothing
 * else, for the upgrade tests. Evaluated in the extension's worker or one of its pages before anything has
 * opened the database; the events cross as JSON text (Playwright's own serialisation of 30,000 objects took
 * a minute on a busy machine).
 */
export async function writeVersion5Database(eventsJson: string): Promise<void> {
  const events = JSON.parse(eventsJson) as object[];
  await new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('adtally', 5);
    open.onupgradeneeded = () => {
      const db = open.result;
      const store = db.createObjectStore('events', { keyPath: 'id' });
      for (const index of ['time', 'site', 'pageViewId', 'fingerprint']) store.createIndex(index, index);
      db.createObjectStore('filterLists', { keyPath: 'id' });
      db.createObjectStore('totals', { keyPath: ['dimension', 'key', 'day'] }).createIndex('dimensionDay', ['dimension', 'day']);
      db.createObjectStore('creatives', { keyPath: 'fingerprint' }).createIndex('lastSeen', 'lastSeen');
      db.createObjectStore('allTime', { keyPath: ['dimension', 'key'] });
      for (const e of events) store.put(e);
    };
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error);
  });
}
