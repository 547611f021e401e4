/**
 * Retention: raw events older than the user's limit are deleted once a day and whenever the limit changes,
 * with exactly what they added taken out of the daily totals and the creatives (see db/events.ts).
 */
import type { IDBPDatabase } from 'idb';
import { deleteEvents } from '../db/events';
import type { AdTallyDB } from '../db/schema';

export const RETENTION_ALARM = 'retention';
export const RETENTION_PERIOD_MINUTES = 24 * 60;
const DAY_MS = 24 * 3600_000;

/** Deletes events older than `retentionDays` before `now`; 0 keeps everything. Returns how many were deleted. */
export async function applyRetention(db: IDBPDatabase<AdTallyDB>, retentionDays: number, now: number): Promise<number> {
  if (retentionDays <= 0) return 0;
  return deleteEvents(db, { before: now - retentionDays * DAY_MS });
}
