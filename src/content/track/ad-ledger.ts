/**
 * What one page view has recorded about each of its ads, in one record per ad: the attribution it was found
 * with, the furthest it got and the dwell last reported; and the events built from them. A metric kept per ad
 * is a field of `AdRecord`, not another map keyed by ad id that each feature must remember to fill.
 *
 * Pure: everything that needs the page (attribution, the ad's box, window focus, the address, the clock, ids)
 * comes in through `LedgerSources`, so these rules run in unit tests (docs/architecture.md, "Pure logic,
 * thin DOM glue"); track/page-sources.ts gives the real ones.
 */
import { reachesFurther } from '../../common/types';
import type { AdEvent, AdEventType, AdFold, MeasuredReach } from '../../common/types';
import type { Attribution } from '../attribution/attribute';
import type { Ad } from './ad-registry';

/** How far an ad got in its page view, in order: a later event never moves it back (the audit's badges). */
export type AdProgress = 'detected' | 'impression' | 'viewable' | 'clicked';

const PROGRESS_ORDER: readonly AdProgress[] = ['detected', 'impression', 'viewable', 'clicked'];

/** The progress each event type proves; dwell proves nothing new. */
const PROGRESS_OF: Record<AdEventType, AdProgress | null> = { impression: 'impression', viewable: 'viewable', click: 'clicked', dwell: null, measured: null };

/** How far each event takes a measured ad: a click proves an impression (the click records one), not viewability. */
const REACH_OF: Record<AdEventType, MeasuredReach | null> = { measured: 'measured', impression: 'impression', click: 'impression', viewable: 'viewable', dwell: null };

export interface AdRecord {
  attribution: Attribution;
  progress: AdProgress;
  /** The dwell last reported, in whole milliseconds; null until the first report. */
  reportedDwellMs: number | null;
  /** How far the ad got as its measured event says; null until it is measured. */
  reached: MeasuredReach | null;
  /** Above or below the fold, read once when the ad is first recorded (null: no box then); on every event. */
  fold: AdFold | null;
}

export interface LedgerSources {
  attribute(element: Element): Attribution;
  /** The ad's box in CSS pixels now. */
  boxOf(element: Element): { width: number; height: number };
  /**
   * Whether the ad's top lies within the page view's first viewport (track/fold.ts); null when the ad is
   * not laid out. Read once per ad, when it is first recorded.
   */
  foldOf(element: Element): AdFold | null;
  /** Whether the browser window has focus now. */
  focused(): boolean;
  pageUrl(): string;
  now(): number;
  newId(): string;
}

export class AdLedger {
  private readonly records = new Map<string, AdRecord>();

  constructor(
    readonly pageViewId: string,
    private readonly sources: LedgerSources,
  ) {}

  /**
   * An ad found, with the attribution computed to identify it. A known ad found again (a recycled list
   * showing it in another node) keeps the attribution and the fold it was first found with.
   */
  enter(ad: Pick<Ad, 'id' | 'element'>, attribution: Attribution): AdRecord {
    let record = this.records.get(ad.id);
    if (!record) {
      record = { attribution, progress: 'detected', reportedDwellMs: null, reached: null, fold: this.sources.foldOf(ad.element) };
      this.records.set(ad.id, record);
    }
    return record;
  }

  /** The ad's attribution, computed once for the page view. */
  attribution(ad: Ad): Attribution {
    return this.recordOf(ad).attribution;
  }

  progress(adId: string): AdProgress {
    return this.records.get(adId)?.progress ?? 'detected';
  }

  /** The event for something that happened to the ad now (`extra` overrides fields); moves its progress on. */
  record(ad: Ad, type: AdEventType, extra: Partial<AdEvent> = {}): AdEvent {
    const record = this.recordOf(ad);
    const reached = PROGRESS_OF[type];
    if (reached && PROGRESS_ORDER.indexOf(reached) > PROGRESS_ORDER.indexOf(record.progress)) record.progress = reached;
    return { ...this.eventFor(ad, type, record), ...extra };
  }

  /**
   * The ad's dwell event when its dwell, rounded, differs from the last reported; else null. One dwell event
   * per ad per page view, re-sent with the same id as it grows: the background keeps the latest value.
   */
  dwell(ad: Ad, dwellMs: number): AdEvent | null {
    const rounded = Math.round(dwellMs);
    const record = this.recordOf(ad);
    if (record.reportedDwellMs === rounded) return null;
    record.reportedDwellMs = rounded;
    return this.record(ad, 'dwell', { id: `${this.pageViewId}:${ad.id}:dwell`, dwellMs: rounded });
  }

  /**
   * Every event for something that happened to the ad now: its own event first, then its measured event
   * re-sent when this took the ad further (an impression, viewability, a click). The ad being measured is
   * only its measured event, sent once.
   */
  happened(ad: Ad, type: AdEventType, extra: Partial<AdEvent> = {}): AdEvent[] {
    if (type === 'measured') {
      const measured = this.measured(ad, type);
      return measured ? [measured] : [];
    }
    const event = this.record(ad, type, extra);
    const measured = this.measured(ad, type);
    return measured ? [event, measured] : [event];
  }

  /**
   * The ad's measured event when `type` takes it further: measured (on a visible page, in view or not), then
   * an impression, then viewable; else null. One per ad per page view, re-sent with the same id as the ad
   * gets further: the background keeps the furthest. An impression before any measurement (a click on an ad
   * not yet observed) measures the ad too, so every impression's ad is measured.
   */
  measured(ad: Ad, type: AdEventType): AdEvent | null {
    const reach = REACH_OF[type];
    const record = this.recordOf(ad);
    if (!reach || !reachesFurther(reach, record.reached)) return null;
    record.reached = reach;
    return this.record(ad, 'measured', { id: `${this.pageViewId}:${ad.id}:measured`, reached: reach });
  }

  private recordOf(ad: Ad): AdRecord {
    return this.records.get(ad.id) ?? this.enter(ad, this.sources.attribute(ad.element));
  }

  private eventFor(ad: Ad, type: AdEventType, { attribution, fold }: AdRecord): AdEvent {
    const box = this.sources.boxOf(ad.element);
    return {
      id: this.sources.newId(),
      type,
      time: this.sources.now(),
      pageViewId: this.pageViewId,
      adId: ad.id,
      rule: ad.rule,
      kind: ad.kind,
      network: ad.network,
      width: Math.round(box.width),
      height: Math.round(box.height),
      inFrame: false,
      inferred: false,
      focused: this.sources.focused(),
      dwellMs: 0,
      reached: null,
      fold,
      fingerprint: attribution.fingerprint,
      landingUrl: attribution.landingUrl,
      pageUrl: this.sources.pageUrl(),
    };
  }
}
