/**
 * The `dbUpgrade` key in storage.local: while the background upgrades the database after an AdTally update
 * (version 6 sums a row per cell from every stored event: about a minute at a million events), it says so
 * here, so the popup can tell a person why it is waiting instead of showing "Loading…" for a minute.
 * Present only during an upgrade; anything malformed reads as no upgrade.
 */
import type { StoredKey } from './stored-key';

export interface DbUpgrade {
  from: number;
  to: number;
  /** Epoch milliseconds when the upgrade started. */
  since: number;
}

export const DB_UPGRADE_NOTICE: StoredKey<DbUpgrade | null> = {
  area: 'local',
  key: 'dbUpgrade',
  parse(stored) {
    const v = (stored ?? {}) as Partial<DbUpgrade>;
    return typeof v.from === 'number' && typeof v.to === 'number' && typeof v.since === 'number' ? { from: v.from, to: v.to, since: v.since } : null;
  },
};
