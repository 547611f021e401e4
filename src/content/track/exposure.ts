/**
 * Exposure of each ad in one page view, pure so unit tests drive it with fake timers:
 *  - impression: the first moment the impression condition holds (impression-rule.ts);
 *  - viewable: the condition held continuously for 1 s (2 s for video ads), MRC Viewable Ad Impression
 *    Guidelines (2014); a hidden page breaks the run, which starts again when the ad is back in view;
 *  - dwell: total milliseconds the condition held.
 * Inputs are observations (from IntersectionObserver) and page visibility; a hidden tab stops every clock.
 */
import { isMeasuredNow, meetsImpressionCondition } from './impression-rule';
import type { Observation } from './impression-rule';

export const VIEWABLE_MS = 1000;
export const VIEWABLE_VIDEO_MS = 2000;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ExposureListener {
  /** The ad is measured: first seen on a visible page with a box an impression could use (in view or not). */
  onMeasured?(adId: string): void;
  onImpression(adId: string): void;
  onViewable(adId: string): void;
}

interface AdExposure {
  latest: Observation | null;
  /** When the current continuous run in view started; null when out of view. */
  inViewSince: number | null;
  /** Dwell of finished runs. */
  dwellMs: number;
  measured: boolean;
  impressed: boolean;
  viewable: boolean;
  viewableAfterMs: number;
  timer: unknown;
}

export class ExposureTracker {
  private readonly ads = new Map<string, AdExposure>();

  constructor(
    private pageVisible: boolean,
    private readonly listener: ExposureListener,
    private readonly clock: Clock = realClock,
  ) {}

  /** Starts tracking an ad; video ads need 2 s in view to be viewable. */
  track(adId: string, isVideo: boolean): void {
    if (this.ads.has(adId)) return;
    this.ads.set(adId, {
      latest: null,
      inViewSince: null,
      dwellMs: 0,
      measured: false,
      impressed: false,
      viewable: false,
      viewableAfterMs: isVideo ? VIEWABLE_VIDEO_MS : VIEWABLE_MS,
      timer: null,
    });
  }

  observe(adId: string, obs: Observation): void {
    const ad = this.ads.get(adId);
    if (!ad) return;
    ad.latest = obs;
    this.update(adId, ad);
  }

  setPageVisible(visible: boolean): void {
    this.pageVisible = visible;
    for (const [adId, ad] of this.ads) this.update(adId, ad);
  }

  /**
   * The ad's box as last observed, when it had one: the viewport observer reports it with every change of
   * the ad's exposure, so an event recorded then needs no layout read. Null before the first observation and
   * for an observed empty box (hidden, or released by found-ads.ts).
   */
  observedBox(adId: string): { width: number; height: number } | null {
    const latest = this.ads.get(adId)?.latest;
    return latest && (latest.width > 0 || latest.height > 0) ? { width: latest.width, height: latest.height } : null;
  }

  /** Whether the ad was measured: later observations' `inPage` decides nothing (impression-rule.ts). */
  isMeasured(adId: string): boolean {
    return this.ads.get(adId)?.measured ?? false;
  }

  hasImpression(adId: string): boolean {
    return this.ads.get(adId)?.impressed ?? false;
  }

  /** Records an impression another rule implies (a click on an ad not yet seen); true when it is new. */
  markImpressed(adId: string): boolean {
    const ad = this.ads.get(adId);
    if (!ad || ad.impressed) return false;
    ad.impressed = true;
    return true;
  }

  /** Dwell so far, including the run in progress. */
  dwellMs(adId: string): number {
    const ad = this.ads.get(adId);
    if (!ad) return 0;
    return ad.dwellMs + (ad.inViewSince === null ? 0 : this.clock.now() - ad.inViewSince);
  }

  /** Ads with any dwell, for the page view's dwell report. */
  dwellReport(): Map<string, number> {
    const report = new Map<string, number>();
    for (const adId of this.ads.keys()) {
      const ms = this.dwellMs(adId);
      if (ms > 0) report.set(adId, ms);
    }
    return report;
  }

  /** Stops every clock (page view over); the dwell so far stays readable. */
  stop(): void {
    this.pageVisible = false;
    for (const [adId, ad] of this.ads) this.update(adId, ad);
  }

  private update(adId: string, ad: AdExposure): void {
    // Measured first: an ad in view at its first observation is measured before it makes its impression.
    if (!ad.measured && ad.latest !== null && isMeasuredNow(ad.latest, this.pageVisible)) {
      ad.measured = true;
      this.listener.onMeasured?.(adId);
    }
    const inView = ad.latest !== null && meetsImpressionCondition(ad.latest, this.pageVisible);
    if (inView && ad.inViewSince === null) {
      ad.inViewSince = this.clock.now();
      if (!ad.impressed) {
        ad.impressed = true;
        this.listener.onImpression(adId);
      }
      if (!ad.viewable) ad.timer = this.clock.setTimeout(() => this.becomeViewable(adId), ad.viewableAfterMs);
    } else if (!inView && ad.inViewSince !== null) {
      ad.dwellMs += this.clock.now() - ad.inViewSince;
      ad.inViewSince = null;
      if (ad.timer !== null) this.clock.clearTimeout(ad.timer);
      ad.timer = null;
    }
  }

  private becomeViewable(adId: string): void {
    const ad = this.ads.get(adId);
    if (!ad || ad.viewable || ad.inViewSince === null) return;
    ad.timer = null;
    // Timers can fire late (a busy page); they never fire early, so the run did last long enough.
    ad.viewable = true;
    this.listener.onViewable(adId);
  }
}
