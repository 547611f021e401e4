/**
 * The `settings` key in storage.local: one object of the user's settings (common/settings.ts says what each
 * means). Reading merges over the defaults, so a setting added in a later version has its default at once,
 * and a stored value that is not one the setting allows is ignored.
 */
import { ALLOWED } from '../settings';
import type { Settings } from '../settings';
import type { StoredKey } from './stored-key';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  filterListUpdates: true,
  pageAddress: 'path',
  retentionDays: 0,
  paused: false,
  scope: 'all',
  pausedSites: [],
  allowSites: [],
  toolbarBadge: true,
  pictures: true,
});

export function withDefaults(stored: Record<string, unknown> | undefined): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, pausedSites: [], allowSites: [] };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const value = stored?.[key];
    if (ALLOWED[key](value)) (settings as unknown as Record<string, unknown>)[key] = value;
  }
  // Migration of settings from before scopes: sites paused then stay paused.
  if (!ALLOWED.scope(stored?.scope) && settings.pausedSites.length > 0) settings.scope = 'deny';
  return settings;
}

export const SETTINGS: StoredKey<Settings> = {
  area: 'local',
  key: 'settings',
  parse: (stored) => withDefaults(stored as Record<string, unknown> | undefined),
};
