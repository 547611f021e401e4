/**
 * Settings as AdTally's own pages read and change them (storage.local; docs/architecture.md, "One definition per stored setting"). The background reads
 * the same key (background/settings.ts) and listens for changes.
 */
import browser from 'webextension-polyfill';
import { validSettingsChange, withDefaults } from '../common/settings';
import type { Settings } from '../common/settings';

export async function loadSettings(): Promise<Settings> {
  return withDefaults((await browser.storage.local.get('settings')).settings as Record<string, unknown> | undefined);
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const valid = validSettingsChange(change);
  if (!valid) throw new Error('That setting value is not allowed.');
  const settings = { ...(await loadSettings()), ...valid };
  await browser.storage.local.set({ settings });
  return settings;
}
