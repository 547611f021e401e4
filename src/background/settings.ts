import browser from 'webextension-polyfill';
import { withDefaults } from '../common/settings';
import type { Settings } from '../common/settings';

export async function readSettings(): Promise<Settings> {
  return withDefaults((await browser.storage.local.get('settings')).settings as Record<string, unknown> | undefined);
}
