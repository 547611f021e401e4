/**
 * While the background upgrades the database after an AdTally update (version 6 sums a row per cell from
 * every stored event: about a minute at a million events), it says so in storage.local, so the popup can
 * tell a person why it is waiting instead of showing "Loading…" for a minute.
 */
export const DB_UPGRADE_KEY = 'dbUpgrade';

export interface DbUpgrade {
  from: number;
  to: number;
  /** Epoch milliseconds when the upgrade started. */
  since: number;
}

export function dbUpgradeFrom(value: unknown): DbUpgrade | null {
  const v = (value ?? {}) as Partial<DbUpgrade>;
  return typeof v.from === 'number' && typeof v.to === 'number' && typeof v.since === 'number' ? { from: v.from, to: v.to, since: v.since } : null;
}
