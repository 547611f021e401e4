/**
 * Settings as AdTally's own pages read and change them (common/stored/settings.ts; docs/architecture.md,
 * "One definition per stored setting"). The background reads the same definition and listens for changes.
 */
import browser from 'webextension-polyfill';
import { validSettingsChange } from '../common/settings';
import type { Settings } from '../common/settings';
import { SETTINGS } from '../common/stored/settings';
import { readStored, writeStored } from '../common/stored/stored-key';

export async function loadSettings(): Promise<Settings> {
  return readStored(browser.storage.local, SETTINGS);
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const valid = validSettingsChange(change);
  if (!valid) throw new Error('That setting value is not allowed.');
  const settings = { ...(await loadSettings()), ...valid };
  await writeStored(browser.storage.local, SETTINGS, settings);
  return settings;
}
