import type { Worker } from '@playwright/test';
import type { StoredEvent } from '../src/common/types';

/**
 * Every event AdTally stored, read from its IndexedDB in the service worker. Returns [] until the extension
 * has created its database (opening a database that does not exist would create an empty one).
 */
export async function storedEvents(serviceWorker: Worker): Promise<StoredEvent[]> {
  return serviceWorker.evaluate(readStoredEvents);
}

/**
 * The same read as a function to evaluate in the service worker, for drivers other than Playwright (the
 * prerender test drives Chromium with puppeteer-core).
 */
export async function readStoredEvents(): Promise<StoredEvent[]> {
  const names = (await indexedDB.databases()).map((d) => d.name);
  if (!names.includes('adtally')) return [];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('adtally');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const events = await new Promise<StoredEvent[]>((resolve, reject) => {
    const req = db.transaction('events').objectStore('events').getAll();
    req.onsuccess = () => resolve(req.result as StoredEvent[]);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return events;
}

/** Events of one type whose landing URL contains `marker` (each fixture ad links to its own ?c=… target). */
export function eventsFor(events: StoredEvent[], type: StoredEvent['type'], marker: string): StoredEvent[] {
  return events.filter((e) => e.type === type && (e.landingUrl ?? '').includes(marker));
}
