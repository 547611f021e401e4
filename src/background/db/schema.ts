/**
 * The one schema module (docs/architecture.md, "One schema module"): every store, index and upgrade step of AdTally's
 * IndexedDB database, which lives in the extension's own origin, out of reach of the pages it measures.
 *
 * Four kinds of data, all written in the same transaction (see events.ts):
 * - `events`: every raw event, as the content script measured it plus what the background derived;
 * - `totals`: daily sums per site, advertiser, network, kind and over everything, which every first screen
 *   reads, so the popup never scans raw events;
 * - `allTime`: the same sums over all days, one row per site, advertiser …, for all-time tables (at a
 *   million events a site has hundreds of daily rows);
 * - `creatives`: one record per ad fingerprint, for frequency ("how often was this creative seen").
 *
 * The totals and all-time rows include the `cell` dimension (version 6): one row per combination of site,
 * advertiser, network and kind, which filtered dashboard views and "My ads" sum (common/cells.ts); and
 * (version 7) the `placement` dimension (fold × size class × kind, common/placement.ts) and the `timeInView`
 * distribution (common/time-in-view.ts); (version 8) the landing-host index (db/landing-hosts.ts).
 *
 * Since version 8 an upgrade step never walks the events inside IndexedDB's upgrade transaction: it creates
 * stores and indexes and plans a backfill (db/backfill.ts), which sums the events afterwards in chunks of
 * ordinary transactions, resumable after the service worker is stopped (docs/architecture.md).
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Creative, DayTotals, Dimension, FilterListInfo, KeyTotals, StoredEvent, Totals } from '../../common/types';
import { addCounts, pickCounts, ZERO_COUNTS } from '../../common/counts';
import { contributionsOf, creativeOf, mergeCreative } from './aggregates';
import type { Backfill } from './backfill-coverage';
import type { LandingEntry, LandingKey } from './landing-hosts';
import { DB_NAME, DB_VERSION } from '../../common/db-identity';

export type { DayTotals, KeyTotals };
export { DB_NAME, DB_VERSION };

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
  totals: {
    key: [Dimension, string, string];
    value: DayTotals;
    /** A dimension over a range of days: the popup's table and the dashboard's charts. */
    indexes: { dimensionDay: [Dimension, string] };
  };
  creatives: {
    key: string;
    value: Creative;
    indexes: { lastSeen: number };
  };
  /** One dimension's rows over all days: [dimension, ''] … [dimension, '\uffff']. */
  allTime: {
    key: [Dimension, string];
    value: KeyTotals;
  };
  /** Landing host, day and event id of every event with a landing URL (version 8), with what My ads counts of it. */
  landingHosts: {
    key: LandingKey;
    value: LandingEntry;
  };
  /** Backfills still walking the events, by the version whose upgrade planned them (version 8). */
  backfills: {
    key: number;
    value: Backfill;
  };
}

type UpgradeTx = IDBPTransaction<AdTallyDB, StoreNames<AdTallyDB>[], 'versionchange'>;
/** Stores of earlier versions that the current schema no longer has; only upgrade steps touch them. */
type LegacyTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** What the steps of one upgrade leave to its backfill: the dimensions to sum from the events, the landing index. */
interface Walk {
  dimensions: Dimension[];
  landingHosts: boolean;
}

/**
 * Upgrade steps by the version they create; each runs once, in order, for a database older than it. A step
 * that needs every event summed adds to `walk` instead of reading them (versions 6, 7 and 8).
 */
const UPGRADES: Record<number, (db: IDBPDatabase<AdTallyDB>, tx: UpgradeTx, walk: Walk) => Promise<void> | void> = {
  1: (db) => {
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('time', 'time');
    events.createIndex('site', 'site');
    events.createIndex('pageViewId', 'pageViewId');
    const legacy = db as unknown as IDBPDatabase;
    legacy.createObjectStore('siteDays', { keyPath: ['site', 'day'] }).createIndex('day', 'day');
  },
  2: (db) => {
    db.createObjectStore('filterLists', { keyPath: 'id' });
  },
  // Frequency: how often the same creative was seen.
  3: (_db, tx) => {
    tx.objectStore('events').createIndex('fingerprint', 'fingerprint');
  },
  // Daily totals per site, advertiser, network and kind, and one record per creative, built from what is stored.
  4: async (db, tx) => {
    db.createObjectStore('totals', { keyPath: ['dimension', 'key', 'day'] }).createIndex('dimensionDay', ['dimension', 'day']);
    db.createObjectStore('creatives', { keyPath: 'fingerprint' }).createIndex('lastSeen', 'lastSeen');
    await backfillAggregates(tx);
    db.deleteObjectStore('siteDays' as never);
  },
  // All-time sums per site, advertiser …, summed from the daily totals.
  5: async (db, tx) => {
    db.createObjectStore('allTime', { keyPath: ['dimension', 'key'] });
    await backfillAllTime(tx);
  },
  // Cells (site × advertiser × network × kind per day, and all time), summed from the raw events.
  6: (_db, _tx, walk) => {
    walk.dimensions.push('cell');
  },
  // Placement (fold × size class × kind) and the time-in-view distribution, summed from the raw events.
  7: (_db, _tx, walk) => {
    walk.dimensions.push('placement', 'timeInView');
  },
  // The landing-host index of "My ads" by landing-URL pattern, and the store of pending backfills.
  8: (db, _tx, walk) => {
    db.createObjectStore('landingHosts');
    db.createObjectStore('backfills', { keyPath: 'version' });
    walk.landingHosts = true;
  },
};

/** The dimensions version 4 summed from raw events (site and all were copied); later dimensions have their own step. */
const VERSION_4_EVENT_DIMENSIONS: readonly Dimension[] = ['advertiser', 'network', 'kind'];

/**
 * Runs the steps from `oldVersion` on, then stores the backfill they planned. A backfill left unfinished by
 * an earlier upgrade stays: it covers other dimensions, and the walks run one after the other.
 */
export async function upgrade(db: IDBPDatabase<AdTallyDB>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  const walk: Walk = { dimensions: [], landingHosts: false };
  for (let version = oldVersion + 1; version <= DB_VERSION; version++) await UPGRADES[version]?.(db, tx, walk);
  // A new database has no events to walk.
  if (oldVersion === 0 || (walk.dimensions.length === 0 && !walk.landingHosts)) return;
  await tx.objectStore('backfills').put({ version: DB_VERSION, ...walk, after: null, done: 0, total: null });
}

/**
 * Version 4's new stores, filled from the version-3 data in the upgrade transaction. The per-site rows are
 * copied from the old `siteDays` store as they were (they are what users have been shown); the other
 * dimensions and the creatives are summed from the raw events, which every earlier version kept in full.
 */
async function backfillAggregates(tx: UpgradeTx): Promise<void> {
  const rows = new Map<string, DayTotals>();
  const add = (dimension: Dimension, key: string, day: string, counts: Totals) => {
    const id = `${dimension}\u0000${key}\u0000${day}`;
    const row = rows.get(id) ?? { dimension, key, day, ...ZERO_COUNTS };
    rows.set(id, { ...row, ...addCounts(row, counts) });
  };
  for (const old of (await (tx as unknown as LegacyTx).objectStore('siteDays').getAll()) as OldSiteDay[]) {
    const counts = { impressions: old.impressions, viewable: old.viewable, clicks: old.clicks, dwellMs: old.dwellMs ?? 0 };
    add('site', old.site, old.day, counts);
    add('all', '', old.day, counts);
  }
  const creatives = new Map<string, Creative>();
  let cursor = await tx.objectStore('events').openCursor();
  while (cursor) {
    const event = withV3Defaults(cursor.value);
    for (const c of contributionsOf(event, event.dwellMs)) if (VERSION_4_EVENT_DIMENSIONS.includes(c.dimension)) add(c.dimension, c.key, event.day, c.counts);
    const creative = creativeOf(event, event.dwellMs);
    if (creative) creatives.set(creative.fingerprint, mergeCreative(creatives.get(creative.fingerprint), creative));
    cursor = await cursor.continue();
  }
  for (const row of rows.values()) await tx.objectStore('totals').put(row);
  for (const creative of creatives.values()) await tx.objectStore('creatives').put(creative);
}

/** Version 5's all-time rows: the daily totals summed per dimension and key, read a chunk at a time. */
async function backfillAllTime(tx: UpgradeTx): Promise<void> {
  const sums = new Map<string, KeyTotals>();
  const totals = tx.objectStore('totals');
  let after: [Dimension, string, string] | null = null;
  for (;;) {
    const rows: DayTotals[] = await totals.getAll(after ? IDBKeyRange.lowerBound(after, true) : null, 10_000);
    for (const row of rows) {
      const id = `${row.dimension}\u0000${row.key}`;
      const sum = sums.get(id) ?? { dimension: row.dimension, key: row.key, ...ZERO_COUNTS };
      sums.set(id, { ...sum, ...addCounts(sum, pickCounts(row)) });
    }
    const last = rows.at(-1);
    if (!last || rows.length < 10_000) break;
    after = [last.dimension, last.key, last.day];
  }
  await Promise.all([...sums.values()].map((row) => tx.objectStore('allTime').put(row)));
}

interface OldSiteDay {
  site: string;
  day: string;
  impressions: number;
  viewable: number;
  clicks: number;
  dwellMs?: number;
}

/** Events stored by versions 1 and 2 lack the fields version 3 added; read them with neutral values. */
function withV3Defaults(event: StoredEvent): StoredEvent {
  return {
    ...event,
    dwellMs: event.dwellMs ?? 0,
    fingerprint: event.fingerprint ?? '',
    advertiser: event.advertiser ?? null,
    landingUrl: event.landingUrl ?? null,
  };
}
