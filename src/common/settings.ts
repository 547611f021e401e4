/**
 * User settings: what each one means and the values it allows. How they are stored (the key, the defaults,
 * reading over them) is in stored/settings.ts (docs/architecture.md, "One definition per stored setting").
 */

/** How much of the address of the page an ad was on is stored with each event (applied at write time). */
export type PageAddress = 'site' | 'path' | 'full';
export const PAGE_ADDRESSES: readonly PageAddress[] = ['site', 'path', 'full'];

/**
 * Where ads are counted: every site, only the sites on the allow list, or every site but those on the deny
 * list (`pausedSites`, which "Pause on this site" in the popup adds to).
 */
export type TrackingScope = 'all' | 'allow' | 'deny';
export const TRACKING_SCOPES: readonly TrackingScope[] = ['all', 'allow', 'deny'];

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
  /** Default `all`: AdTally counts everywhere until the person narrows it. */
  scope: TrackingScope;
  /** The deny list: sites (registrable domains) where tracking is paused; applies in scope `deny`. */
  pausedSites: string[];
  /** The allow list: the only sites tracked in scope `allow`. */
  allowSites: string[];
  /** Default on: the number of ads on the current page on AdTally's toolbar icon, where ads are counted. */
  toolbarBadge: boolean;
  /**
   * Default on: a small picture of each new creative, cropped from the visible tab when it first becomes
   * viewable (docs/measurement.md, "Pictures"). It stays on this device like every count, and it is what
   * lets a person see which ad a count is about; off, no picture is taken.
   */
  pictures: boolean;
}

const isSiteList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 10_000 && v.every((s) => typeof s === 'string' && s.length > 0 && s.length <= 253);

/** The values each setting allows: what a stored value and a change from a page are checked against. */
export const ALLOWED: { [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  filterListUpdates: (v): v is boolean => typeof v === 'boolean',
  pageAddress: (v): v is PageAddress => PAGE_ADDRESSES.includes(v as PageAddress),
  retentionDays: (v): v is number => RETENTION_CHOICES.includes(v as number),
  paused: (v): v is boolean => typeof v === 'boolean',
  scope: (v): v is TrackingScope => TRACKING_SCOPES.includes(v as TrackingScope),
  pausedSites: isSiteList,
  allowSites: isSiteList,
  toolbarBadge: (v): v is boolean => typeof v === 'boolean',
  pictures: (v): v is boolean => typeof v === 'boolean',
};

/** Whether events on a site are to be recorded under these settings. */
export function isTracked(settings: Settings, site: string): boolean {
  if (settings.paused) return false;
  if (settings.scope === 'allow') return settings.allowSites.includes(site);
  if (settings.scope === 'deny') return !settings.pausedSites.includes(site);
  return true;
}

/**
 * The change "Pause on this site" (or un-pausing it) makes. In scope `allow` it removes the site from the
 * allow list (or adds it back); otherwise it adds the site to the deny list, switching scope `all` to `deny`
 * so the options page shows the list in use (or removes it from the deny list).
 */
export function togglePauseSite(settings: Settings, site: string): Partial<Settings> {
  const tracked = isTracked({ ...settings, paused: false }, site);
  const without = (list: string[]) => list.filter((s) => s !== site);
  if (settings.scope === 'allow') return { allowSites: tracked ? without(settings.allowSites) : [...without(settings.allowSites), site] };
  if (tracked) return { scope: 'deny', pausedSites: [...without(settings.pausedSites), site] };
  return { pausedSites: without(settings.pausedSites) };
}

/** A change to some settings, or null when any of its values is not one the setting allows. */
export function validSettingsChange(change: unknown): Partial<Settings> | null {
  if (typeof change !== 'object' || change === null) return null;
  const entries = Object.entries(change as Record<string, unknown>);
  const valid = entries.every(([key, value]) => key in ALLOWED && ALLOWED[key as keyof Settings](value));
  return valid && entries.length > 0 ? (Object.fromEntries(entries) as Partial<Settings>) : null;
}
