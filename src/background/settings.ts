import browser from 'webextension-polyfill';
import type { Settings } from '../common/settings';
import { SETTINGS } from '../common/stored/settings';
import { readStored } from '../common/stored/stored-key';

export async function readSettings(): Promise<Settings> {
  return readStored(browser.storage.local, SETTINGS);
}
