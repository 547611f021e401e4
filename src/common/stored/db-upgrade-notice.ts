/**
 * The `dbUpgrade` key in storage.local: while the background upgrades the database after an AdTally update
 * and its backfill walks the stored events (db/backfill.ts: minutes at millions of events), it says so
 * here, so the popup can tell a person why it is waiting instead of showing "Loading…" for a minute.
 * Present only during an upgrade; anything malformed reads as no upgrade.
 */
import type { StoredKey } from './stored-key';

export interface DbUpgrade {
  from: number;
  to: number;
  /** Epoch milliseconds when the upgrade started. */
  since: number;
  /** While the upgrade's backfill walks the events (db/backfill.ts): events summed, of how many. */
  done?: number;
  total?: number;
}

export const DB_UPGRADE_NOTICE: StoredKey<DbUpgrade | null> = {
  area: 'local',
  key: 'dbUpgrade',
  parse(stored) {
    const v = (stored ?? {}) as Partial<DbUpgrade>;
    if (typeof v.from !== 'number' || typeof v.to !== 'number' || typeof v.since !== 'number') return null;
    const progress = typeof v.done === 'number' && typeof v.total === 'number' ? { done: v.done, total: v.total } : {};
    return { from: v.from, to: v.to, since: v.since, ...progress };
  },
};
