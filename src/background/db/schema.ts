/**
 * The one schema module (architecture convention 8): every store, index and upgrade step of AdTally's
 * IndexedDB database, which lives in the extension's own origin, out of reach of the pages it measures.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { FilterListInfo, StoredEvent } from '../../common/types';

export const DB_NAME = 'adtally';
export const DB_VERSION = 3;

/** Totals for one site on one local day; kept in the same transaction as the events they sum. */
export interface SiteDay {
  site: string;
  day: string;
  impressions: number;
  viewable: number;
  clicks: number;
  /** Added in version 3; rows written before count as 0. */
  dwellMs?: number;
}

/** A filter list refreshed at run time: the compiled engine and what it is. */
export interface StoredFilterList {
  id: string;
  info: FilterListInfo;
  engine: Uint8Array;
}

export interface AdTallyDB extends DBSchema {
  filterLists: {
    key: string;
    value: StoredFilterList;
  };
  events: {
    key: string;
    value: StoredEvent;
    indexes: { time: number; site: string; pageViewId: string; fingerprint: string };
  };
  siteDays: {
    key: [string, string];
    value: SiteDay;
    indexes: { day: string };
  };
}

type UpgradeTx = IDBPTransaction<AdTallyDB, StoreNames<AdTallyDB>[], 'versionchange'>;

/** Upgrade steps by the version they create; each runs once, in order, for a database older than it. */
const UPGRADES: Record<number, (db: IDBPDatabase<AdTallyDB>, tx: UpgradeTx) => void> = {
  1: (db) => {
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('time', 'time');
    events.createIndex('site', 'site');
    events.createIndex('pageViewId', 'pageViewId');
    const siteDays = db.createObjectStore('siteDays', { keyPath: ['site', 'day'] });
    siteDays.createIndex('day', 'day');
  },
  2: (db) => {
    db.createObjectStore('filterLists', { keyPath: 'id' });
  },
  // Frequency: how often the same creative was seen.
  3: (_db, tx) => {
    tx.objectStore('events').createIndex('fingerprint', 'fingerprint');
  },
};

export function upgrade(db: IDBPDatabase<AdTallyDB>, oldVersion: number, tx: UpgradeTx): void {
  for (let version = oldVersion + 1; version <= DB_VERSION; version++) UPGRADES[version]?.(db, tx);
}
