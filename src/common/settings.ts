/**
 * User settings: a defaults object plus whatever the user changed, in storage.local (convention 9).
 * Reading merges over the defaults, so a setting added in a later version has its default at once, and a
 * stored value that is not one the setting allows is ignored.
 */

/** How much of the address of the page an ad was on is stored with each event (applied at write time). */
export type PageAddress = 'site' | 'path' | 'full';
export const PAGE_ADDRESSES: readonly PageAddress[] = ['site', 'path', 'full'];

/** How long raw events are kept, in days; 0 keeps them until the user deletes them. */
export const RETENTION_CHOICES: readonly number[] = [0, 30, 90, 180, 365, 730];

export interface Settings {
  /** Refresh filter lists weekly from their publishers: AdTally's only network traffic. */
  filterListUpdates: boolean;
  /** Default `path`: enough to tell an article from the front page, without the query that may carry identifiers. */
  pageAddress: PageAddress;
  /**
   * Default 0 (keep): AdTally's data never leaves the machine, and a researcher's year of data must not vanish
   * because nobody changed a default. Users who want less history choose a limit (docs/data-format.md).
   */
  retentionDays: number;
  /** Tracking paused everywhere: no event is stored until it is resumed. */
  paused: boolean;
  /** Sites (registrable domains) where tracking is paused. */
  pausedSites: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  filterListUpdates: true,
  pageAddress: 'path',
  retentionDays: 0,
  paused: false,
  pausedSites: [],
});

const ALLOWED: { [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  filterListUpdates: (v): v is boolean => typeof v === 'boolean',
  pageAddress: (v): v is PageAddress => PAGE_ADDRESSES.includes(v as PageAddress),
  retentionDays: (v): v is number => RETENTION_CHOICES.includes(v as number),
  paused: (v): v is boolean => typeof v === 'boolean',
  pausedSites: (v): v is string[] => Array.isArray(v) && v.length <= 10_000 && v.every((s) => typeof s === 'string' && s.length > 0 && s.length <= 253),
};

/** Whether events on a site are to be recorded under these settings. */
export function isTracked(settings: Settings, site: string): boolean {
  return !settings.paused && !settings.pausedSites.includes(site);
}

export function withDefaults(stored: Record<string, unknown> | undefined): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, pausedSites: [...DEFAULT_SETTINGS.pausedSites] };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const value = stored?.[key];
    if (ALLOWED[key](value)) (settings as unknown as Record<string, unknown>)[key] = value;
  }
  return settings;
}

/** A change to some settings, or null when any of its values is not one the setting allows. */
export function validSettingsChange(change: unknown): Partial<Settings> | null {
  if (typeof change !== 'object' || change === null) return null;
  const entries = Object.entries(change as Record<string, unknown>);
  const valid = entries.every(([key, value]) => key in ALLOWED && ALLOWED[key as keyof Settings](value));
  return valid && entries.length > 0 ? (Object.fromEntries(entries) as Partial<Settings>) : null;
}
