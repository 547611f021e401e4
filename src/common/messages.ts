/**
 * The one message protocol between AdTally's parts (docs/architecture.md, "One typed message protocol").
 * Every message is `{type, ...payload}`; each type names its payload and its response.
 */
import type { CellDimension, CellFilter } from './cells';
import type { Frequency } from './frequency';
import type { CreativeSighting, GalleryCard, PictureData } from './pictures';
import type { TokenFilterData } from './token-filter';
import type { UserRule } from './user-rules';
import type { WatchEntry } from './watchlist';
import type { AdEvent, Creative, DailyTotals, DayRange, DayTotals, DetectedAd, FilterListInfo, FilterListStatus, FilterRule, KeyStats, RefreshAttempt, SiteStats, StoredEvent, Totals, WriteProblem } from './types';

/** A ranked table's rows and how many keys there are in all. */
export interface TopRows {
  rows: KeyStats[];
  total: number;
}

/** Counts of one entry of "My ads", or of the whole watchlist. */
export interface WatchCounts {
  totals: Totals;
  /** Every site the ads were seen on, most impressions first. */
  bySite: KeyStats[];
}

/**
 * The dashboard's placement and time-in-view panels: the range's counts per fold ('' unknown), per size
 * class and per kind; per time-in-view bucket (key: its lower bound in ms) the impressions with a time in
 * view and that time; and the range's totals over every ad.
 */
export interface PlacementStats {
  fold: KeyStats[];
  size: KeyStats[];
  kind: KeyStats[];
  timeInView: KeyStats[];
  totals: Totals;
}

/** Where an export page ended: the next page starts after this event (time order, ties by id). */
export interface EventPosition {
  time: number;
  id: string;
}

export interface ContentMessages {
  /**
   * A batch of events from a top frame's outbox. `stored` lists the ids now stored (or stored before: a retry
   * is idempotent); `rejected` lists ids that failed validation and will never be stored. The outbox forgets both.
   */
  events: { payload: { events: AdEvent[] }; response: { stored: string[]; rejected: string[] } };
  /**
   * The filter-list rules for the page, from the class names, ids and link targets the top frame has seen
   * (only the rules whose tokens occur, as uBlock Origin's surveyor does). `first` asks also for the rules
   * keyed by hostname and the generic ones without tokens, which the page needs once.
   */
  pageRules: {
    payload: { classes: string[]; ids: string[]; hrefs: string[]; first: boolean };
    /**
     * `userRules`: the user's own rules for this page's host, sent with the first answer only. `tracked`: whether
     * AdTally counts on this page's site now (not paused, in scope); a page view that is not tracked detects and
     * tracks nothing.
     */
    response: { rules: FilterRule[]; platform: string | null; userRules: UserRule[]; tracked: boolean; tokenFilter?: TokenFilterData };
  };
  /** A correction from the on-page audit, filed under the sender tab's hostname (never one from the payload). */
  addUserRule: { payload: { kind: UserRule['kind']; selector: string }; response: { line: string } };
  /** A trusted click happened inside a child frame; the background tells the top frame, which knows the ad. */
  frameClick: { payload: { time: number; landingUrl: string | null }; response: { forwarded: boolean } };
  /**
   * How many ads the top frame's page view holds now that a person could see (the audit's and the accuracy
   * corpus's list): the number on the toolbar icon. `shown` says whether the badge shows it (it does not
   * where the person turned it off or ads are not counted).
   */
  pageAds: { payload: { count: number }; response: { shown: boolean } };
  /**
   * A creative became viewable for the first time in this page view (once per fingerprint per page view):
   * the background may take its picture (common/pictures.ts). `queued`: a picture will be tried.
   */
  creativeSeen: { payload: CreativeSighting; response: { queued: boolean } };
}

export interface UiMessages {
  /**
   * Per-site totals over the days, sorted by impressions; `currentSite` is the site of the tab the popup was
   * opened for; `writeProblem` says when events could not be saved.
   */
  getStats: {
    payload: { tabId: number | null; days: DayRange };
    response: { rows: SiteStats[]; currentSite: string | null; writeProblem: WriteProblem | null };
  };
  /**
   * The site of the popup's tab (`siteOf` its page), for a popup that found no note of it in storage.session
   * (common/stored/tab-site.ts).
   */
  getTabSite: { payload: { tabId: number | null }; response: { site: string | null } };
  /**
   * The dashboard's chart: totals over everything per day, oldest first, only days that have any (the
   * page fills the gaps). From the daily totals, never the raw events.
   */
  getDailySeries: { payload: { days: DayRange }; response: { rows: DailyTotals[] } };
  /**
   * The dashboard's top tables: the `limit` sites or advertisers with most impressions over the days (all
   * time when the range is open), and how many there are in all.
   */
  getTopKeys: {
    payload: { dimension: TopDimension; days: DayRange; limit: number };
    response: TopRows;
  };
  /**
   * A filtered view of the dashboard (any of site, advertiser, network, kind): its totals per day and its
   * top `limit` keys of each dimension, summed from the cell rows of the range.
   */
  getSlice: {
    payload: { days: DayRange; filter: CellFilter; limit: number };
    response: { series: DailyTotals[]; top: Record<CellDimension, TopRows>; totals: Totals };
  };
  /**
   * Frequency over the creatives seen in the range (their counts are over all time): the distribution of
   * impressions per creative and the `limit` most seen. A site filter does not apply (a creative has no site).
   */
  getFrequency: { payload: { days: DayRange; filter: CellFilter; limit: number }; response: Frequency };
  /**
   * "My ads": the counts of each watchlist entry and of the whole list (an ad matched twice counted once)
   * over the days, with a per-site breakdown. `source` says whether the cells answered or, because a
   * landing-URL pattern needs each ad's URL, the raw events did.
   */
  getWatchStats: {
    payload: { days: DayRange; entries: WatchEntry[] };
    /**
     * `siteImpressions`: every ad's impressions on each site where watched ads were seen, for their share of
     * voice; `allAds`: every ad's counts over the days, unfiltered, whose CTR the Reading column reads against.
     */
    response: { entries: WatchCounts[]; combined: WatchCounts; source: 'aggregates' | 'events'; siteImpressions: Record<string, number>; allAds: Totals };
  };
  /**
   * Placement and time in view over the days (all time when the range covers every day), from the
   * `placement` and `timeInView` rows: every site and advertiser, whatever the dashboard's filter.
   */
  getPlacement: { payload: { days: DayRange }; response: PlacementStats };
  /** Raw events in time order, a page at a time (exports); `total` is how many are stored, for progress. */
  exportEvents: {
    payload: { after: EventPosition | null; limit: number };
    response: { events: StoredEvent[]; next: EventPosition | null; total: number };
  };
  /** Every daily-total row and every creative record (the aggregates export). */
  exportAggregates: { payload: object; response: { totals: DayTotals[]; creatives: Creative[] } };
  /**
   * Lines of an NDJSON export, parsed by the page, validated and stored here. `line` is the 1-based line
   * number in the file, for error reports. Events already stored are left as they are.
   */
  importEvents: {
    payload: { lines: { line: number; value: unknown }[] };
    response: { added: number; alreadyStored: number; errors: { line: number; reason: string }[] };
  };
  /** Deletes one site's events, or everything when `site` is null. */
  deleteData: { payload: { site: string | null }; response: { deleted: number } };
  /**
   * The gallery: creatives seen in the range that pass the filter (a site filter: those with events on the
   * site), newest last-seen first, `limit` from `offset`, with their pictures. `watch`: only the creatives a
   * watchlist entry matches (My ads). `total`: how many pass.
   */
  getGallery: {
    payload: { days: DayRange; filter: CellFilter; offset: number; limit: number; watch: WatchEntry[] | null };
    response: { cards: GalleryCard[]; total: number };
  };
  /** How many pictures are stored and their bytes (options). */
  getPictureCount: { payload: object; response: { count: number; bytes: number } };
  /** Deletes every picture (the counts stay). */
  deletePictures: { payload: object; response: { deleted: number } };
  /** Pictures in fingerprint order, a page at a time, for "Export ad pictures"; `next` is the last one's fingerprint. */
  exportPictures: { payload: { after: string | null; limit: number }; response: { pictures: PictureData[]; next: string | null; total: number } };
  /** The filter lists in use: the last downloaded copy of each, else the one bundled with AdTally. */
  getFilterLists: { payload: object; response: { lists: FilterListStatus[]; lastRefresh: RefreshAttempt | null } };
  /**
   * Downloads the lists now (the person asked, so even with weekly updates off). On failure `error` says why
   * and the list in use stays.
   */
  updateFilterLists: { payload: object; response: { ok: true; info: FilterListInfo } | { ok: false; error: string } };
}

/** The dimensions the dashboard ranks. */
export type TopDimension = CellDimension;
export const TOP_DIMENSIONS: readonly TopDimension[] = ['site', 'advertiser', 'network', 'kind'];

/** Sent by the background to a tab's top frame. */
export interface TabMessages {
  childFrameClicked: { payload: { time: number; landingUrl: string | null }; response: void };
  /** Turns the on-page audit on or off (`on: null` only asks); answers whether it is on. */
  setAudit: { payload: { on: boolean | null }; response: { on: boolean } };
  /** The ads found in this page view, with why: for the accuracy corpus now and the on-page audit later. */
  listDetections: {
    payload: Record<string, never>;
    /**
     * `observed`: elements the current page view watches; `pageViews`: page views started in this document;
     * `pending`: events in the outbox not yet acknowledged; `tracked`: whether the background said the current
     * page view's page is tracked (null until it answered; false: paused or out of scope, nothing is detected).
     */
    response: { ads: DetectedAd[]; observed: number; pageViews: number; pending: number; tracked: boolean | null };
  };
}

type AnyProtocol = ContentMessages | UiMessages | TabMessages;
type Union<P> = { [K in keyof P]: { type: K } & PayloadOf<P, K> }[keyof P];

export type ContentMessage = Union<ContentMessages>;
export type UiMessage = Union<UiMessages>;
export type TabMessage = Union<TabMessages>;
export type BackgroundMessage = ContentMessage | UiMessage;

export type PayloadOf<P, K extends keyof P> = P[K] extends { payload: infer X } ? X : never;
export type ResponseOf<P extends AnyProtocol, K extends keyof P> = P[K] extends { response: infer R } ? R : never;
/** One message of a protocol as it travels: `{type, ...payload}`. */
export type MessageOf<P, K extends keyof P> = { type: K } & PayloadOf<P, K>;

/** Every message the background answers, content and UI alike: the keys its route table must cover. */
export type BackgroundMessages = ContentMessages & UiMessages;

/**
 * A handler for every message of a protocol, each given its own payload and answering its own response type:
 * a missing handler or a wrong pairing fails to compile (the content script's table for TabMessages).
 */
export type Handlers<P extends AnyProtocol> = {
  [K in keyof P]: (payload: PayloadOf<P, K>) => ResponseOf<P, K> | Promise<ResponseOf<P, K>>;
};

/** Sends one message of a protocol and types its answer by the message's type: a wrong pairing fails to compile. */
export type Sender<P extends AnyProtocol> = <K extends keyof P>(type: K, payload: PayloadOf<P, K>) => Promise<ResponseOf<P, K>>;

/**
 * A typed sender over a raw one (`runtime.sendMessage`, `tabs.sendMessage` to a frame, or a wrapper of either),
 * which common/ cannot call itself. The wire format stays `{type, ...payload}`.
 */
export function typedSender<P extends AnyProtocol>(send: (message: Union<P>) => Promise<unknown>): Sender<P> {
  return <K extends keyof P>(type: K, payload: PayloadOf<P, K>) => send({ type, ...(payload as object) } as Union<P>) as Promise<ResponseOf<P, K>>;
}
