/**
 * The one message protocol between AdTally's parts (architecture convention 1).
 * Every message is `{type, ...payload}`; each type names its payload and its response.
 */
import type { AdEvent, DetectedAd, FilterRule, SiteStats } from './types';

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
    response: { rules: FilterRule[]; platform: string | null };
  };
  /** A trusted click happened inside a child frame; the background tells the top frame, which knows the ad. */
  frameClick: { payload: { time: number; landingUrl: string | null }; response: { forwarded: boolean } };
}

export interface UiMessages {
  /** Per-site totals, sorted by impressions; `site` is the site of the tab the popup was opened for. */
  getStats: { payload: { tabId: number | null }; response: { rows: SiteStats[]; currentSite: string | null } };
}

/** Sent by the background to a tab's top frame. */
export interface TabMessages {
  childFrameClicked: { payload: { time: number; landingUrl: string | null }; response: void };
  /** The ads found in this page view, with why: for the accuracy corpus now and the on-page audit later. */
  listDetections: {
    payload: Record<string, never>;
    /**
     * `observed`: elements the current page view watches; `pageViews`: page views started in this document;
     * `pending`: events in the outbox not yet acknowledged.
     */
    response: { ads: DetectedAd[]; observed: number; pageViews: number; pending: number };
  };
}

type AnyProtocol = ContentMessages | UiMessages | TabMessages;
type Union<P> = { [K in keyof P]: { type: K } & (P[K] extends { payload: infer X } ? X : never) }[keyof P];

export type ContentMessage = Union<ContentMessages>;
export type UiMessage = Union<UiMessages>;
export type TabMessage = Union<TabMessages>;
export type BackgroundMessage = ContentMessage | UiMessage;

export type ResponseOf<P extends AnyProtocol, K extends keyof P> = P[K] extends { response: infer R } ? R : never;

/** Message types a content script may send; anything else from a tab is dropped (convention 2). */
export const CONTENT_MESSAGE_TYPES: ReadonlySet<string> = new Set<keyof ContentMessages>(['events', 'pageRules', 'frameClick']);
/** Message types only extension pages (popup, dashboard) may send. */
export const UI_MESSAGE_TYPES: ReadonlySet<string> = new Set<keyof UiMessages>(['getStats']);
