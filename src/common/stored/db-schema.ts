/**
 * The `dbSchema` key in storage.local: the database this AdTally's background reads, by name, and the schema
 * version it wants (background/db/schema.ts, the one place both are defined), written by the background each
 * time it starts. An extension page that reads the database itself (the popup's first screen,
 * common/all-time-sites.ts) reads it only at this version: a database at another version is about to be
 * upgraded, or is from another AdTally, and its rows are the background's to read. Anything malformed, or
 * nothing (a background that has not started since this key was added), reads as null: ask the background.
 */
import type { StoredKey } from './stored-key';

export interface DbSchema {
  name: string;
  version: number;
}

export const DB_SCHEMA: StoredKey<DbSchema | null> = {
  area: 'local',
  key: 'dbSchema',
  parse(stored) {
    const v = (stored ?? {}) as Partial<DbSchema>;
    return typeof v.name === 'string' && v.name !== '' && Number.isInteger(v.version) && v.version! > 0 ? { name: v.name, version: v.version! } : null;
  },
};
