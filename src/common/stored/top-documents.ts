/**
 * The `topDocuments` key in storage.session: the top documents each tab showed, so a restarted service
 * worker still files the events a page hands over as it is left (background/sender-page.ts). Read as
 * stored: sender-page.ts skips every entry that is not a tab id with a list of ids.
 */
import type { StoredKey } from './stored-key';

export const TOP_DOCUMENTS: StoredKey<Record<string, string[]> | undefined> = {
  area: 'session',
  key: 'topDocuments',
  parse: (stored) => stored as Record<string, string[]> | undefined,
};
