/**
 * The name of AdTally's events database and the schema version this build's background upgrades it to: one
 * place for both, read by the background's schema (background/db/schema.ts) and by the extension pages
 * that read the database themselves (common/all-time-sites.ts), which come from the same build.
 */
export const DB_NAME = 'adtally';
export const DB_VERSION = 8;
