/**
 * Tells AdTally's pages which database this background reads and at which schema version
 * (common/stored/db-schema.ts), so the popup reads its first screen itself only from a database this build
 * reads too. Written at every start of the background: an update starts the new background at once, before
 * any popup of the new version can open.
 */
import browser from 'webextension-polyfill';
import { DB_SCHEMA } from '../../common/stored/db-schema';
import { writeStored } from '../../common/stored/stored-key';
import { DB_NAME, DB_VERSION } from '../db/schema';

export function recordDbSchema(): void {
  void writeStored(browser.storage.local, DB_SCHEMA, { name: DB_NAME, version: DB_VERSION }).catch(() => {});
}
