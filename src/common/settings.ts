/**
 * User settings: a defaults object plus whatever the user changed, in storage.local (convention 9).
 * Reading merges over the defaults, so a setting added in a later version has its default at once.
 */
export const DEFAULT_SETTINGS = {
  /** Refresh filter lists weekly from their publishers: AdTally's only network traffic. */
  filterListUpdates: true,
};

export type Settings = typeof DEFAULT_SETTINGS;

export function withDefaults(stored: Record<string, unknown> | undefined): Settings {
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const value = stored?.[key];
    if (typeof value === typeof DEFAULT_SETTINGS[key]) settings[key] = value as Settings[typeof key];
  }
  return settings;
}
