/** What kind of advertising an element is; see docs/measurement.md. */
export type AdKind = 'display' | 'native' | 'search' | 'social' | 'shopping' | 'video';

export const AD_KINDS: readonly AdKind[] = ['display', 'native', 'search', 'social', 'shopping', 'video'];

/**
 * impression and viewable happen at most once per ad per page view; click at most once per 500 ms; dwell is
 * the ad's cumulative time in view, re-sent with the same id as it grows (the latest value wins).
 */
export type AdEventType = 'impression' | 'viewable' | 'click' | 'dwell' | 'measured';

/**
 * How far a measured ad got in its page view, on its `measured` event: only measured (on a visible page,
 * never in view), an impression, or viewable. The denominator's numerators (docs/measurement.md, Measured ad).
 */
export type MeasuredReach = 'measured' | 'impression' | 'viewable';
export const MEASURED_REACHES: readonly MeasuredReach[] = ['measured', 'impression', 'viewable'];

/**
 * Whether the ad's top lay within the first viewport of its page view: its document top above the page
 * view's first scroll position plus the window's height, both taken as the page view started
 * (docs/measurement.md, Placement).
 */
export type AdFold = 'above' | 'below';
export const AD_FOLDS: readonly AdFold[] = ['above', 'below'];

/** Whether `next` takes a measured ad further than `than` (none yet: null); the one order of reaches. */
export function reachesFurther(next: MeasuredReach | null, than: MeasuredReach | null): boolean {
  const rank = (reach: MeasuredReach | null) => (reach ? MEASURED_REACHES.indexOf(reach) : -1);
  return rank(next) > rank(than);
}

/**
 * One thing that happened to one ad, as the content script reports it.
 * The site is deliberately absent: the background derives it from the sender's tab (docs/architecture.md, "Distrust senders").
 */
export interface AdEvent {
  /** Random id; a retried batch carries the same ids, so a write is never doubled. */
  id: string;
  type: AdEventType;
  /** Epoch milliseconds, taken in the page when the event happened. */
  time: number;
  /** Random id of the page view the ad was seen in. */
  pageViewId: string;
  /** Id of the ad within its page view (stable for the life of the element). */
  adId: string;
  /** Why this element is an ad: the signature id that matched. */
  rule: string;
  kind: AdKind;
  /** The ad system, when the signature knows it (e.g. "Google Ad Manager"). */
  network: string | null;
  /** Size of the ad in CSS pixels when the event happened. */
  width: number;
  height: number;
  /** For clicks: true when the click happened inside an iframe within the ad. */
  inFrame: boolean;
  /** For clicks: true when inferred from focus moving into the ad's iframe (a frame that runs no script). */
  inferred: boolean;
  /** Whether the browser window had focus (document.hasFocus()) when the event happened. */
  focused: boolean;
  /** For dwell events: milliseconds the ad met the impression condition in this page view so far. */
  dwellMs: number;
  /** For measured events: how far the ad got in its page view so far; null on every other event. */
  reached: MeasuredReach | null;
  /** Above or below the fold, taken once per ad when it is first recorded; null when the ad had no box then. */
  fold: AdFold | null;
  /** Same creative, same fingerprint, on any page (see content/attribution/fingerprint.ts). */
  fingerprint: string;
  /** Click-through target, unwrapped from redirectors; null when the page cannot see it. */
  landingUrl: string | null;
  /** Address of the page the ad was on, when the event happened; the background stores as much of it as the user allows. */
  pageUrl: string;
}

/** An event as stored: what the content script sent plus what the background derived. */
export interface StoredEvent extends Omit<AdEvent, 'pageUrl' | 'fold'> {
  /** Events stored before version 7 lack it: read as null, unknown. */
  fold?: AdFold | null;
  /**
   * The page address as far as the `pageAddress` setting allows at write time: null for "site only"; the
   * URL without query and fragment (the default); or the full URL. Events stored before version 4 lack it.
   */
  pageUrl?: string | null;
  /** Registrable domain of the top-level page (see site.ts). */
  site: string;
  /** Local calendar day of `time`, YYYY-MM-DD, the key of the daily aggregates. */
  day: string;
  /** Registrable domain of the landing URL, derived in the background; null when unknown. */
  advertiser: string | null;
}

/** Local calendar days, YYYY-MM-DD, both included; an absent end is open. */
export interface DayRange {
  from?: string;
  to?: string;
}

/** One row of the per-site table the popup shows: the site's totals (dwell: total time ads were in view). */
export interface SiteStats extends Totals {
  site: string;
}

/** One day's totals over everything: a point of the dashboard's chart. */
export interface DailyTotals extends Totals {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
}

/** One row of a "top" table: a site, an advertiser … and its totals over the range. */
export interface KeyStats extends Totals {
  /** The site, advertiser domain …; '' when unknown (ads that show no landing page have no advertiser). */
  key: string;
}

/** A filter-list element-hiding rule, used to detect ads (never to hide them), as the background sends it. */
export interface FilterRule {
  /** A plain CSS selector, or null when `extended` holds a procedural selector. */
  selector: string | null;
  /** Procedural selector AST (@ghostery/adblocker-extended-selectors) for :has-text, :upward and the like. */
  extended: unknown;
  /** The rule as the list writes it, after the list's name and version: stored with every ad it finds. */
  rule: string;
}

/** A filter list compiled into the extension or refreshed since, as filters/lists.json describes it. */
export interface FilterListInfo {
  id: string;
  name: string;
  version: string;
  source: string;
  obtained: string;
  sha256: string;
  cosmeticFilters: number;
}

/** The last filter-list download tried: when, why (the weekly alarm or "Update now"), and how it ended. */
export interface RefreshAttempt {
  time: number;
  trigger: 'weekly' | 'manual';
  ok: boolean;
  /** The browser's or server's words when it failed. */
  error: string | null;
}

/** A filter list as the options page shows it: `bundled` when it is the copy built into AdTally, else downloaded since. */
export interface FilterListStatus extends FilterListInfo {
  bundled: boolean;
}

/** An ad found in a page view, as the top frame reports it (never stored). */
export interface DetectedAd {
  adId: string;
  /** Where it is: see css-path.ts. */
  path: string;
  rule: string;
  kind: AdKind;
  network: string | null;
  width: number;
  height: number;
}

/**
 * The ways the daily totals are cut: `all` is one row per day over everything (the dashboard's chart);
 * `cell` is one row per combination of site, advertiser, network and kind (schema version 6), from which
 * the dashboard's filtered views and "My ads" sum any combination of filters (see common/cells.ts).
 * `placement` is one row per fold, size class and kind (common/placement.ts) and `timeInView` one per
 * time-in-view bucket (common/time-in-view.ts), both schema version 7.
 */
export type Dimension = 'all' | 'site' | 'advertiser' | 'network' | 'kind' | 'cell' | 'placement' | 'timeInView';

export interface Totals {
  impressions: number;
  viewable: number;
  clicks: number;
  /** Time ads were in view, milliseconds. */
  dwellMs: number;
  /**
   * Measured ads (one per ad per page view on a visible page, in view or not), and how many of them made an
   * impression and became viewable: the in-view and viewability rates. Rows written before measured ads
   * were counted lack them, which reads as 0 measured: the rates are then "n/a", never 0%.
   */
  measured?: number;
  measuredInView?: number;
  measuredViewable?: number;
}

/** One record per ad fingerprint: the same creative wherever it was shown. */
export interface Creative extends Totals {
  fingerprint: string;
  /** Epoch milliseconds of the first and the latest event stored for it. */
  firstSeen: number;
  lastSeen: number;
  /** Attribution as last seen (a creative keeps its landing page; an unknown field keeps the earlier value). */
  kind: AdKind;
  network: string | null;
  advertiser: string | null;
  landingUrl: string | null;
  /** The rule that found it, for explaining the count. */
  rule: string;
  width: number;
  height: number;
}

/** Sums of the events of one day for one value of one dimension (one site, one advertiser …). */
export interface DayTotals extends Totals {
  dimension: Dimension;
  /** The site, advertiser domain, network name or kind; '' when unknown (an ad whose advertiser is hidden). */
  key: string;
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
}

/**
 * Sums of every event stored for one value of one dimension, over all days (schema version 5): what an
 * all-time table reads instead of a row per key and day.
 */
export interface KeyTotals extends Totals {
  dimension: Dimension;
  key: string;
}

/** A database write that failed, as the popup shows it (see background/storage/write-health.ts). */
export interface WriteProblem {
  /** A sentence for people: what happened and what AdTally does about it. */
  message: string;
  /** The browser's error, for bug reports. */
  detail: string;
  /** Epoch milliseconds of the first failure since the last good write. */
  since: number;
}
